import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('the package', () => {
  it('ships exactly the bundles, the manifest files, the schema and the icon (vsce ls)', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stdout.trim().split('\n').sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/client.js',
      'dist/server.js',
      'language-configuration.json',
      'media/icon.png',
      'package.json',
      'schemas/crm-module.schema.json',
      'syntaxes/crm-module.tmLanguage.json',
    ]);
  });

  it('.vscodeignore and .npmignore name only files that exist', () => {
    for (const ignoreFile of ['.vscodeignore', '.npmignore']) {
      const kept = readFileSync(path.join(ROOT, ignoreFile), 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('!'))
        .map((line) => line.slice(1));
      for (const file of kept)
        assert.ok(existsSync(path.join(ROOT, file)), `${ignoreFile} keeps ${file}, which does not exist`);
    }
  });

  it('installs nothing at run time: the server, the client and the CLI are bundled', () => {
    assert.equal(manifest.dependencies, undefined);
    for (const bin of Object.values(manifest.bin) as string[]) assert.match(bin, /^\.\/dist\/\w+\.js$/);
    assert.ok(manifest.icon && existsSync(path.join(ROOT, manifest.icon)));
    assert.ok(manifest.repository?.url && manifest.bugs?.url && manifest.homepage && manifest.galleryBanner?.color);
    assert.match(
      readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'),
      new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}$`, 'm'),
    );
  });
});

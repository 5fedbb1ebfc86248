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
      'media/view.svg',
      'media/walkthrough/create.md',
      'media/walkthrough/fix.md',
      'media/walkthrough/open.md',
      'media/walkthrough/pull.md',
      'media/walkthrough/signIn.md',
      'package.json',
      'schemas/crm-fields.schema.json',
      'schemas/crm-module.schema.json',
      'syntaxes/crm-fields.tmLanguage.json',
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

  it("the walkthrough's pages exist and its links run commands that exist (ours, or VS Code's own)", () => {
    const ours = new Set(manifest.contributes.commands.map((command: { command: string }) => command.command));
    const vscodes = new Set(['workbench.action.quickOpen', 'workbench.actions.view.problems']);
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough.steps.length, 5);
    for (const step of walkthrough.steps) {
      assert.ok(existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
      const links = [...step.description.matchAll(/\(command:([\w.]+)/g)].map((match) => match[1]);
      assert.ok(links.length > 0, step.id);
      for (const command of links) assert.ok(ours.has(command) || vscodes.has(command), `${step.id}: ${command}`);
      for (const event of step.completionEvents)
        assert.match(event, /^(onLanguage:zoho-crm-module|onCommand:[\w.]+|onContext:zohoCrm\.signedIn)$/);
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

/** docs/architecture.md keeps up with the code: every source folder has its place in the code map. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFolders(folder: string): string[] {
  const here = readdirSync(path.join(ROOT, folder));
  const found = here.some((name) => name.endsWith('.ts')) ? [folder] : [];
  for (const name of here) {
    if (statSync(path.join(ROOT, folder, name)).isDirectory()) found.push(...sourceFolders(`${folder}/${name}`));
  }
  return found;
}

describe('the architecture document', () => {
  const text = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
  const codeMap = text.slice(text.indexOf('## Code map'), text.indexOf('\n## ', text.indexOf('## Code map') + 1));

  it('names every source folder in the code map', () => {
    const folders = [...sourceFolders('server'), ...sourceFolders('client')];
    assert.ok(folders.length >= 10, folders.join(', '));
    const missing = folders.filter((folder) => !codeMap.includes(`\`${folder}\``));
    assert.deepEqual(missing, [], `add these to the code map of docs/architecture.md: ${missing.join(', ')}`);
  });

  it('names only files that exist', () => {
    for (const [, file] of text.matchAll(/`((?:client|server|test|scripts|schemas)\/[\w./-]+\.(?:ts|mjs|json))`/g)) {
      assert.ok(statSync(path.join(ROOT, file), { throwIfNoEntry: false }), `${file} is named but does not exist`);
    }
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyExamples, writeDemoReadme } from '../../scripts/tryIt';
import { DEMO_CLIENT } from '../zohoStandIn/standIn';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

describe('npm start', () => {
  it("opens a fresh copy of examples/: editing it (auto-save) leaves the repository's files as they are", () => {
    const before = Object.fromEntries(
      readdirSync(EXAMPLES).map((name) => [name, readFileSync(path.join(EXAMPLES, name), 'utf8')]),
    );
    const workspace = copyExamples(mkdtempSync(path.join(tmpdir(), 'zoho-try-test-')));
    assert.ok(workspace.startsWith(tmpdir()), workspace);
    assert.notEqual(path.resolve(workspace), EXAMPLES);
    for (const [name, text] of Object.entries(before)) {
      assert.equal(readFileSync(path.join(workspace, name), 'utf8'), text);
      writeFileSync(path.join(workspace, name), '{}');
      assert.equal(readFileSync(path.join(EXAMPLES, name), 'utf8'), text);
    }
  });

  it('the first screen says how to sign in to the local Zoho: the README of the copy names its client and code link', () => {
    const workspace = copyExamples(mkdtempSync(path.join(tmpdir(), 'zoho-try-test-')));
    writeDemoReadme(workspace, 'http://127.0.0.1:47110');
    const readme = readFileSync(path.join(workspace, 'README.md'), 'utf8');
    assert.ok(readme.includes(`| Client ID | \`${DEMO_CLIENT.clientId}\` |`));
    assert.ok(readme.includes(`| Client secret | \`${DEMO_CLIENT.clientSecret}\` |`));
    assert.ok(readme.includes('http://127.0.0.1:47110/__standin/self-client-code'));
    assert.ok(!readdirSync(EXAMPLES).includes('README.md'), "the repository's examples/ stay as they are");
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyExamples } from '../../scripts/tryIt';

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
});

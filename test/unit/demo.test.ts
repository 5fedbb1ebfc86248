import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyExamples, writeDemoReadme } from '../../scripts/tryIt';
import { analyze } from '../../server/languageservice';
import { FieldsStore } from '../zohoStandIn/fields';
import { applyEdits } from '../helpers/modules';
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

  it("the demo's fields file shows the loop its README promises: one local mistake with its fix, one label Leads has", () => {
    const text = readFileSync(path.join(EXAMPLES, 'Leads.crm-fields.json'), 'utf8');
    const { findings } = analyze(text, 'v7', 'fields');
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.message, finding.fixes?.[0]?.title]),
      [['DEPENDENT_FIELD_MISSING', 'A textarea field needs "textarea".', 'Add "textarea"']],
    );
    const fixed = applyEdits(text, findings[0].fixes![0].edits);
    assert.deepEqual(analyze(fixed, 'v7', 'fields').findings, []);
    // The local Zoho's Leads has a system field "Company": the one Zoho refuses, on its line.
    assert.ok(new FieldsStore().list('Leads').some((field) => field.field_label === 'Company'));
    assert.match(text, /"field_label": "Company"/);
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

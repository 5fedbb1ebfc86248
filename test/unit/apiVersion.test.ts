import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, ApiVersion, complete, hover, keyDocumentation, reanalyze } from '../../server/languageservice';
import { V8_SPEC_EXAMPLES } from '../fixtures/v8SpecExamples';
import { applyEdits, SAMPLE_AUTONUMBER, SAMPLE_TEXT } from '../helpers/modules';

const TEAM = V8_SPEC_EXAMPLES.TeamBasedModule;
const spans = (text: string, version: ApiVersion) =>
  analyze(text, version).findings.map((finding) => [
    finding.code,
    finding.severity,
    text.slice(finding.offset, finding.offset + finding.length),
  ]);

describe('API v8 beside v7', () => {
  it("every request example of Zoho's v8 spec lints clean under v8; the doc page samples under both", () => {
    for (const [name, text] of Object.entries(V8_SPEC_EXAMPLES))
      assert.deepEqual(analyze(text, 'v8').findings, [], name);
    for (const text of [SAMPLE_AUTONUMBER, SAMPLE_TEXT]) {
      assert.deepEqual(analyze(text, 'v7').findings, []);
      assert.deepEqual(analyze(text, 'v8').findings, []);
    }
  });

  it('under v7 a team-based body is what Zoho v7 would make of it: profiles missing, and access_type named as a v8 key', () => {
    const found = analyze(TEAM, 'v7').findings;
    assert.deepEqual(
      found.map((finding) => [finding.code, finding.severity]),
      [
        ['MANDATORY_NOT_FOUND', 'error'],
        ['NEEDS_LATER_API_VERSION', 'warning'],
      ],
    );
    assert.match(
      found[1].message,
      /^"access_type" needs Zoho CRM API v8; v7 ignores it\. Set zohoCrm\.apiVersion to "v8" to use it\.$/,
    );
  });

  it('v8: a team-based module takes no profiles (an error on the key, with a fix that removes it)', () => {
    const text = TEAM.replace(
      '"access_type": "team_based"',
      '"access_type": "team_based",\n      "profiles": [{ "id": "1" }]',
    );
    const [finding, ...rest] = analyze(text, 'v8').findings;
    assert.deepEqual(rest, []);
    assert.deepEqual(
      [finding.code, text.slice(finding.offset, finding.offset + finding.length)],
      ['INVALID_DATA', '"profiles"'],
    );
    assert.equal(finding.message, 'A team-based module takes no profiles: Zoho gives access by team.');
    assert.deepEqual(analyze(applyEdits(text, finding.fixes![0].edits), 'v8').findings, []);
  });

  it('v8: org_based (or no access_type) still needs profiles; a wrong access_type is INVALID_DATA with the two values', () => {
    const orgBased = TEAM.replace('team_based', 'org_based');
    assert.deepEqual(
      spans(orgBased, 'v8').map(([code]) => code),
      ['MANDATORY_NOT_FOUND'],
    );
    const wrong = V8_SPEC_EXAMPLES.MinimalModule.replace('"api_name"', '"access_type": "team",\n      "api_name"');
    const [finding] = analyze(wrong, 'v8').findings;
    assert.deepEqual([finding.code, finding.rule], ['INVALID_DATA', 'enum']);
    assert.match(finding.message, /"team" is not a valid access_type: use "org_based" or "team_based"\./);
  });

  it('completion, snippets and hover know access_type under v8 only', () => {
    const at = (textWithCursor: string, version: ApiVersion) => {
      const offset = textWithCursor.indexOf('|');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      return complete(analyze(text, version).parsed, offset).map((item) => item.label);
    };
    assert.ok(at('{"modules": [{"plural_label": "A", |}]}', 'v8').includes('access_type'));
    assert.ok(!at('{"modules": [{"plural_label": "A", |}]}', 'v7').includes('access_type'));
    assert.ok(at('{"modules": [|]}', 'v8').includes('Team-based module'));
    assert.ok(!at('{"modules": [|]}', 'v7').includes('Team-based module'));
    assert.deepEqual(at('{"modules": [{"access_type": "|"}]}', 'v8'), ['"org_based"', '"team_based"']);
    const markdown = hover(analyze(TEAM, 'v8').parsed, TEAM.indexOf('"access_type"') + 2)!.markdown;
    assert.match(markdown, /^\*\*access_type\*\* · `string` · optional · API v8 and later\n/);
    const documentation = keyDocumentation({ objectPath: ['modules', 0], key: 'access_type', apiVersion: 'v8' })!;
    assert.match(documentation, /Zoho CRM API v8 and later \(setting `zohoCrm\.apiVersion`\)/);
  });

  it("where Zoho's spec and its pages disagree, the pages win and the key's documentation says the spec differs", () => {
    const text = V8_SPEC_EXAMPLES.MinimalModule;
    const hovered = hover(analyze(text, 'v8').parsed, text.indexOf('"plural_label"') + 2)!.markdown;
    assert.match(hovered, /At most 25 characters/);
    const label = keyDocumentation({ objectPath: ['modules', 0], key: 'plural_label', apiVersion: 'v8' })!;
    assert.match(label, /OpenAPI spec \(v8\) allows 50 characters.*This extension follows the pages\./);
    const apiName = keyDocumentation({ objectPath: ['modules', 0], key: 'api_name', apiVersion: 'v8' })!;
    assert.match(apiName, /spec \(v8\) allows only letters and digits/);
  });

  it("a change of version re-checks in full, never patching the other version's findings", () => {
    const v7 = analyze(TEAM, 'v7');
    const edited = TEAM.replace('TeamModule1"', 'TeamModule2"');
    assert.deepEqual(reanalyze(v7, edited, 'v8').findings, []);
    assert.equal(reanalyze(v7, edited, 'v8').parsed.apiVersion, 'v8');
  });
});

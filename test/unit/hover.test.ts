import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, hover, keyDocumentation } from '../../server/languageservice';
import { rootSchemaOf } from '../../server/languageservice/schema';
import { body } from '../helpers/modules';

function hoverOn(text: string, snippet: string, delta = 1) {
  return hover(analyze(text).parsed, text.indexOf(snippet) + delta);
}

describe('hover', () => {
  it('on plural_label: type, mandatory, 25 characters, allowed characters, a link to the reserved words', () => {
    const result = hoverOn(body(), '"plural_label"')!;
    assert.match(result.markdown, /\*\*plural_label\*\* · `string` · mandatory/);
    assert.match(result.markdown, /At most 25 characters/);
    assert.match(result.markdown, /letters, digits and spaces/);
    assert.match(
      result.markdown,
      /\[Reserved words\]\(https:\/\/www\.zoho\.com\/crm\/developer\/docs\/api\/v7\/create-custom-module-api\.html\)/,
    );
  });
  it('on api_name: optional, 50 characters, the allowed characters', () => {
    const result = hoverOn(body(), '"api_name"')!;
    assert.match(result.markdown, /optional/);
    assert.match(result.markdown, /At most 50 characters · English letters, digits, spaces and underscores/);
  });
  it('the completion documentation of a key keeps every rule, the reserved words and where the spec differs', () => {
    const apiName = keyDocumentation({ objectPath: ['modules', 0], key: 'api_name' })!;
    assert.match(apiName, /Must start with an English letter/);
    assert.match(apiName, /Must not end with an underscore/);
    assert.match(apiName, /RESERVED_KEYWORD_NOT_ALLOWED/);
    const label = keyDocumentation({ objectPath: ['modules', 0], key: 'plural_label' })!;
    assert.match(
      label,
      /CustomTab, CustomModule, Fileupload, Imageupload, General … \[34 more\]\(https:\/\/www\.zoho\.com\/crm\/developer\/docs\/api\/v7\/create-custom-module-api\.html\)/,
    );
    assert.equal(label.match(/empty/g)?.length, 1, label);
  });
  it('on start_number: 16 digits', () =>
    assert.match(hoverOn(body(), '"start_number"')!.markdown, /At most 16 digits/));
  it('on data_type: its values', () => assert.match(hoverOn(body(), '"data_type"')!.markdown, /`autonumber`, `text`/));
  it('on a reserved value: the key, not the problem again (the diagnostic says it, once)', () => {
    const text = body((m) => (m.api_name = 'Notes'));
    const result = hoverOn(text, '"Notes"')!;
    assert.doesNotMatch(result.markdown, /is reserved for Zoho's own API names|⚠/);
    assert.match(result.markdown, /^\*\*api_name\*\* · `string` · optional/);
    const [finding] = analyze(text).findings.filter((candidate) => candidate.code === 'RESERVED_KEYWORD_NOT_ALLOWED');
    assert.match(finding.message, /^"Notes" is reserved for Zoho's own API names/);
  });
  it("fits under the problem in VS Code's 250 px hover: at most 7 lines of 70 characters, every key, both versions", () => {
    // Rendered lines: a paragraph wraps at about 70 characters in the hover's 500 px; a link shows its text only.
    const rendered = (markdown: string) =>
      markdown
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .split('\n')
        .reduce((lines, line) => lines + Math.max(1, Math.ceil(line.length / 70)), 0);
    for (const apiVersion of ['v7', 'v8'] as const) {
      const text = JSON.stringify(
        {
          modules: [
            {
              plural_label: 'Stocks',
              singular_label: 'Stock',
              api_name: 'Stocks',
              access_type: 'org_based',
              profiles: [{ id: '2423488000000015972' }],
              display_field: {
                field_label: 'No',
                data_type: 'autonumber',
                auto_number: { prefix: 'S', start_number: '1', suffix: 'X' },
              },
            },
          ],
        },
        null,
        2,
      );
      const parsed = analyze(text, apiVersion).parsed;
      for (const match of text.matchAll(/"(\w+)":/g)) {
        const markdown = hover(parsed, match.index + 1)!.markdown;
        assert.ok(rendered(markdown) <= 7, `${apiVersion} ${match[1]}: ${rendered(markdown)} lines\n${markdown}`);
      }
      // Every key of a field too (25 data types are not listed in a hover: the completion has them).
      const field = Object.fromEntries(
        Object.keys(rootSchemaOf('fields').definitions!.field.properties!).map((key) => [
          key,
          key === 'data_type' ? 'text' : 1,
        ]),
      );
      const fieldsText = JSON.stringify({ fields: [field] }, null, 2);
      const fieldsParsed = analyze(fieldsText, apiVersion, 'fields').parsed;
      for (const match of fieldsText.matchAll(/"(\w+)":/g)) {
        const markdown = hover(fieldsParsed, match.index + 1)!.markdown;
        assert.ok(rendered(markdown) <= 7, `${apiVersion} ${match[1]}: ${rendered(markdown)} lines\n${markdown}`);
      }
    }
  });
  it('on a reserved label: why', () =>
    assert.match(
      hoverOn(
        body((m) => (m.plural_label = 'Roles')),
        '"Roles"',
      )!.markdown,
      /Reserved words/,
    ));
  it('on an unknown key: says so', () =>
    assert.match(
      hoverOn(
        body((m) => (m.colour = 'x')),
        '"colour"',
      )!.markdown,
      /not a key/,
    ));
  it('covers the hovered key', () => {
    const text = body();
    const result = hoverOn(text, '"profiles"')!;
    assert.equal(text.substr(result.offset, result.length), '"profiles"');
  });
  it('nothing on punctuation outside keys', () => assert.equal(hover(analyze(body()).parsed, 0), undefined));
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, hover } from '../../server/languageservice';
import { body } from '../helpers/modules';

function hoverOn(text: string, snippet: string, delta = 1) {
  return hover(analyze(text).parsed, text.indexOf(snippet) + delta);
}

describe('hover', () => {
  it('on plural_label: type, mandatory, 25 characters, allowed characters, keywords', () => {
    const result = hoverOn(body(), '"plural_label"')!;
    assert.match(result.markdown, /\*\*plural_label\*\* · `string` · mandatory/);
    assert.match(result.markdown, /At most 25 characters/);
    assert.match(result.markdown, /letters, digits and spaces/);
    assert.match(result.markdown, /CustomModule/);
  });
  it('on api_name: optional, 50 characters, the underscore rules, the reserved words', () => {
    const result = hoverOn(body(), '"api_name"')!;
    assert.match(result.markdown, /optional/);
    assert.match(result.markdown, /At most 50 characters/);
    assert.match(result.markdown, /Must start with an English letter/);
    assert.match(result.markdown, /Must not end with an underscore/);
    assert.match(result.markdown, /RESERVED_KEYWORD_NOT_ALLOWED/);
  });
  it('on start_number: 16 digits', () =>
    assert.match(hoverOn(body(), '"start_number"')!.markdown, /At most 16 digits/));
  it('on data_type: its values', () => assert.match(hoverOn(body(), '"data_type"')!.markdown, /`autonumber`, `text`/));
  it('on a reserved value: the key and its reserved words, not the problem again (the diagnostic says it, once)', () => {
    const text = body((m) => (m.api_name = 'Notes'));
    const result = hoverOn(text, '"Notes"')!;
    assert.doesNotMatch(result.markdown, /is reserved for Zoho's own API names\*\*|⚠/);
    assert.match(result.markdown, /^\*\*api_name\*\* · `string` · optional/);
    assert.match(result.markdown, /RESERVED_KEYWORD_NOT_ALLOWED/);
    const [finding] = analyze(text).findings.filter((candidate) => candidate.code === 'RESERVED_KEYWORD_NOT_ALLOWED');
    assert.match(finding.message, /^"Notes" is reserved for Zoho's own API names/);
  });
  it('leads with what matters and says each thing once: no repeated lines, a long list cut short with a link', () => {
    const markdown = hoverOn(body(), '"plural_label"')!.markdown;
    assert.match(markdown, /^\*\*plural_label\*\* · `string` · mandatory/);
    assert.doesNotMatch(markdown, /Missing:/);
    assert.equal(markdown.match(/empty/g)?.length, 1, markdown);
    assert.match(
      markdown,
      /CustomTab, CustomModule, Fileupload, Imageupload, General … \[34 more\]\(https:\/\/www\.zoho\.com\/crm\/developer\/docs\/api\/v7\/create-custom-module-api\.html\)/,
    );
    assert.ok(markdown.split('\n').length <= 10, markdown);
  });
  it('on a reserved label: why', () =>
    assert.match(
      hoverOn(
        body((m) => (m.plural_label = 'Roles')),
        '"Roles"',
      )!.markdown,
      /reserved.*INVALID_DATA/,
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

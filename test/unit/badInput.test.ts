import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, complete, documentSymbols, hover } from '../../server/languageservice';
import { MAX_DEPTH } from '../../server/languageservice/parse';
import { body } from '../helpers/modules';

function everyFeature(text: string) {
  const analysis = analyze(text);
  complete(analysis.parsed, Math.floor(text.length / 2));
  hover(analysis.parsed, Math.floor(text.length / 2));
  documentSymbols(analysis.parsed);
  return analysis.findings;
}

describe('bad input', () => {
  it('an empty file says what belongs there', () => {
    const [finding] = everyFeature('');
    assert.match(finding.message, /holds no JSON/);
  });
  it('a file of spaces says the same', () => assert.match(everyFeature('  \n ')[0].message, /holds no JSON/));
  it('plain text is a syntax error, not a crash', () => {
    const list = everyFeature('modules: Stocks');
    assert.ok(list.length > 0 && list.every((finding) => finding.code === 'INVALID_DATA'));
  });
  it('two list entries with the same invalid escape: the syntax errors and the repeat, no crash', () => {
    const text =
      '{"modules": [{"plural_label": "A", "singular_label": "B", "profiles": [{"id": "1\\q"}, {"id": "1\\q"}]}]}';
    const findings = everyFeature(text);
    assert.deepEqual(
      findings.map((finding) => finding.rule),
      ['syntax', 'syntax', 'unique-items'],
    );
    assert.equal(findings[2].message, 'id "1\\q" is in profiles twice; Zoho does not allow duplicate profile ids.');
  });
  it('a 10,000-deep nesting is one clear finding', () => {
    const text = `{"modules": ${'['.repeat(10000)}${']'.repeat(10000)}}`;
    const list = everyFeature(text);
    assert.equal(list.length, 1);
    assert.match(list[0].message, new RegExp(`more than ${MAX_DEPTH} levels`));
  });
  it('binary garbage gives a bounded list of findings', () => {
    let seed = 7;
    const bytes = Array.from({ length: 200_000 }, () =>
      String.fromCharCode((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256),
    );
    const list = everyFeature(bytes.join(''));
    assert.ok(list.length > 0 && list.length <= 60, `${list.length} findings`);
  });
  it('a 5 MB file is checked completely', () => {
    const padding = Array.from({ length: 90_000 }, (_, index) => `"k${index}": "${'x'.repeat(50)}"`).join(',\n');
    const text = body().replace('"api_name"', `"extra": {${padding}},\n      "api_name"`);
    assert.ok(text.length > 5_000_000);
    const list = everyFeature(text);
    assert.deepEqual(
      list.map((finding) => finding.code),
      ['UNKNOWN_KEY'],
    );
  });
  it('a truncated file still reports what is there', () => {
    const text = body((m) => (m.api_name = 'Notes')).slice(0, body().indexOf('"display_field"'));
    const list = everyFeature(text);
    assert.ok(list.some((finding) => finding.code === 'RESERVED_KEYWORD_NOT_ALLOWED'));
    assert.ok(list.some((finding) => finding.rule === 'syntax'));
  });
});

/**
 * Zoho's own Create Custom Fields bodies and documented errors: every sample of the v7 page lints without an
 * error under v7 (the warnings are the keys Zoho's spec leaves out of a type, which its own samples send), the
 * v8 spec's request lints clean under v8, and each documented error whose cause is in the body, made from a
 * sample, gives its code on the line Zoho's json_path names.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, LineIndex } from '../../server/languageservice';
import { V7_PAGE_SAMPLES, V8_SPEC_REQUEST } from '../fixtures/fieldsSamples';

type Field = Record<string, any>;
const sample = (name: string, index = 0): Field => JSON.parse(V7_PAGE_SAMPLES[name]).fields[index];
const body = (...fields: Field[]) => JSON.stringify({ fields }, null, 2);
const lineOf = (text: string, needle: string, nth = 1) => {
  let at = -1;
  for (let seen = 0; seen < nth; seen++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} is in the body`);
  return text.slice(0, at).split('\n').length;
};

describe("Zoho's Create Custom Fields samples", () => {
  for (const [name, text] of Object.entries(V7_PAGE_SAMPLES))
    it(`the v7 page's ${name} sample has no error under v7`, () => {
      const errors = analyze(text, 'v7', 'fields').findings.filter((finding) => finding.severity === 'error');
      assert.deepEqual(
        errors.map((finding) => finding.message),
        [],
      );
    });

  it("the v8 spec's request lints clean under v8; under v7 its v8 key is named as such", () => {
    assert.deepEqual(analyze(V8_SPEC_REQUEST, 'v8', 'fields').findings, []);
    assert.deepEqual(
      analyze(V8_SPEC_REQUEST, 'v7', 'fields').findings.map((finding) => [finding.severity, finding.code]),
      [['warning', 'NEEDS_LATER_API_VERSION']],
    );
  });
});

interface Documented {
  /** Zoho's words for the error (its page, or its spec's example). */
  error: string;
  code: string;
  text: string;
  /** The line of the key Zoho's json_path names. */
  line: number;
}

const cases = (): Documented[] => {
  const documented: Documented[] = [];
  const add = (error: string, code: string, text: string, needle: string, nth = 1) =>
    documented.push({ error, code, text, line: lineOf(text, needle, nth) });
  // The spec's 207: "$.fields[1].data_type" INVALID_DATA.
  let text = body(sample('Text'), { ...sample('Integer'), data_type: 'number' });
  add('invalid data ($.fields[1].data_type)', 'INVALID_DATA', text, '"number"');
  text = body({ ...sample('Text'), length: 300 });
  add('The given length value seems to be invalid.', 'DEPENDENT_MISMATCH', text, '"length"');
  text = body((({ auto_number: _drop, ...rest }) => rest)(sample('AutoNumber')));
  add('One or more dependent fields are missing', 'DEPENDENT_FIELD_MISSING', text, '"autonumber"');
  text = body((({ pick_list_values: _drop, ...rest }) => rest)(sample('PicklistAndGlobalPicklist')));
  add('Either global_picklist or picklist values is expected', 'EXPECTED_DEPENDENT_FIELD_MISSING', text, '"picklist"');
  text = body({ ...sample('PicklistAndGlobalPicklist', 0), global_picklist: { id: '2423488000000492003' } });
  add('Cannot provide both picklist options and global set', 'AMBIGUITY_DURING_PROCESSING', text, '"global_picklist"');
  const options = sample('PicklistAndGlobalPicklist').pick_list_values;
  text = body({
    ...sample('PicklistAndGlobalPicklist'),
    pick_list_values: [...options, { ...options[0], actual_value: 'X' }],
  });
  add('Duplicate display_value has been found among the picklist options', 'DUPLICATE_DATA', text, '"East"', 2);
  text = body(sample('Text'), { ...sample('Email'), field_label: 'Your Name' });
  add('Duplicate field label', 'DUPLICATE_DATA', text, '"Your Name"', 2);
  text = body((({ field_label: _drop, ...rest }) => rest)(sample('Integer')));
  add('Required fields not found ($.fields[0].field_label)', 'MANDATORY_NOT_FOUND', text, '{', 2);
  text = body({ ...sample('TextArea'), filterable: true });
  add('The filterable key is not allowed for the field datatype you create.', 'NOT_ALLOWED', text, '"filterable"');
  text = body(
    { ...sample('Integer'), field_label: 'U1' },
    { ...sample('Integer'), field_label: 'U2' },
    { ...sample('Integer'), field_label: 'U3' },
  );
  add('at most two unique fields per module', 'NOT_ALLOWED', text, '"unique"', 3);
  const lookup = sample('LookupAndUserLookup');
  text = body({ ...lookup, lookup: { ...lookup.lookup, module: undefined } });
  add('One or more expected fields missing', 'EXPECTED_FIELD_MISSING', text, '"lookup": {');
  text = body({ ...sample('Currency'), decimal_place: 12 });
  add('decimal_place cannot exceed 9', 'INVALID_DATA', text, '"decimal_place"');
  return documented;
};

describe("Zoho's documented Create Custom Fields errors", () => {
  for (const { error, code, text, line } of cases())
    it(`${code}: ${error}`, () => {
      const lines = new LineIndex(text);
      const found = analyze(text, 'v7', 'fields').findings.filter((finding) => finding.code === code);
      assert.ok(
        found.some((finding) => lines.position(finding.offset).line === line),
        `${code} on line ${line}; found ${JSON.stringify(found.map((finding) => [lines.position(finding.offset).line, finding.message]))}`,
      );
    });
});

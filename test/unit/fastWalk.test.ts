import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../../server/languageservice/parse';
import { body, SAMPLE_AUTONUMBER, SAMPLE_TEXT } from '../helpers/modules';

/** The fast walk must find exactly what jsonc-parser's visit finds, on every file it accepts. */
const CASES: Record<string, string> = {
  'sample autonumber': SAMPLE_AUTONUMBER,
  'sample text': SAMPLE_TEXT,
  'many rule findings': body((m) => {
    m.plural_label = 'Roles';
    m.singular_label = 'A!'.repeat(20);
    m.profiles = [{ id: 'x' }, {}, { id: 12 }];
    m.api_name = 'Notes';
    m.extra = { nested: [1, 2, { deep: true }] };
    m.display_field = { data_type: 'autonumber' };
  }),
  'comments and trailing commas': `// c\n${body().replace('"BRANCH"', '"BRANCH", /* x */')}`.replace(
    /}\n\s*]\n}$/,
    '},\n]\n}',
  ),
  'wrong types everywhere': '{"modules": {"plural_label": []}}',
  'root array': '[{"modules": []}]',
  'root literal': '"modules"',
  'null profiles, numbers': body((m) => {
    m.profiles = null;
    // A start number past 2^53 on purpose: it loses digits as a JSON number.
    // eslint-disable-next-line no-loss-of-precision
    m.display_field.auto_number.start_number = 12345678901234567;
  }),
  'duplicate keys': body().replace('"api_name": "stock",', '"api_name": "stock", "api_name": "Stock", "api_nme": 1,'),
  'empty containers': '{"modules": [{}, [], {"profiles": [[]]}]}',
  'escapes in strings': body((m) => {
    m.plural_label = 'Tab\there "quoted" \\u00e9';
  }),
};

const BROKEN: Record<string, string> = {
  'missing comma': body().replace('"stock",', '"stock"'),
  'unclosed string': '{"modules": [{"plural_label": "Stocks}]}',
  'missing value': '{"modules": [{"plural_label": }]}',
  'stray token': '{"modules": [] } x',
  'unclosed object': '{"modules": [',
};

function summary(text: string, fastPath: boolean) {
  const parsed = parseDocument(text, { fastPath });
  return [...parsed.syntaxFindings, ...parsed.ruleFindings]
    .map(
      (finding) =>
        `${finding.offset}:${finding.length} ${finding.code} ${finding.rule} ${finding.message} ${JSON.stringify(finding.fixes ?? [])}`,
    )
    .sort();
}

describe('the fast walk agrees with jsonc-parser', () => {
  for (const [name, text] of Object.entries({ ...CASES, ...BROKEN })) {
    it(name, () => assert.deepEqual(summary(text, true), summary(text, false)));
  }
  it('the broken files really are broken (they exercise the fallback)', () => {
    for (const text of Object.values(BROKEN))
      assert.ok(
        summary(text, true).some((line) => / syntax /.test(line)),
        text,
      );
  });
});

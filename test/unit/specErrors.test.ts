/**
 * The error examples of Zoho's v8 spec for Create Custom Module whose cause lies in the body
 * (zoho/crm-oas, v8.0/modules/operations/createModules/examples/response-400-*.md): a body with that
 * cause gives the example's code on the line its json_path names (or, for a key that is missing, the
 * module's line). Where the spec and the doc page disagree, the page's code is expected and said.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze, LineIndex } from '../../server/languageservice';
import { V8_SPEC_EXAMPLES } from '../fixtures/v8SpecExamples';

type Module = Record<string, any>;
const minimal = (): Module => JSON.parse(V8_SPEC_EXAMPLES.MinimalModule).modules[0];
const autonumber = (): Module => JSON.parse(V8_SPEC_EXAMPLES.ModuleWithAutonumber).modules[0];
const text = (module: Module) => JSON.stringify({ modules: [module] }, null, 2);

interface Example {
  file: string;
  code: string;
  body: string;
  line: (body: string) => number;
  note?: string;
}
const lineOf = (needle: string) => (body: string) => body.split('\n').findIndex((line) => line.includes(needle)) + 1;
/** A key missing from the module is reported on the module itself: its opening brace, the line after "modules". */
const moduleLine = (body: string) => lineOf('"modules"')(body) + 1;

const EXAMPLES: Example[] = [
  {
    file: 'missingrequiredfield',
    code: 'MANDATORY_NOT_FOUND',
    body: text((({ singular_label: _drop, ...rest }) => rest)(minimal())),
    line: moduleLine,
  },
  {
    file: 'missingprofiles',
    code: 'MANDATORY_NOT_FOUND',
    body: text((({ profiles: _drop, ...rest }) => rest)(minimal())),
    line: moduleLine,
  },
  {
    file: 'missingprofileid',
    code: 'MANDATORY_NOT_FOUND',
    body: text({ ...minimal(), profiles: [{}] }),
    // On the entry that lacks it.
    line: lineOf('{}'),
  },
  {
    file: 'invaliddatatype',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), plural_label: 123 }),
    line: lineOf('"plural_label"'),
  },
  {
    file: 'invalidprofiledatatype',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), profiles: [{ id: true }] }),
    line: lineOf('"id": true'),
  },
  {
    file: 'nullapiname (null)',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), api_name: null }),
    line: lineOf('"api_name"'),
  },
  {
    file: 'nullapiname (empty)',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), api_name: '' }),
    line: lineOf('"api_name"'),
  },
  {
    file: 'invalidapiname',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), api_name: '1Custom__Module_' }),
    line: lineOf('"api_name"'),
  },
  {
    file: 'reservedkeyword',
    code: 'RESERVED_KEYWORD_NOT_ALLOWED',
    body: text({ ...minimal(), api_name: 'Notes' }),
    line: lineOf('"api_name"'),
  },
  {
    file: 'dependentfieldmissing',
    code: 'DEPENDENT_FIELD_MISSING',
    body: text(
      (({ auto_number: _drop, ...field }) => ({ ...autonumber(), display_field: field }))(autonumber().display_field),
    ),
    line: lineOf('"data_type"'),
  },
  {
    file: 'missingautonumberstart',
    code: 'DEPENDENT_FIELD_MISSING',
    line: lineOf('"auto_number"'),
    body: text({ ...autonumber(), display_field: { ...autonumber().display_field, auto_number: { prefix: 'M' } } }),
    note: 'the spec answers MANDATORY_NOT_FOUND; the Create Custom Module page names DEPENDENT_FIELD_MISSING, which we follow',
  },
  {
    file: 'fieldlengthexceeded',
    code: 'INVALID_DATA',
    body: text({ ...minimal(), display_field: { field_label: 'F'.repeat(101), data_type: 'text' } }),
    line: lineOf('"field_label"'),
  },
];

describe("Zoho's v8 spec error examples, caused by the body, found on their line", () => {
  for (const example of EXAMPLES) {
    it(`${example.file}: ${example.code}${example.note ? ` (${example.note})` : ''}`, () => {
      const lines = new LineIndex(example.body);
      const found = analyze(example.body, 'v8').findings.filter((finding) => finding.severity === 'error');
      const where = found.map((finding) => `${finding.code}@${lines.position(finding.offset).line}`);
      assert.ok(
        where.includes(`${example.code}@${example.line(example.body)}`),
        `expected ${example.code} on line ${example.line(example.body)}, found ${where.join(', ')}\n${example.body}`,
      );
    });
  }
});

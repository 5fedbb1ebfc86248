/**
 * Fields files (`*.crm-fields.json`): the body of Create Custom Fields, checked by the same engine as module
 * files with its own schema (schemas/crm-fields.schema.json), told apart by the file's name.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  analyze,
  checkAgainstOrg,
  complete,
  documentKindOf,
  documentSymbols,
  hover,
  lenses,
} from '../../server/languageservice';

const fields = (...list: Record<string, unknown>[]) => JSON.stringify({ fields: list }, null, 2);
const findings = (text: string, apiVersion: 'v7' | 'v8' = 'v7') =>
  analyze(text, apiVersion, 'fields').findings.map((finding) => [
    finding.code,
    text.slice(finding.offset, finding.offset + finding.length),
  ]);

/** Bodies in the shapes of Zoho's Create Custom Fields samples (v7 page), one per common data type. */
const VALID = fields(
  { field_label: 'Delivery Notes', data_type: 'textarea', textarea: { type: 'large' } },
  { field_label: 'Customer Code', data_type: 'text', length: 20, unique: { case_sensitive: false } },
  {
    field_label: 'Region',
    data_type: 'picklist',
    pick_list_values: [
      { display_value: 'North', actual_value: 'North' },
      { display_value: 'South', actual_value: 'South' },
    ],
    tooltip: { name: 'info_icon', value: 'Where the stock is kept' },
  },
  {
    field_label: 'Supplier',
    data_type: 'lookup',
    lookup: { module: { api_name: 'Vendors' }, display_label: 'Stocks' },
  },
  {
    field_label: 'Unit Price',
    data_type: 'currency',
    decimal_place: 2,
    currency: { rounding_option: 'normal', precision: 1 },
  },
  { field_label: 'Stock Number', data_type: 'autonumber', auto_number: { start_number: 1001, prefix: 'STK' } },
  {
    field_label: 'Margin',
    data_type: 'formula',
    formula: { expression: '${Unit Price}*0.2', return_type: 'currency' },
  },
  {
    field_label: 'Internal Notes',
    data_type: 'text',
    profiles: [{ id: '2423488000000015972', permission_type: 'read_write' }],
  },
);

describe('fields files', () => {
  it('are told by their name', () => {
    assert.equal(documentKindOf('file:///w/Leads.crm-fields.json'), 'fields');
    assert.equal(documentKindOf('stocks.CRM-FIELDS.JSON'), 'fields');
    assert.equal(documentKindOf('file:///w/stocks.crm-module.json'), 'module');
  });

  it('a body in the shapes of Zoho’s samples lints clean, under v7 and v8', () => {
    assert.deepEqual(findings(VALID), []);
    assert.deepEqual(findings(VALID, 'v8'), []);
  });

  it('the same body as a module file is not a module body: the kind decides the rules', () => {
    const codes = analyze(VALID, 'v7', 'module').findings.map((finding) => finding.code);
    assert.ok(codes.includes('MANDATORY_NOT_FOUND') && codes.includes('UNKNOWN_KEY'), codes.join());
  });

  it('each documented mistake has Zoho’s code, on the value that has it', () => {
    const text = fields(
      { data_type: 'text' },
      { field_label: 'Kind', data_type: 'decimal' },
      { field_label: 'Code', data_type: 'text', api_name: '1_code' },
      { field_label: 'Code', data_type: 'text' },
      {
        field_label: 'Region',
        data_type: 'picklist',
        pick_list_values: [{ display_value: 'N' }, { display_value: 'N' }],
      },
      { field_label: 'Supplier', data_type: 'lookup', lookup: { display_label: 'Stocks' } },
      { field_label: 'Hint', data_type: 'text', tooltip: { name: 'info_icon' } },
      { field_label: 'Secret', data_type: 'text', profiles: [{ id: 2423488 }] },
    );
    assert.deepEqual(findings(text), [
      ['MANDATORY_NOT_FOUND', '{'],
      ['INVALID_DATA', '"decimal"'],
      ['INVALID_DATA', '"1_code"'],
      ['DUPLICATE_DATA', '"Code"'],
      ['DUPLICATE_DATA', '"N"'],
      ['EXPECTED_FIELD_MISSING', '"lookup"'],
      ['DEPENDENT_FIELD_MISSING', '"tooltip"'],
      ['INVALID_DATA', '2423488'],
    ]);
  });

  it('each data type asks for its own keys and length, as Zoho documents them', () => {
    const text = fields(
      { field_label: 'Code', data_type: 'text', length: 300 },
      { field_label: 'Region', data_type: 'picklist' },
      {
        field_label: 'Shared',
        data_type: 'picklist',
        pick_list_values: [{ display_value: 'A' }],
        global_picklist: { id: '1' },
      },
      { field_label: 'Supplier', data_type: 'lookup' },
      { field_label: 'Margin', data_type: 'formula' },
      { field_label: 'Notes', data_type: 'textarea' },
      { field_label: 'Phone', data_type: 'phone', length: '30' },
    );
    assert.deepEqual(findings(text), [
      ['DEPENDENT_MISMATCH', '300'],
      ['EXPECTED_DEPENDENT_FIELD_MISSING', '"picklist"'],
      ['AMBIGUITY_DURING_PROCESSING', '"global_picklist"'],
      ['DEPENDENT_FIELD_MISSING', '"lookup"'],
      ['DEPENDENT_FIELD_MISSING', '"formula"'],
      ['DEPENDENT_FIELD_MISSING', '"textarea"'],
    ]);
    const messages = analyze(text, 'v7', 'fields').findings.map((finding) => finding.message);
    assert.equal(messages[0], 'The length of a text field is 1 to 255, not 300.');
    assert.equal(messages[1], 'A picklist field needs "pick_list_values" or "global_picklist".');
    assert.equal(messages[2], 'Give "pick_list_values" or "global_picklist", not both.');
  });

  it('decimal places are 0 to 9, with a fix to the largest', () => {
    const text = fields({ field_label: 'Rate', data_type: 'double', decimal_place: 12 });
    const [finding] = analyze(text, 'v7', 'fields').findings;
    assert.deepEqual(
      [finding.code, finding.message, finding.fixes?.[0].title],
      ['INVALID_DATA', 'decimal_place is 0 to 9, not 12.', 'Change to 9'],
    );
  });

  it('a key Zoho’s spec does not list for the type is a warning (its own samples send some), not an error', () => {
    const text = fields(
      { field_label: 'Code', data_type: 'text', filterable: true },
      { field_label: 'Mail', data_type: 'email', length: 50 },
    );
    const list = analyze(text, 'v7', 'fields').findings;
    assert.deepEqual(
      list.map((finding) => [finding.code, finding.severity, finding.message]),
      [
        [
          'NOT_ALLOWED',
          'warning',
          '"filterable" is not a key of a text field in Zoho\'s spec; Zoho may ignore or refuse it.',
        ],
        [
          'NOT_ALLOWED',
          'warning',
          '"length" is not a key of an email field in Zoho\'s spec; Zoho may ignore or refuse it.',
        ],
      ],
    );
  });

  it('one file may not break the module’s limits: one autonumber field, two unique ones', () => {
    const auto = { data_type: 'autonumber', auto_number: { start_number: 1 } };
    const text = fields(
      { field_label: 'A', ...auto },
      { field_label: 'B', ...auto },
      { field_label: 'C', data_type: 'text', unique: { case_sensitive: false } },
      { field_label: 'D', data_type: 'text', unique: true },
      { field_label: 'E', data_type: 'text', unique: false },
      { field_label: 'F', data_type: 'text', unique: {} },
    );
    assert.deepEqual(
      analyze(text, 'v7', 'fields').findings.map((finding) => [
        finding.code,
        text.slice(finding.offset, finding.offset + finding.length),
        finding.message,
      ]),
      [
        ['NOT_ALLOWED', '"data_type"', 'A module has at most one autonumber field; this is another.'],
        ['NOT_ALLOWED', '"unique"', 'A module has at most two unique fields; this is a third.'],
      ],
    );
  });

  it('keys of API v8 are named as such under v7; unknown keys get a warning with the known ones', () => {
    const text = fields({ field_label: 'Code', data_type: 'text', encrypt_case: 'uppercase', colour: 'red' });
    assert.deepEqual(findings(text), [
      ['NEEDS_LATER_API_VERSION', '"encrypt_case"'],
      ['UNKNOWN_KEY', '"colour"'],
    ]);
    assert.deepEqual(findings(text, 'v8'), [['UNKNOWN_KEY', '"colour"']]);
  });

  it('an empty fields file says what a fields body is; each snippet (one per common type) writes one that lints clean', () => {
    const [empty] = analyze('', 'v7', 'fields').findings;
    assert.match(empty.message, /\{"fields": \[\{"field_label": …, "data_type": …\}\]\}/);
    const snippets = complete(analyze('', 'v7', 'fields').parsed, 0);
    assert.deepEqual(
      snippets.map((snippet) => snippet.label),
      [
        'Text field',
        'Picklist field',
        'Lookup field',
        'Number field',
        'Decimal field',
        'Currency field',
        'Date field',
        'Checkbox field',
        'Text area field',
        'Formula field',
        'Auto-number field',
        'Field of any type',
      ],
    );
    for (const snippet of snippets) {
      const body = snippet.insertText
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\}/g, 'x');
      assert.deepEqual(findings(body), [], `${snippet.label}\n${body}`);
    }
    assert.deepEqual(
      lenses(analyze('', 'v7', 'fields').parsed, undefined, 0).map((lens) => lens.title),
      ['Start from a snippet: Text field', 'Picklist field', 'Lookup field', 'Field of any type'],
    );
  });

  it('completes the keys of a field and the data types; hovers say what a key is', () => {
    const text = '{"fields": [{"field_label": "Code", "data_type": ""}]}';
    const parsed = analyze(text, 'v7', 'fields').parsed;
    const types = complete(parsed, text.indexOf('""') + 1).map((item) => item.label);
    assert.ok(types.includes('"picklist"') && types.includes('"lookup"') && types.length === 25, types.join());
    const keys = complete(parsed, text.indexOf('"field_label"')).map((item) => item.label);
    assert.ok(keys.includes('tooltip') && keys.includes('pick_list_values') && !keys.includes('plural_label'));
    assert.match(hover(parsed, text.indexOf('"data_type"') + 2)!.markdown, /^\*\*data_type\*\* · `string` · mandatory/);
    assert.match(
      hover(analyze('{"fields": [{"x": 1}]}', 'v7', 'fields').parsed, 14)!.markdown,
      /not a key of the Create Custom Fields body/,
    );
  });

  it('the outline names each field by its label', () => {
    const [list] = documentSymbols(analyze(VALID, 'v7', 'fields').parsed);
    assert.deepEqual(
      list.children.slice(0, 3).map((symbol) => symbol.name),
      ['Delivery Notes', 'Customer Code', 'Region'],
    );
  });
});

describe('fields files and the org', () => {
  const ORG = {
    org: 'Zylker (US · production)',
    fetchedAt: 0,
    profiles: [
      { id: '5550000000000000011', name: 'Administrator', type: 'normal_profile' },
      { id: '5550000000000000012', name: 'Standard', type: 'normal_profile' },
    ],
    modules: [{ api_name: 'Leads', plural_label: 'Leads', singular_label: 'Lead', generated_type: 'default' }],
  };
  const text =
    '{"fields": [{"field_label": "Leads", "data_type": "text", "profiles": [{"id": "5550000000000000099", "permission_type": "read_only"}, {"id": ""}]}]}';

  it("a field's profile ids complete by name and an id the org lacks is INVALID_DATA; no module clash for a field", () => {
    const parsed = analyze(text, 'v7', 'fields').parsed;
    assert.deepEqual(
      checkAgainstOrg(parsed, ORG, 0).map((finding) => [
        finding.code,
        text.slice(finding.offset, finding.offset + finding.length),
      ]),
      [['INVALID_DATA', '"5550000000000000099"']],
    );
    const names = complete(parsed, text.indexOf('""') + 1, ORG).map((item) => item.label);
    assert.deepEqual(names, ['Administrator', 'Standard']);
  });
});

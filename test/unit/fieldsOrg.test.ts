/**
 * A fields file against its module's fields in the org data: labels and API names the module has on another
 * field (DUPLICATE_DATA), the same field made by an earlier run (no clash), lookups to modules the org lacks,
 * the edition's count per module; and the snapshot's fields read as untrusted input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/languageservice/analyze';
import { moduleOfFieldsFile } from '../../server/languageservice/documentKind';
import { checkAgainstOrg } from '../../server/languageservice/org/orgRules';
import { lenses } from '../../server/languageservice/lenses';
import { OrgSnapshot, readSnapshot } from '../../server/languageservice/org/snapshot';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const SNAPSHOT: OrgSnapshot = readSnapshot({
  org: 'Zylker',
  fetchedAt: NOW,
  profiles: [{ id: '111', name: 'Administrator' }],
  modules: [
    { api_name: 'Leads', generated_type: 'default', plural_label: 'Leads' },
    { api_name: 'Accounts', generated_type: 'default', plural_label: 'Accounts' },
  ],
  moduleFields: {
    Leads: [
      { api_name: 'Last_Name', field_label: 'Last Name', custom_field: false },
      { api_name: 'Company', field_label: 'Company', custom_field: false },
      { api_name: 'Budget', field_label: 'Budget', custom_field: true },
    ],
  },
})!;

const check = (fields: unknown[], module = 'Leads', snapshot = SNAPSHOT) => {
  const text = JSON.stringify({ fields }, null, 2);
  const parsed = analyze(text, 'v7', 'fields').parsed;
  return checkAgainstOrg(parsed, snapshot, NOW, module).map((finding) => ({
    code: finding.code,
    severity: finding.severity,
    at: text.slice(finding.offset, finding.offset + finding.length),
    message: finding.message,
  }));
};

describe("a fields file against its module's fields", () => {
  it('a label a system field has is DUPLICATE_DATA on the label, naming the field and the org', () => {
    assert.deepEqual(check([{ field_label: 'company', data_type: 'text' }]), [
      {
        code: 'DUPLICATE_DATA',
        severity: 'error',
        at: '"company"',
        message: `Zoho's system field "Company" (Company) of Leads in Zylker already has this label (org data: just now).`,
      },
    ]);
  });

  it('the same field made by an earlier run is no clash: by api_name, or by label when the file gives none', () => {
    assert.deepEqual(check([{ field_label: 'Budget', data_type: 'currency', api_name: 'Budget' }]), []);
    assert.deepEqual(check([{ field_label: 'Budget', data_type: 'currency' }]), []);
  });

  it('a label another custom field has (under another API name) is a clash; a system API name is too', () => {
    assert.deepEqual(
      check([{ field_label: 'Budget', data_type: 'currency', api_name: 'Budget_2' }]).map((f) => [f.code, f.at]),
      [['DUPLICATE_DATA', '"Budget"']],
    );
    assert.deepEqual(
      check([{ field_label: 'Surname', data_type: 'text', api_name: 'Last_Name' }]).map((f) => [f.code, f.at]),
      [['DUPLICATE_DATA', '"Last_Name"']],
    );
  });

  it('a lookup to a module the org lacks is INVALID_DATA on the module name; one it has is fine', () => {
    const lookup = (module: string) => ({
      field_label: 'Partner',
      data_type: 'lookup',
      lookup: { module: { api_name: module }, display_label: 'Partners' },
    });
    assert.deepEqual(check([lookup('Accounts')]), []);
    assert.deepEqual(
      check([lookup('Vendors')]).map((f) => [f.code, f.at, f.message]),
      [
        [
          'INVALID_DATA',
          '"Vendors"',
          'Zylker has no module "Vendors" for this lookup to link to (org data: just now).',
        ],
      ],
    );
  });

  it("past the edition's count of custom fields per module: a warning, counting only the file's new fields", () => {
    const standard = readSnapshot({ ...SNAPSHOT, edition: 'Standard' })!;
    const many = Array.from({ length: 10 }, (_, index) => ({ field_label: `Extra ${index}`, data_type: 'text' }));
    assert.deepEqual(check(many.slice(0, 9), 'Leads', standard), [], '1 custom + 9 new = 10: at the limit');
    const over = check([...many, { field_label: 'Budget', data_type: 'currency' }], 'Leads', standard);
    assert.deepEqual(
      over.map((f) => [f.code, f.severity, f.message]),
      [
        [
          'LIMIT_EXCEEDED',
          'warning',
          "Leads has 1 custom field and this file adds 10: Zoho's Standard edition allows 10 per module (org data: just now).",
        ],
      ],
    );
  });

  it('says nothing of fields the org data does not hold (another module, or not fetched)', () => {
    assert.deepEqual(check([{ field_label: 'Company', data_type: 'text' }], 'Contacts'), []);
  });

  it("reads a snapshot's fields as untrusted: a module named __proto__ is a key, names lose their controls", () => {
    const read = readSnapshot(
      JSON.parse(
        '{"org":"X","fetchedAt":1,"profiles":[],"modules":[],"moduleFields":{"__proto__":[{"api_name":"A","field_label":"B\\u001b[31m"}],"Bad":"no"}}',
      ),
    )!;
    assert.equal(Object.getPrototypeOf(read.moduleFields), null);
    assert.deepEqual(Object.keys(read.moduleFields!), ['__proto__']);
    assert.doesNotMatch(read.moduleFields!.__proto__[0].field_label, /\u001b/);
  });

  it("a fields file's module: its sibling module file's api_name, else its own name", () => {
    assert.equal(moduleOfFieldsFile('/w/Leads.crm-fields.json', undefined), 'Leads');
    assert.equal(moduleOfFieldsFile('/w/parcels.crm-fields.json', '{"modules":[{"api_name":"Parcels"}]}'), 'Parcels');
    assert.equal(moduleOfFieldsFile('/w/parcels.crm-fields.json', '{"modules": ['), 'parcels');
  });

  it('the lenses above a fields file: how many of its fields the module lacks, with Create, Compare and Update', () => {
    const titles = (fields: unknown[], module = 'Leads', signedIn = true) =>
      lenses(
        analyze(JSON.stringify({ fields }), 'v7', 'fields').parsed,
        signedIn ? SNAPSHOT : undefined,
        NOW,
        module,
      ).map((lens) => [lens.title, lens.action?.kind]);
    const two = [
      { field_label: 'Budget', data_type: 'currency' },
      { field_label: 'Tier', data_type: 'text' },
    ];
    assert.deepEqual(titles(two), [
      ['1 of 2 fields not in Leads of Zylker yet (org data just now)', undefined],
      ['Create Fields', 'createFields'],
      ['Compare with Org', 'compareWithOrg'],
      ['Update Fields', 'updateFields'],
    ]);
    assert.deepEqual(titles(two.slice(0, 1))[0], ['Leads in Zylker has all 1 fields (org data just now)', undefined]);
    assert.ok(!titles(two.slice(0, 1)).some(([, kind]) => kind === 'createFields'), 'nothing to create');
    assert.deepEqual(titles(two, 'Vendors'), [['Zylker has no module Vendors (org data just now)', undefined]]);
    assert.deepEqual(titles(two, 'Leads', false), [], 'signed out: nothing to say');
  });
});

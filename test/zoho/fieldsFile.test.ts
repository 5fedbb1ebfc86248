/**
 * A field as Zoho's GET answers it, pulled into a file: the spec's own GET example (zoho/crm-oas a6687fc,
 * v8.0/fields/fields.yaml, getFields FullExample) has an address's latitude (a custom field that is part of
 * another) and the Owner system field, which a fields file holds neither of; Zoho's keys of every field go.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/languageservice/analyze';
import { FieldSummary } from '../../client/zoho/fieldsApi';
import { fieldsFileText } from '../../client/zoho/fieldsFile';

/** Keys every field of the spec's GET example carries, whatever its type. */
const GET_KEYS = {
  associated_module: null,
  webhook: true,
  operation_type: { web_update: true, api_create: true, web_create: true, api_update: true },
  colour_code_enabled_by_system: false,
  tooltip: null,
  display_format_properties: null,
  type: 'used',
  field_read_only: false,
  customizable_properties: ['mandatory'],
  read_only: false,
  association_details: null,
  businesscard_supported: false,
  multi_module_lookup: {},
  created_time: '2025-11-17T19:09:17+05:30',
  visible: true,
  profiles: [
    { permission_type: 'read_write', name: 'Administrator', id: '4832675000000015972' },
    { permission_type: 'read_write', name: 'Standard', id: '4832675000000015975' },
  ],
  view_type: { view: true, edit: true, quick_create: false, create: true },
  searchable: true,
  history_tracking_enabled: false,
  external: null,
  unique: {},
  enable_colour_code: false,
  child_fields: null,
  pick_list_values: [],
  system_mandatory: false,
  private: null,
  virtual_field: false,
  crypt: null,
  range: null,
  display_type: -1,
  modified_time: '2025-11-17T19:09:17+05:30',
  public: false,
  email_parser: { fields_update_supported: false, record_operations_supported: false },
  currency: {},
  lookup: {},
  hipaa_compliance: null,
  convert_mapping: { Contacts: null, Deals: null, Accounts: null },
  rollup_summary: {},
  display_field: false,
  pick_list_values_sorted_lexically: false,
  sortable: true,
  global_picklist: null,
  display_format: null,
  history_tracking: null,
  formula: {},
  additional_column: null,
  hipaa_compliance_enabled: false,
  mass_update: false,
  multiselectlookup: {},
  auto_number: {},
};

const summary = (definition: Record<string, unknown>): FieldSummary => ({
  id: String(definition.id),
  api_name: String(definition.api_name),
  field_label: String(definition.field_label),
  data_type: String(definition.data_type),
  custom_field: definition.custom_field as boolean,
  partOf: (definition.parent_field as { api_name?: string } | null)?.api_name,
  definition,
});

describe("a field as Zoho's GET answers it, pulled", () => {
  const latitude = summary({
    ...GET_KEYS,
    field_label: 'Address 1 - Latitude',
    display_label: 'Address 1 - Latitude',
    id: '4832675000000710341',
    filterable: false,
    separator: false,
    api_name: 'Address_1_Coordinates_Latitude',
    parent_field: { api_name: 'Address_1_Coordinates', name: 'Address 1 - Coordinates', id: '4832675000000710334' },
    json_type: 'double',
    created_source: 'default',
    ui_type: 38,
    custom_field: true,
    address: { type: 'latitude' },
    length: 50,
    column_name: 'LEADCF69',
    data_type: 'double',
    decimal_place: 9,
  });
  const owner = summary({
    ...GET_KEYS,
    field_label: 'Lead Owner',
    id: '4832675000000000553',
    api_name: 'Owner',
    parent_field: null,
    custom_field: false,
    data_type: 'ownerlookup',
    length: 120,
  });
  const tier = summary({
    ...GET_KEYS,
    field_label: 'Tier',
    display_label: 'Tier',
    id: '4832675000000710400',
    filterable: true,
    api_name: 'Tier',
    parent_field: null,
    json_type: 'string',
    custom_field: true,
    data_type: 'picklist',
    column_name: 'LEADCF71',
    pick_list_values: [
      {
        display_value: 'Gold',
        sequence_number: 1,
        reference_value: 'Gold',
        colour_code: null,
        actual_value: 'Gold',
        id: '1',
        type: 'used',
      },
      {
        display_value: 'Tin',
        sequence_number: 2,
        reference_value: 'Tin',
        colour_code: null,
        actual_value: 'Tin',
        id: '2',
        type: 'unused',
      },
    ],
  });

  it("keeps the file's own custom fields only, in the create body's shape, and the file lints clean", () => {
    const text = fieldsFileText([latitude, owner, tier], 'v8');
    assert.deepEqual(JSON.parse(text), {
      fields: [
        {
          field_label: 'Tier',
          data_type: 'picklist',
          api_name: 'Tier',
          profiles: [
            { id: '4832675000000015972', permission_type: 'read_write' },
            { id: '4832675000000015975', permission_type: 'read_write' },
          ],
          pick_list_values: [{ display_value: 'Gold', actual_value: 'Gold', reference_value: 'Gold' }],
        },
      ],
    });
    assert.deepEqual(analyze(text, 'v8', 'fields').findings, []);
  });
});

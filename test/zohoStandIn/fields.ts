/**
 * The local Zoho's custom fields, as Zoho documents them (../shared/reference/zoho-fields.md): per module, the
 * system fields a GET lists and the custom ones created through POST /settings/fields?module=, which takes at
 * most 5 fields per call and answers each in order (201 all created, 207 mixed, 400 none), every refusal with
 * its code, the offending key and its json_path. Its own checks, written from the documentation: not the
 * extension's rules, which these answers test.
 */

/** A field as GET returns it: the create body's keys, and Zoho's own. */
export interface StoredField {
  id: string;
  api_name: string;
  field_label: string;
  data_type: string;
  custom_field: boolean;
  [key: string]: unknown;
}

export type FieldResult =
  | { code: 'SUCCESS'; details: { id: string }; message: string; status: 'success' }
  | { code: string; details: Record<string, unknown>; message: string; status: 'error' };

/** Zoho's create data types ([Y]); GET also returns types that cannot be created (ownerlookup). */
const CREATABLE = new Set([
  'text',
  'textarea',
  'email',
  'phone',
  'picklist',
  'multiselectpicklist',
  'date',
  'datetime',
  'integer',
  'autonumber',
  'currency',
  'percent',
  'bigint',
  'double',
  'website',
  'boolean',
  'fileupload',
  'imageupload',
  'lookup',
  'userlookup',
  'multiselectlookup',
  'multiuserlookup',
  'formula',
  'rollup_summary',
  'address',
]);

/** [C7]'s length ranges. */
const LENGTHS: Record<string, [number, number]> = {
  text: [1, 255],
  email: [1, 100],
  phone: [1, 30],
  integer: [1, 9],
  bigint: [1, 18],
  double: [1, 18],
  currency: [1, 16],
  percent: [1, 5],
  website: [1, 450],
  autonumber: [1, 255],
  imageupload: [1, 10],
};

/** Fields per call: 5 in every prose source ([C7], [U7], [U6]). */
export const MAX_FIELDS_PER_CALL = 5;
/** [C7]: at most 2 unique fields and 1 autonumber field per module, in every edition. */
const MAX_UNIQUE = 2;
const MAX_AUTONUMBER = 1;

/** System fields of each module, as a GET lists them (a few, enough for clashes and pulls). */
function systemFields(moduleApiName: string, nextId: () => string): StoredField[] {
  const system = (api_name: string, field_label: string, data_type: string, extra: Record<string, unknown> = {}) => ({
    id: nextId(),
    api_name,
    field_label,
    data_type,
    custom_field: false,
    system_mandatory: false,
    ...extra,
  });
  const owner = system('Owner', `${moduleApiName === 'Leads' ? 'Lead' : 'Record'} Owner`, 'ownerlookup');
  if (moduleApiName === 'Leads')
    return [
      owner,
      system('Last_Name', 'Last Name', 'text', { length: 80, system_mandatory: true }),
      system('Email', 'Email', 'email', { length: 100 }),
      system('Company', 'Company', 'text', { length: 200 }),
      system('Lead_Source', 'Lead Source', 'picklist', {
        pick_list_values: [
          { display_value: '-None-', actual_value: '-None-' },
          { display_value: 'Web Download', actual_value: 'Web Download' },
        ],
      }),
    ];
  return [owner, system('Name', 'Name', 'text', { length: 120, system_mandatory: true })];
}

export class FieldsStore {
  private readonly byModule = new Map<string, StoredField[]>();
  private nextId = 2423488000000900001n;
  /** Custom fields a module may have in this edition ([C7]: Enterprise 300). */
  editionLimit = 300;

  /** The module's fields (its system ones first, then those created). */
  list(moduleApiName: string): StoredField[] {
    let fields = this.byModule.get(moduleApiName);
    if (!fields) this.byModule.set(moduleApiName, (fields = systemFields(moduleApiName, () => this.newId())));
    return fields;
  }

  /** Each field of one call in order, created or refused; the status says which of the three outcomes. */
  create(moduleApiName: string, items: unknown[]): { status: 201 | 207 | 400; results: FieldResult[] } {
    const fields = this.list(moduleApiName);
    const results = items.map((item, index) => this.createOne(fields, item, `$.fields[${index}]`));
    const created = results.filter((result) => result.status === 'success').length;
    return { status: created === results.length ? 201 : created === 0 ? 400 : 207, results };
  }

  delete(moduleApiName: string, id: string): FieldResult {
    const fields = this.list(moduleApiName);
    const index = fields.findIndex((field) => field.id === id);
    if (index < 0) return refusal('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 2 });
    if (!fields[index].custom_field)
      return refusal('NOT_ALLOWED', 'Only the custom fields can be deleted', { resource_path_index: 2 });
    fields.splice(index, 1);
    return { code: 'SUCCESS', details: { id }, message: 'field deleted', status: 'success' };
  }

  private createOne(fields: StoredField[], item: unknown, path: string): FieldResult {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return refusal('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', json_path: path });
    const field = item as Record<string, unknown>;
    for (const key of ['field_label', 'data_type'])
      if (field[key] === undefined)
        return refusal('MANDATORY_NOT_FOUND', 'required field not found', {
          api_name: key,
          json_path: `${path}.${key}`,
        });
    const label = field.field_label;
    const type = field.data_type;
    if (typeof label !== 'string' || !label.trim())
      return refusal('INVALID_DATA', 'invalid data', { api_name: 'field_label', json_path: `${path}.field_label` });
    if (typeof type !== 'string' || !CREATABLE.has(type))
      return refusal('INVALID_DATA', 'invalid data', {
        api_name: 'data_type',
        json_path: `${path}.data_type`,
        supported_values: [...CREATABLE],
      });
    if (fields.some((other) => other.field_label.toLowerCase() === label.trim().toLowerCase()))
      return refusal('DUPLICATE_DATA', 'Field label duplicate', {
        api_name: 'field_label',
        json_path: `${path}.field_label`,
      });
    const apiName = typeof field.api_name === 'string' ? field.api_name : derivedApiName(label);
    if (fields.some((other) => other.api_name.toLowerCase() === apiName.toLowerCase()))
      return refusal('DUPLICATE_DATA', 'API NAME DUPLICATE', { api_name: 'api_name', json_path: `${path}.api_name` });
    const range = LENGTHS[type];
    const length = Number(field.length);
    if (range && field.length !== undefined && !(length >= range[0] && length <= range[1]))
      return refusal('DEPENDENT_MISMATCH', 'The given length value seems to be invalid.', {
        api_name: 'length',
        json_path: `${path}.length`,
        dependee: { api_name: 'data_type', json_path: `${path}.data_type` },
        range: { minimum: range[0], maximum: range[1] },
      });
    if ((type === 'picklist' || type === 'multiselectpicklist') && !field.pick_list_values && !field.global_picklist)
      return refusal('EXPECTED_DEPENDENT_FIELD_MISSING', 'Either global_picklist or picklist values is expected', {
        api_name: 'pick_list_values',
        json_path: `${path}.pick_list_values`,
      });
    if (field.pick_list_values && field.global_picklist)
      return refusal('AMBIGUITY_DURING_PROCESSING', 'ambiguity during processing', {
        ambiguity_due_to: [
          { api_name: 'pick_list_values', json_path: `${path}.pick_list_values` },
          { api_name: 'global_picklist', json_path: `${path}.global_picklist` },
        ],
      });
    const custom = fields.filter((other) => other.custom_field);
    if (custom.length >= this.editionLimit)
      return refusal('LIMIT_EXCEEDED', 'The field has reached its maximum creation limit', {
        limit: this.editionLimit,
        limit_due_to: [{ api_name: 'fields', json_path: path }],
      });
    if (type === 'autonumber' && fields.filter((other) => other.data_type === 'autonumber').length >= MAX_AUTONUMBER)
      return refusal('NOT_ALLOWED', 'not allowed', {
        api_name: 'data_type',
        json_path: `${path}.data_type`,
        limit: MAX_AUTONUMBER,
      });
    if (
      field.unique !== undefined &&
      field.unique !== false &&
      fields.filter((other) => other.unique).length >= MAX_UNIQUE
    )
      return refusal('NOT_ALLOWED', 'not allowed', {
        api_name: 'unique',
        json_path: `${path}.unique`,
        limit: MAX_UNIQUE,
      });
    const stored: StoredField = {
      ...field,
      id: this.newId(),
      api_name: apiName,
      field_label: label,
      data_type: type,
      custom_field: true,
    };
    fields.push(stored);
    return { code: 'SUCCESS', details: { id: stored.id }, message: 'field created', status: 'success' };
  }

  private newId(): string {
    return String(this.nextId++);
  }
}

function refusal(code: string, message: string, details: Record<string, unknown>): FieldResult {
  return { code, details, message, status: 'error' };
}

/** Zoho derives a field's API name from its label: runs of other characters become one underscore. */
export function derivedApiName(label: string): string {
  return label
    .trim()
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

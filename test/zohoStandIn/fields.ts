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

/** The keys a PATCH item may carry ([Y] FieldUpdateRequestBodySchema, additionalProperties false). */
const UPDATABLE = new Set([
  'id',
  'field_label',
  'length',
  'profiles',
  'unique',
  'lookup',
  'pick_list_values',
  'global_picklist',
  'sharing_properties',
  'history_tracking_enabled',
  'history_tracking',
  'formula',
  'decimal_place',
  'currency',
  'rollup_summary',
  'association_details',
]);

/** What a field's ids point to in its org: profiles, modules and global picklists, as the org has them now. */
export interface FieldsDirectory {
  profiles(): { id: string; name: string }[];
  modules(): { id: string; api_name: string }[];
  globalPicklists(): { id: string; api_name: string }[];
}

const NO_DIRECTORY: FieldsDirectory = { profiles: () => [], modules: () => [], globalPicklists: () => [] };

export class FieldsStore {
  private readonly byModule = new Map<string, StoredField[]>();
  private nextId: bigint;

  /** `idBase`: where this org's ids start (two orgs never share one); `directory`: what ids must name. */
  constructor(
    idBase = 2423488000000900001n,
    private readonly directory: FieldsDirectory = NO_DIRECTORY,
  ) {
    this.nextId = idBase;
  }
  /** Custom fields a module may have in this edition ([C7]: Enterprise 300). */
  editionLimit = 300;
  /** API names of fields a workflow, scoring rule or index uses: [D7] refuses their deletion. */
  readonly inUse = new Set<string>();

  /** The module's fields (its system ones first, then those created). */
  list(moduleApiName: string): StoredField[] {
    let fields = this.byModule.get(moduleApiName);
    if (!fields) this.byModule.set(moduleApiName, (fields = systemFields(moduleApiName, () => this.newId())));
    return fields;
  }

  /** A module deleted: its fields go with it. */
  forget(moduleApiName: string): void {
    this.byModule.delete(moduleApiName);
  }

  /** Each field of one call in order, created or refused; the status says which of the three outcomes. */
  create(moduleApiName: string, items: unknown[]): { status: 201 | 207 | 400; results: FieldResult[] } {
    const fields = this.list(moduleApiName);
    const results = items.map((item, index) => this.createOne(fields, item, `$.fields[${index}]`));
    const created = results.filter((result) => result.status === 'success').length;
    return { status: created === results.length ? 201 : created === 0 ? 400 : 207, results };
  }

  /**
   * A field as a GET answers it: what was stored, with the keys Zoho adds to every field ([M7]): its column,
   * JSON type, read-only flags, and null for the type keys it does not use. Pull must drop all of them.
   */
  view(field: StoredField): Record<string, unknown> {
    return {
      column_name: field.custom_field ? `CUSTOMFIELD${field.id.slice(-3)}` : field.api_name.toUpperCase(),
      json_type: field.data_type === 'integer' || field.data_type === 'bigint' ? 'integer' : 'string',
      display_label: field.field_label,
      created_source: field.custom_field ? 'crm_api' : 'default',
      system_mandatory: false,
      read_only: false,
      field_read_only: false,
      visible: true,
      filterable: true,
      tooltip: null,
      crypt: null,
      external: null,
      textarea: null,
      formula: {},
      auto_number: {},
      currency: {},
      lookup: {},
      pick_list_values: [],
      length: field.data_type === 'text' ? 255 : undefined,
      ...field,
      // Zoho's GET names each profile ([M7]: id, name, permission_type).
      ...(Array.isArray(field.profiles)
        ? {
            profiles: (field.profiles as { id?: unknown }[]).map((profile) => ({
              ...profile,
              name: this.directory.profiles().find((known) => known.id === String(profile.id))?.name ?? '',
            })),
          }
        : {}),
    };
  }

  /** An id that is not this org's: a profile, a lookup's module, a global picklist ("invalid data" on it). */
  private foreignId(field: Record<string, unknown>, path: string): FieldResult | undefined {
    const invalid = (at: string, key: string) =>
      refusal('INVALID_DATA', 'the id given seems to be invalid', { api_name: key, json_path: `${path}.${at}` });
    const profiles = Array.isArray(field.profiles) ? (field.profiles as { id?: unknown }[]) : [];
    const known = new Set(this.directory.profiles().map((profile) => profile.id));
    const unknown = profiles.findIndex((profile) => !known.has(String(profile?.id)));
    if (unknown >= 0 && this.directory !== NO_DIRECTORY) return invalid(`profiles[${unknown}].id`, 'id');
    const target = (field.lookup as { module?: { api_name?: unknown; id?: unknown } } | undefined)?.module;
    if (target && this.directory !== NO_DIRECTORY) {
      const module = this.directory.modules().find((candidate) => candidate.api_name === target.api_name);
      if (!module) return invalid('lookup.module.api_name', 'api_name');
      if (target.id !== undefined && String(target.id) !== module.id) return invalid('lookup.module.id', 'id');
    }
    const picklist = field.global_picklist as { id?: unknown; api_name?: unknown } | undefined;
    if (picklist && typeof picklist === 'object' && this.directory !== NO_DIRECTORY) {
      const found = this.directory
        .globalPicklists()
        .find((candidate) =>
          picklist.id !== undefined ? candidate.id === String(picklist.id) : candidate.api_name === picklist.api_name,
        );
      if (!found) return invalid(picklist.id !== undefined ? 'global_picklist.id' : 'global_picklist.api_name', 'id');
    }
    return undefined;
  }

  /** Each item of one PATCH in order ([U7]): 200 all updated, 207 mixed, 400 none. `onlyId`: the URL's. */
  update(
    moduleApiName: string,
    items: unknown[],
    onlyId?: string,
  ): { status: 200 | 207 | 400; results: FieldResult[] } {
    const fields = this.list(moduleApiName);
    const results = items.map((item, index) => this.updateOne(fields, item, `$.fields[${index}]`, onlyId));
    const updated = results.filter((result) => result.status === 'success').length;
    return { status: updated === results.length ? 200 : updated === 0 ? 400 : 207, results };
  }

  delete(moduleApiName: string, id: string): FieldResult {
    const fields = this.list(moduleApiName);
    const index = fields.findIndex((field) => field.id === id);
    if (index < 0) return refusal('INVALID_DATA', 'the id given seems to be invalid', { resource_path_index: 2 });
    if (!fields[index].custom_field)
      return refusal('NOT_ALLOWED', 'Only the custom fields can be deleted', { resource_path_index: 2 });
    if (this.inUse.has(fields[index].api_name))
      return refusal('NOT_ALLOWED', 'The custom field has already used in other places', { resource_path_index: 2 });
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
    const foreign = this.foreignId(field, path);
    if (foreign) return foreign;
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
      modified_time: zohoTime(),
      ...(Array.isArray(field.pick_list_values) ? { pick_list_values: this.options(field.pick_list_values) } : {}),
      id: this.newId(),
      api_name: apiName,
      field_label: label,
      data_type: type,
      custom_field: true,
    };
    fields.push(stored);
    return { code: 'SUCCESS', details: { id: stored.id }, message: 'field created', status: 'success' };
  }

  /** Options as Zoho keeps them: each with its id, place and state ([M7]). */
  private options(given: unknown[]): Record<string, unknown>[] {
    return given.map((option, index) => ({
      ...(option as Record<string, unknown>),
      id: this.newId(),
      sequence_number: index + 1,
      type: 'used',
    }));
  }

  private updateOne(fields: StoredField[], item: unknown, path: string, onlyId?: string): FieldResult {
    if (!item || typeof item !== 'object' || Array.isArray(item))
      return refusal('INVALID_DATA', 'invalid data', { expected_data_type: 'jsonobject', json_path: path });
    const change = item as Record<string, unknown>;
    const id = onlyId ?? change.id;
    if (id === undefined)
      return refusal('MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'id', json_path: `${path}.id` });
    const field = fields.find((candidate) => candidate.id === String(id));
    if (!field)
      return refusal('INVALID_DATA', 'the id given seems to be invalid', { api_name: 'id', json_path: `${path}.id` });
    const at = (key: string) => ({ api_name: key, json_path: `${path}.${key}` });
    for (const key of Object.keys(change)) {
      if (UPDATABLE.has(key)) continue;
      // [U7]: these never change; anything else is outside the update schema.
      if (['data_type', 'api_name', 'external'].includes(key) && change[key] === field[key]) continue;
      return key === 'data_type'
        ? refusal('NOT_ALLOWED', 'conversion of one field type to another is not possible', at(key))
        : refusal('INVALID_DATA', 'invalid data', at(key));
    }
    if (change.field_label !== undefined) {
      if (!field.custom_field && change.field_label !== field.field_label)
        return refusal('NOT_ALLOWED', 'not allowed', at('field_label'));
      const label = String(change.field_label).trim().toLowerCase();
      if (fields.some((other) => other !== field && other.field_label.toLowerCase() === label))
        return refusal('DUPLICATE_DATA', 'Field label duplicate', at('field_label'));
    }
    if (change.length !== undefined && change.length !== field.length) {
      if (field.data_type === 'textarea') return refusal('NOT_ALLOWED', 'not allowed', at('length'));
      const range = LENGTHS[field.data_type];
      const length = Number(change.length);
      if (range && !(length >= range[0] && length <= range[1]))
        return refusal('DEPENDENT_MISMATCH', 'The given length value seems to be invalid.', {
          ...at('length'),
          range: { minimum: range[0], maximum: range[1] },
        });
    }
    const lookup = change.lookup as Record<string, unknown> | undefined;
    if (lookup && Object.keys(lookup).some((key) => key !== 'query_details'))
      return refusal('NOT_ALLOWED', 'Lookup module cannot be updated', at('lookup'));
    const formula = change.formula as Record<string, unknown> | undefined;
    const stored = field.formula as Record<string, unknown> | undefined;
    if (formula?.return_type !== undefined && formula.return_type !== stored?.return_type)
      return refusal('NOT_ALLOWED', 'Formula field does not support updating the return type', {
        api_name: 'return_type',
        json_path: `${path}.formula.return_type`,
      });
    let options = field.pick_list_values as Record<string, unknown>[] | undefined;
    if (change.pick_list_values !== undefined) {
      const result = this.changedOptions(options ?? [], change.pick_list_values, `${path}.pick_list_values`);
      if (!Array.isArray(result)) return result;
      options = result;
    }
    const unique = change.unique as Record<string, unknown> | boolean | undefined;
    const disable = typeof unique === 'object' && unique !== null && '_disable' in unique;
    if (unique && !disable && !field.unique && fields.filter((other) => other.unique).length >= MAX_UNIQUE)
      return refusal('NOT_ALLOWED', 'not allowed', { ...at('unique'), limit: MAX_UNIQUE });
    const foreign = this.foreignId({ profiles: change.profiles, global_picklist: change.global_picklist }, path);
    if (foreign) return foreign;
    // Every check passed: the field changes as a whole, or not at all.
    const { id: _id, pick_list_values: _options, unique: _unique, profiles, ...rest } = change;
    Object.assign(field, rest);
    if (options) field.pick_list_values = options;
    if (disable) delete field.unique;
    else if (unique !== undefined) field.unique = unique;
    if (Array.isArray(profiles)) field.profiles = mergeProfiles(field.profiles, profiles);
    field.modified_time = zohoTime();
    return { code: 'SUCCESS', details: { id: field.id }, message: 'field updated', status: 'success' };
  }

  /** [U7]: an option without id is added, one with an id (or a known actual_value) renamed, `_delete` removed. */
  private changedOptions(
    current: Record<string, unknown>[],
    given: unknown,
    path: string,
  ): Record<string, unknown>[] | FieldResult {
    if (!Array.isArray(given))
      return refusal('INVALID_DATA', 'invalid data', { api_name: 'pick_list_values', json_path: path });
    const options = current.map((option) => ({ ...option }));
    for (const [index, entry] of given.entries()) {
      const option = (entry ?? {}) as Record<string, unknown>;
      const at = `${path}[${index}]`;
      const known = options.find(
        (candidate) =>
          (option.id !== undefined && candidate.id === String(option.id)) ||
          (option.id === undefined &&
            option.actual_value !== undefined &&
            candidate.actual_value === option.actual_value),
      );
      if (option.id !== undefined && !known)
        return refusal('INVALID_DATA', 'the id given seems to be invalid', { api_name: 'id', json_path: `${at}.id` });
      if ('_delete' in option) {
        if (!known)
          return refusal('INVALID_DATA', 'invalid data', { api_name: 'actual_value', json_path: `${at}.actual_value` });
        options.splice(options.indexOf(known), 1);
        continue;
      }
      if (known && option.actual_value !== undefined && option.actual_value !== known.actual_value)
        return refusal('NOT_ALLOWED', 'not allowed', { api_name: 'actual_value', json_path: `${at}.actual_value` });
      const display = option.display_value;
      if (typeof display !== 'string' || !display)
        return refusal('MANDATORY_NOT_FOUND', 'required field not found', {
          api_name: 'display_value',
          json_path: `${at}.display_value`,
        });
      if (
        options.some((other) => other !== known && String(other.display_value).toLowerCase() === display.toLowerCase())
      )
        return refusal('DUPLICATE_DATA', 'Duplicate option display_value', {
          api_name: 'display_value',
          json_path: `${at}.display_value`,
        });
      if (known) Object.assign(known, option, { id: known.id });
      else
        options.push({
          ...option,
          actual_value: option.actual_value ?? display,
          id: this.newId(),
          sequence_number: options.length + 1,
          type: 'used',
        });
    }
    return options;
  }

  private newId(): string {
    return String(this.nextId++);
  }
}

/** A PATCH's profiles change the permissions it names and leave the others. */
function mergeProfiles(current: unknown, given: unknown[]): unknown[] {
  const merged = new Map<string, unknown>();
  for (const profile of Array.isArray(current) ? current : [])
    merged.set(String((profile as { id?: unknown }).id), profile);
  for (const profile of given) merged.set(String((profile as { id?: unknown }).id), profile);
  return [...merged.values()];
}

/** Zoho's timestamps: ISO 8601 with the offset, to the second. */
export function zohoTime(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, '+00:00');
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

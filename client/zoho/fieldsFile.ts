/**
 * A module's fields as a file and as the org has them: the file Pull writes (custom fields only, in the create
 * body's shape), and the plan Compare shows and Update carries out, field by field, matched by api_name
 * (else by label): new fields to create, changes Zoho lets a PATCH make, differences it never sends (a
 * data_type, an api_name, a lookup's module, a formula's return type), and the org's fields the file lacks.
 */
import { ApiVersion, sameJson, shapedLike } from '@crm/languageservice';
import { FieldSummary } from './fieldsApi';

type Field = Record<string, unknown>;

/** The org's field as a file holds it: its schema's keys only, used options only, a lookup's module by name. */
export function fileFieldOf(field: FieldSummary, version: ApiVersion): Field {
  const raw = { ...field.definition };
  // An option's place is its place in the list; unused options are gone from the picklist.
  if (Array.isArray(raw.pick_list_values))
    raw.pick_list_values = raw.pick_list_values
      .filter((option) => !(option && typeof option === 'object' && (option as Field).type === 'unused'))
      .map((option) =>
        option && typeof option === 'object' ? withoutKey(option as Field, 'sequence_number') : option,
      );
  const lookup = raw.lookup as Field | undefined;
  // Another org's module has another id: the name is what carries over.
  if (lookup && typeof lookup === 'object' && lookup.module && typeof lookup.module === 'object')
    raw.lookup = { ...lookup, module: { api_name: (lookup.module as Field).api_name } };
  return (shapedLike(raw, ['fields', 0], 'fields', version) as Field | undefined) ?? {};
}

/**
 * The fields file of a module's custom fields (system ones are Zoho's), formatted as the examples are. `order`:
 * API names in the order a local file has them, so a diff pairs field with field; the rest follow in the org's.
 */
export function fieldsFileText(fields: FieldSummary[], version: ApiVersion, order: string[] = []): string {
  const custom = fields.filter(isOwnCustomField);
  const place = (field: FieldSummary) => {
    const index = order.findIndex((name) => name.toLowerCase() === field.api_name.toLowerCase());
    return index < 0 ? order.length : index;
  };
  const sorted = custom
    .map((field, index) => ({ field, index }))
    .sort((a, b) => place(a.field) - place(b.field) || a.index - b.index)
    .map(({ field }) => fileFieldOf(field, version));
  return `${JSON.stringify({ fields: sorted }, null, 2)}\n`;
}

/** A custom field a file holds: not Zoho's, and not part of another (an address's latitude comes with it). */
export function isOwnCustomField(field: FieldSummary): boolean {
  return field.custom_field !== false && field.partOf === undefined;
}

/** The org's field a file's field is: the same api_name, else (none given) the same label. */
export function matchField<T extends { api_name: string; field_label?: string }>(
  field: Field,
  org: T[],
): T | undefined {
  if (typeof field.api_name === 'string') {
    const name = field.api_name.toLowerCase();
    return org.find((other) => other.api_name.toLowerCase() === name);
  }
  if (typeof field.field_label !== 'string') return undefined;
  const label = field.field_label.trim().toLowerCase();
  return org.find((other) => other.field_label?.trim().toLowerCase() === label);
}

/** One field of the file the org has and that differs: the PATCH item that makes it match, and why. */
export interface FieldChange {
  /** Its place in the file's `fields`. */
  index: number;
  id: string;
  apiName: string;
  /** What the PATCH sends, `id` included; undefined when nothing of the difference can be sent. */
  patch?: Field;
  /** Options the org has and the file lacks, as the PATCH removes them (`_delete`): sent only when allowed. */
  optionRemovals: Field[];
}

export interface FieldsPlan {
  module: string;
  /** Places in the file's `fields` of the fields the org does not have: created by a POST. */
  creates: number[];
  changes: FieldChange[];
  /** Custom fields of the org the file does not have: deleted only when named and allowed. */
  orgOnly: { id: string; apiName: string; label: string }[];
  /** Every difference, one line each, as Compare and diff print them. */
  differences: string[];
}

/** What Zoho never changes through its API ([U7]); shown, not sent. */
const NEVER_CHANGES: Record<string, string> = {
  data_type: "Zoho cannot change a field's data_type",
  api_name: 'Zoho changes API names only in its web UI',
  external: 'Zoho cannot change whether a field is external',
  textarea: "Zoho cannot change a text area's type",
};

/** The keys a PATCH takes ([Y] FieldUpdateRequestBodySchema), besides those compared on their own below. */
const PATCHABLE = new Set([
  'field_label',
  'length',
  'global_picklist',
  'sharing_properties',
  'history_tracking_enabled',
  'history_tracking',
  'decimal_place',
  'currency',
  'rollup_summary',
  'association_details',
]);

export function planFieldsUpdate(
  module: string,
  fileFields: Field[],
  org: FieldSummary[],
  version: ApiVersion,
  profileName: (id: string) => string | undefined = () => undefined,
): FieldsPlan {
  const plan: FieldsPlan = { module, creates: [], changes: [], orgOnly: [], differences: [] };
  const matched = new Set<FieldSummary>();
  fileFields.forEach((field, index) => {
    const found = matchField(field, org);
    const name = nameOf(field, index);
    if (!found) {
      plan.creates.push(index);
      plan.differences.push(`+ ${name}: new ${typeof field.data_type === 'string' ? `${field.data_type} ` : ''}field`);
      return;
    }
    matched.add(found);
    if (found.custom_field === false) {
      plan.differences.push(`! ${name}: a system field of ${module}; a fields file holds custom fields (not sent)`);
      return;
    }
    const change = compareField(index, found, field, version, profileName);
    if (change.lines.length || change.notes.length) {
      plan.differences.push(`~ ${found.api_name}: ${[...change.lines, ...change.notes].join('; ')}`);
      if (change.patch) plan.changes.push(change.patch);
    }
  });
  for (const field of org)
    if (isOwnCustomField(field) && !matched.has(field)) {
      plan.orgOnly.push({ id: field.id, apiName: field.api_name, label: field.field_label ?? field.api_name });
      plan.differences.push(`− ${field.api_name}: in ${module}, not in the file`);
    }
  return plan;
}

function nameOf(field: Field, index: number): string {
  return typeof field.api_name === 'string'
    ? field.api_name
    : typeof field.field_label === 'string'
      ? JSON.stringify(field.field_label)
      : `fields[${index}]`;
}

/** One matched field: the lines that say what differs, and the PATCH item for what Zoho lets change. */
function compareField(
  index: number,
  orgField: FieldSummary,
  fileField: Field,
  version: ApiVersion,
  profileName: (id: string) => string | undefined,
): { lines: string[]; notes: string[]; patch?: FieldChange } {
  const theirs = fileFieldOf(orgField, version);
  const ours = (shapedLike(fileField, ['fields', 0], 'fields', version) as Field | undefined) ?? {};
  const lines: string[] = [];
  const notes: string[] = [];
  const patch: Field = {};
  const optionRemovals: Field[] = [];
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
  for (const key of keys) {
    const mine = ours[key];
    const org = theirs[key];
    if (sameJson(mine, org)) continue;
    // A key the file leaves out keeps the org's value: Zoho has no way to unset most keys, and Create left it so.
    if (mine === undefined && key !== 'unique') continue;
    const said = `${key}: ${shown(org)} → ${shown(mine)}`;
    if (key in NEVER_CHANGES || (key === 'length' && orgField.data_type === 'textarea')) {
      notes.push(`${said} (${NEVER_CHANGES[key] ?? "Zoho cannot change a text area's length"}; not sent)`);
    } else if (key === 'lookup') {
      const lookup = compareLookup(org as Field | undefined, mine as Field);
      lines.push(...lookup.lines);
      notes.push(...lookup.notes);
      if (lookup.patch) patch.lookup = lookup.patch;
    } else if (key === 'formula') {
      const before = (org ?? {}) as Field;
      const after = mine as Field;
      if (after.return_type !== undefined && after.return_type !== before.return_type)
        notes.push(
          `formula.return_type: ${shown(before.return_type)} → ${shown(after.return_type)} (Zoho cannot change a formula's return type; not sent)`,
        );
      const { return_type: _fixed, ...rest } = after;
      if (!sameJson(rest, withoutKey(before, 'return_type'))) {
        lines.push(`formula: ${shown(withoutKey(before, 'return_type'))} → ${shown(rest)}`);
        patch.formula = rest;
      }
    } else if (key === 'pick_list_values') {
      const options = compareOptions(
        orgField.definition.pick_list_values,
        (org ?? []) as Field[],
        (mine ?? []) as Field[],
      );
      lines.push(...options.lines);
      optionRemovals.push(...options.removals);
      if (options.items.length) patch.pick_list_values = options.items;
    } else if (key === 'profiles') {
      const profiles = compareProfiles((org ?? []) as Field[], (mine ?? []) as Field[], profileName);
      lines.push(...profiles.lines);
      notes.push(...profiles.notes);
      if (profiles.items.length) patch.profiles = profiles.items;
    } else if (key === 'unique') {
      lines.push(said);
      patch.unique = mine ?? { case_sensitive: false, _disable: null };
    } else if (PATCHABLE.has(key)) {
      lines.push(said);
      patch[key] = mine;
    } else {
      notes.push(`${said} (Zoho's update does not take ${key}; change it in Zoho CRM; not sent)`);
    }
  }
  const sendable = Object.keys(patch).length > 0;
  return {
    lines,
    notes,
    patch:
      sendable || optionRemovals.length
        ? {
            index,
            id: orgField.id,
            apiName: orgField.api_name,
            patch: sendable ? { id: orgField.id, ...patch } : undefined,
            optionRemovals,
          }
        : undefined,
  };
}

function compareLookup(org: Field | undefined, mine: Field): { lines: string[]; notes: string[]; patch?: Field } {
  const before = org ?? {};
  const lines: string[] = [];
  const notes: string[] = [];
  let patch: Field | undefined;
  for (const key of new Set([...Object.keys(before), ...Object.keys(mine)])) {
    if (sameJson(before[key], mine[key]) || mine[key] === undefined) continue;
    // A module is its api_name: an id beside it is the org's own detail (Pull leaves it out; promotion maps it).
    if (key === 'module' && sameModule(before[key], mine[key])) continue;
    const said = `lookup.${key}: ${shown(before[key])} → ${shown(mine[key])}`;
    if (key === 'query_details') {
      lines.push(said);
      patch = { query_details: mine[key] };
    } else if (key === 'module') notes.push(`${said} (Zoho cannot change a lookup's module; not sent)`);
    else notes.push(`${said} (Zoho's update takes only a lookup's query_details; not sent)`);
  }
  return { lines, notes, patch };
}

function sameModule(org: unknown, mine: unknown): boolean {
  const name = (module: unknown) => (module as { api_name?: unknown } | undefined)?.api_name;
  return typeof name(mine) === 'string' && String(name(org)).toLowerCase() === String(name(mine)).toLowerCase();
}

/**
 * Options matched by actual_value (display_value when none is given, as Zoho stores it): new ones added,
 * changed ones sent with their id, and the org's others removed (`_delete`), which Update sends only when
 * deletes are allowed.
 */
function compareOptions(
  orgRaw: unknown,
  org: Field[],
  mine: Field[],
): { lines: string[]; items: Field[]; removals: Field[] } {
  const actual = (option: Field) => String(option.actual_value ?? option.display_value);
  const ids = new Map<string, string>();
  for (const option of Array.isArray(orgRaw) ? orgRaw : [])
    if (option && typeof option === 'object' && (option as Field).id !== undefined)
      ids.set(actual(option as Field), String((option as Field).id));
  const lines: string[] = [];
  const items: Field[] = [];
  for (const option of mine) {
    const known = org.find((other) => actual(other) === actual(option));
    const wanted = { ...withoutKey(option, 'sequence_number'), actual_value: actual(option) };
    if (!known) {
      lines.push(`pick_list_values + ${shown(option.display_value)}`);
      items.push(wanted);
    } else if (!sameJson({ ...known, actual_value: actual(known) }, wanted)) {
      lines.push(`pick_list_values ${shown(known.display_value)} → ${shown(option.display_value)}`);
      items.push({ id: ids.get(actual(option)), ...wanted });
    }
  }
  const removals = org
    .filter((option) => !mine.some((other) => actual(other) === actual(option)))
    .map((option) => {
      lines.push(`pick_list_values − ${shown(option.display_value)}`);
      return {
        id: ids.get(actual(option)),
        display_value: option.display_value,
        actual_value: actual(option),
        _delete: null,
      };
    });
  return { lines, items, removals };
}

/** Profiles by id: a new or changed permission is sent; the org's others stay (a PATCH cannot take them away). */
function compareProfiles(
  org: Field[],
  mine: Field[],
  profileName: (id: string) => string | undefined,
): { lines: string[]; notes: string[]; items: Field[] } {
  const named = (id: unknown) => (profileName(String(id)) ? `${profileName(String(id))} (${id})` : String(id));
  const lines: string[] = [];
  const items: Field[] = [];
  for (const profile of mine) {
    const known = org.find((other) => String(other.id) === String(profile.id));
    if (known && sameJson(known, profile)) continue;
    lines.push(
      known
        ? `profiles ${named(profile.id)}: ${shown(known.permission_type)} → ${shown(profile.permission_type)}`
        : `profiles + ${named(profile.id)}`,
    );
    items.push(profile);
  }
  const notes = org
    .filter((other) => !mine.some((profile) => String(profile.id) === String(other.id)))
    .map(
      (other) =>
        `profiles − ${named(other.id)} (a field keeps its profiles: give it "permission_type": "hidden" instead; not sent)`,
    );
  return { lines, notes, items };
}

function withoutKey(value: Field, key: string): Field {
  const { [key]: _dropped, ...rest } = value;
  return rest;
}

/** A value in a difference's line: JSON, shortened. */
function shown(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Zoho's fields endpoints (`/crm/{v}/settings/fields?module=`), over the CRM client: list a module's fields,
 * and send one call of at most 5 new ones, read back entry by entry (201, 207 or 400; each refusal with its
 * code and json_path). What a run of several calls does is createFields.ts's.
 */
import { Answer, CrmClient, errorsOf, unexpected } from './crmClient';
import { AnswerReader, isPlainApiName, describeValue } from './answerShape';
import { ZohoError } from './errors';
import { ZOHO_CODES } from '@crm/languageservice';
import { ZohoErrorEntry } from './explain';

/** Fields per call: 5 in every prose source of Zoho's; its spec's 25 is not trusted. */
export const FIELDS_PER_CALL = 5;

export const FIELDS_READ_SCOPE = 'ZohoCRM.settings.fields.READ';
const FIELDS_UPDATE_SCOPE = 'ZohoCRM.settings.fields.UPDATE';
const FIELDS_DELETE_SCOPE = 'ZohoCRM.settings.fields.DELETE';

/** A field of the org, with only the keys the code reads. */
export interface FieldSummary {
  id: string;
  api_name: string;
  field_label?: string;
  data_type?: string;
  custom_field?: boolean;
  /** Set for a part of another field (an address's latitude): it comes and goes with that field. */
  partOf?: string;
  /** The whole field as Zoho answered it (each key still unchecked: Pull shapes it by the schema). */
  definition: Record<string, unknown>;
}

/** One field of a call: done (created, updated or deleted: its id) or refused (Zoho's error entry). */
export type FieldResult = { kind: 'done'; id: string } | { kind: 'refused'; error: ZohoErrorEntry };

/** `/crm/v7/settings/fields?module=Leads`: only for a plain module API name (it goes into the query). */
export function fieldsPath(client: CrmClient, moduleApiName: string): string {
  if (!isPlainApiName(moduleApiName))
    throw new ZohoError(`${describeValue(moduleApiName)} is not a module API name; nothing was sent.`, 'config');
  return `${client.path('/settings/fields')}?module=${encodeURIComponent(moduleApiName)}`;
}

export async function listFields(client: CrmClient, moduleApiName: string): Promise<FieldSummary[]> {
  const what = `Reading the fields of ${moduleApiName}`;
  const answer = await client.request('GET', fieldsPath(client, moduleApiName));
  if (answer.status === 204) return [];
  const fields = (answer.body as { fields?: unknown } | undefined)?.fields;
  if (answer.status !== 200 || !Array.isArray(fields)) throw refusal(answer, what, moduleApiName, FIELDS_READ_SCOPE);
  const read = new AnswerReader(what);
  return fields.map((entry, index) => {
    const field = read.record(entry, `fields[${index}]`);
    const at = (key: string) => `fields[${index}].${key}`;
    return {
      id: read.id(field.id, at('id')),
      api_name: read.text(field.api_name, at('api_name')),
      field_label: read.optionalText(field.field_label, at('field_label')),
      data_type: read.optionalText(field.data_type, at('data_type')),
      custom_field: typeof field.custom_field === 'boolean' ? field.custom_field : undefined,
      partOf: partOf(field.parent_field),
      definition: field,
    };
  });
}

function partOf(parent: unknown): string | undefined {
  const name = parent && typeof parent === 'object' ? (parent as { api_name?: unknown }).api_name : undefined;
  return typeof name === 'string' ? name : parent ? 'another field' : undefined;
}

/**
 * Sends one call (at most FIELDS_PER_CALL fields, as their JSON: new ones to POST, changes with their ids to
 * PATCH) and reads each entry's result, in order. A request-level refusal (scope, module, the call itself)
 * throws; an AmbiguousRequestError means the call may have arrived (the caller looks up, never re-sends).
 */
export async function sendFieldsCall(
  client: CrmClient,
  moduleApiName: string,
  fields: unknown[],
  method: 'POST' | 'PATCH' = 'POST',
): Promise<FieldResult[]> {
  if (fields.length > FIELDS_PER_CALL) throw new Error(`at most ${FIELDS_PER_CALL} fields per call`);
  const answer: Answer = await client.request(method, fieldsPath(client, moduleApiName), JSON.stringify({ fields }));
  const what = `${method === 'POST' ? 'Creating' : 'Updating'} fields in ${moduleApiName}`;
  const entries = (answer.body as { fields?: unknown } | undefined)?.fields;
  const expected = method === 'POST' ? [201, 207, 400] : [200, 207, 400];
  if (!expected.includes(answer.status) || !Array.isArray(entries) || entries.length !== fields.length)
    throw refusal(answer, what, moduleApiName, method === 'PATCH' ? FIELDS_UPDATE_SCOPE : undefined);
  const read = new AnswerReader(what);
  return entries.map((entry, index) => resultOf(read, entry, `fields[${index}]`));
}

/** DELETE one field (Zoho has no bulk delete): deleted, or refused with Zoho's reason (a field in use). */
export async function deleteField(client: CrmClient, moduleApiName: string, id: string): Promise<FieldResult> {
  if (!/^[0-9]{1,30}$/.test(id))
    throw new ZohoError(`${describeValue(id)} is not a field id; nothing was sent.`, 'config');
  const path = fieldsPath(client, moduleApiName).replace('/settings/fields?', `/settings/fields/${id}?`);
  const answer = await client.request('DELETE', path);
  const entries = (answer.body as { fields?: unknown } | undefined)?.fields;
  const what = `Deleting a field of ${moduleApiName}`;
  if (![200, 400].includes(answer.status) || !Array.isArray(entries) || entries.length !== 1) {
    const [error] = errorsOf(answer.body);
    if (answer.status === 400 && error && error.code !== ZOHO_CODES.invalidModule) return { kind: 'refused', error };
    throw refusal(answer, what, moduleApiName, FIELDS_DELETE_SCOPE);
  }
  return resultOf(new AnswerReader(what), entries[0], 'fields[0]');
}

/** A request refused whole; a module the org does not have (deleted or renamed since) said in words. */
function refusal(answer: Answer, what: string, moduleApiName: string, scope?: string): ZohoError {
  const [error] = errorsOf(answer.body);
  if (error?.code === ZOHO_CODES.invalidModule)
    return new ZohoError(
      `${what} failed: the org has no module ${moduleApiName} (deleted or renamed in Zoho CRM?).`,
      'request',
      error.code,
      answer.status,
    );
  return unexpected(answer, what, scope);
}

function resultOf(read: AnswerReader, entry: unknown, at: string): FieldResult {
  const record = read.record(entry, at);
  if (record.status === 'success') {
    const details = read.record(record.details, `${at}.details`);
    return { kind: 'done', id: read.id(details.id, `${at}.details.id`) };
  }
  const [error] = errorsOf(record);
  return { kind: 'refused', error: error ?? { code: 'UNKNOWN', message: 'refused without a code' } };
}

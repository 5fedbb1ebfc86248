/**
 * Zoho's fields endpoints (`/crm/{v}/settings/fields?module=`), over the CRM client: list a module's fields,
 * and send one call of at most 5 new ones, read back entry by entry (201, 207 or 400; each refusal with its
 * code and json_path). What a run of several calls does is createFields.ts's.
 */
import { Answer, CrmClient, errorsOf, unexpected } from './crmClient';
import { AnswerReader, isPlainApiName, describeValue } from './answerShape';
import { ZohoError } from './errors';
import { ZohoErrorEntry } from './explain';

/** Fields per call: 5 in every prose source of Zoho's; its spec's 25 is not trusted. */
export const FIELDS_PER_CALL = 5;

export const FIELDS_READ_SCOPE = 'ZohoCRM.settings.fields.READ';

/** A field of the org, with only the keys the code reads. */
export interface FieldSummary {
  id: string;
  api_name: string;
  field_label?: string;
  data_type?: string;
  custom_field?: boolean;
}

/** One field of a call: created (its id) or refused (Zoho's error entry). */
export type FieldResult = { kind: 'created'; id: string } | { kind: 'refused'; error: ZohoErrorEntry };

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
  if (answer.status !== 200 || !Array.isArray(fields)) throw unexpected(answer, what, FIELDS_READ_SCOPE);
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
    };
  });
}

/**
 * Sends one call (at most FIELDS_PER_CALL fields, as their JSON) and reads each entry's result, in order.
 * A request-level refusal (scope, module, the call itself) throws; an AmbiguousRequestError means the call may
 * have arrived (the caller looks up, never re-sends).
 */
export async function sendFieldsCall(
  client: CrmClient,
  moduleApiName: string,
  fields: unknown[],
): Promise<FieldResult[]> {
  if (fields.length > FIELDS_PER_CALL) throw new Error(`at most ${FIELDS_PER_CALL} fields per call`);
  const answer: Answer = await client.request('POST', fieldsPath(client, moduleApiName), JSON.stringify({ fields }));
  const entries = (answer.body as { fields?: unknown } | undefined)?.fields;
  if (![201, 207, 400].includes(answer.status) || !Array.isArray(entries) || entries.length !== fields.length)
    throw unexpected(answer, `Creating fields in ${moduleApiName}`);
  const read = new AnswerReader(`Creating fields in ${moduleApiName}`);
  return entries.map((entry, index): FieldResult => {
    const record = read.record(entry, `fields[${index}]`);
    if (record.status === 'success') {
      const details = read.record(record.details, `fields[${index}].details`);
      return { kind: 'created', id: read.id(details.id, `fields[${index}].details.id`) };
    }
    const [error] = errorsOf(record);
    return { kind: 'refused', error: error ?? { code: 'UNKNOWN', message: 'refused without a code' } };
  });
}

/**
 * Create Fields: a fields file's fields added to a module, in calls of at most 5 (Zoho's pages), the module's
 * fields read first so a re-run sends only those it does not have yet. A call's answer lost on the way is
 * looked up (the module's fields read again), never sent again; the run stops there.
 */
import { AmbiguousRequestError, CrmClient } from './crmClient';
import { FieldResult, FieldSummary, FIELDS_PER_CALL, listFields, sendFieldsCall } from './fieldsApi';
import { ZohoErrorEntry } from './explain';
import { matchField } from './fieldsFile';
import { messageOf } from './errors';
import { readModuleFile } from './moduleFile';

/** What became of one field of the file (`index`: its place in the file's `fields`). */
export type FieldOutcome =
  | { kind: 'created'; index: number; label: string; id: string }
  /** The module had it before this run (by API name, else label): not sent. */
  | { kind: 'exists'; index: number; label: string; id: string }
  /** Zoho refused it; its error's json_path is the file's (`$.fields[index]…`). */
  | { kind: 'refused'; index: number; label: string; error: ZohoErrorEntry }
  /** Its call's answer was lost and the lookup could not say: not sent again. */
  | { kind: 'unknown'; index: number; label: string }
  /** Not sent: the run stopped before its call. */
  | { kind: 'not sent'; index: number; label: string };

export interface FieldsRun {
  module: string;
  outcomes: FieldOutcome[];
  /** POST calls made. */
  calls: number;
  /** One line: what was created, refused, already there. */
  message: string;
  /** Why the run stopped before its end (a lost answer), when it did. */
  stopped?: string;
}

export async function createFields(
  client: CrmClient,
  moduleApiName: string,
  fields: Record<string, unknown>[],
  progress: (done: number, total: number) => void = () => {},
  /** The module's fields, when the caller has just read them (Update): not read again. */
  known?: FieldSummary[],
): Promise<FieldsRun> {
  const label = (field: Record<string, unknown>, index: number) =>
    typeof field.field_label === 'string' ? field.field_label : `fields[${index}]`;
  // A custom field of the same name is this file's, made by an earlier run; a system one is a clash Zoho refuses.
  const existing = (known ?? (await listFields(client, moduleApiName))).filter((field) => field.custom_field !== false);
  const outcomes: FieldOutcome[] = [];
  const pending: number[] = [];
  fields.forEach((field, index) => {
    const found = matchField(field, existing);
    if (found) outcomes[index] = { kind: 'exists', index, label: label(field, index), id: found.id };
    else pending.push(index);
  });
  let calls = 0;
  let stopped: string | undefined;
  for (let start = 0; start < pending.length && !stopped; start += FIELDS_PER_CALL) {
    const batch = pending.slice(start, start + FIELDS_PER_CALL);
    calls++;
    let results: FieldResult[];
    try {
      results = await sendFieldsCall(
        client,
        moduleApiName,
        batch.map((index) => fields[index]),
      );
    } catch (error) {
      if (error instanceof AmbiguousRequestError) {
        stopped = await lookUp(client, moduleApiName, fields, batch, outcomes, label, error.message);
        break;
      }
      // Refused whole before anything was made: the caller says why. After some were made, say those too.
      if (!outcomes.some((outcome) => outcome?.kind === 'created')) throw error;
      for (const index of batch) outcomes[index] = { kind: 'not sent', index, label: label(fields[index], index) };
      stopped = `the call of ${batch.length} more was refused whole, and the run stopped: ${messageOf(error)}`;
      break;
    }
    results.forEach((result, position) => {
      const index = batch[position];
      outcomes[index] =
        result.kind === 'done'
          ? { kind: 'created', index, label: label(fields[index], index), id: result.id }
          : {
              kind: 'refused',
              index,
              label: label(fields[index], index),
              error: inFile(result.error, position, index),
            };
    });
    progress(Math.min(start + batch.length, pending.length), pending.length);
  }
  fields.forEach((field, index) => (outcomes[index] ??= { kind: 'not sent', index, label: label(field, index) }));
  return { module: moduleApiName, outcomes, calls, message: summary(moduleApiName, outcomes, stopped), stopped };
}

/** A call's answer was lost: which of its fields the module has now. Nothing is sent again. */
async function lookUp(
  client: CrmClient,
  moduleApiName: string,
  fields: Record<string, unknown>[],
  batch: number[],
  outcomes: FieldOutcome[],
  label: (field: Record<string, unknown>, index: number) => string,
  lost: string,
): Promise<string> {
  try {
    const now = await listFields(client, moduleApiName);
    for (const index of batch) {
      const field = fields[index];
      const found = matchField(field, now);
      outcomes[index] = found
        ? { kind: 'created', index, label: label(field, index), id: found.id }
        : { kind: 'unknown', index, label: label(field, index) };
    }
    return `${lost}; the module's fields were read again, and nothing was sent twice`;
  } catch (error) {
    for (const index of batch) outcomes[index] = { kind: 'unknown', index, label: label(fields[index], index) };
    return `${lost}, and reading the module's fields failed too (${messageOf(error)}): look in Zoho CRM before sending again`;
  }
}

/** Zoho's json_path counts within the call: `$.fields[2]` of the second call is the file's `$.fields[7]`. */
function inFile(error: ZohoErrorEntry, position: number, index: number): ZohoErrorEntry {
  const path = error.details?.json_path;
  if (typeof path !== 'string') return error;
  return {
    ...error,
    details: {
      ...error.details,
      json_path: path.replace(new RegExp(`^\\$\\.fields\\[${position}\\]`), `$.fields[${index}]`),
    },
  };
}

function summary(moduleApiName: string, outcomes: FieldOutcome[], stopped: string | undefined): string {
  const count = (kind: FieldOutcome['kind']) => outcomes.filter((outcome) => outcome.kind === kind).length;
  const parts = [
    `${count('created')} of ${outcomes.length} field${outcomes.length === 1 ? '' : 's'} created in ${moduleApiName}`,
    count('exists') ? `${count('exists')} already there (not sent)` : '',
    count('refused') ? `${count('refused')} refused` : '',
    count('unknown') ? `${count('unknown')} unknown (not sent again)` : '',
    count('not sent') ? `${count('not sent')} not sent` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.${stopped ? ` ${stopped[0].toUpperCase()}${stopped.slice(1).replace(/\.$/, '')}.` : ''}`;
}

/**
 * The API name of a module just created from `moduleText`: the file's api_name, else (Zoho derived it from
 * the plural label) the org's module of that id. Its fields go there.
 */
export async function createdModuleName(
  client: CrmClient,
  moduleText: string,
  id: string,
): Promise<string | undefined> {
  const named = readModuleFile(moduleText)?.api_name;
  if (named) return named;
  return (await client.listModules()).find((module) => module.id === id)?.api_name;
}

/** The fields of a fields file's body, or none when it holds no list (the rules have said so already). */
export function fieldsOfBody(text: string): Record<string, unknown>[] {
  try {
    const fields = (JSON.parse(text) as { fields?: unknown }).fields;
    return Array.isArray(fields) ? fields.filter((field) => field && typeof field === 'object') : [];
  } catch {
    return [];
  }
}

/**
 * A field's refusal in one line: Zoho's words and the key it names ("Field label duplicate (field_label).").
 * The module explanations of codes (explain.ts) speak of modules, not of fields.
 */
export function describeFieldError(error: ZohoErrorEntry): string {
  const key = error.details?.api_name;
  return `${error.message}${typeof key === 'string' ? ` (${key})` : ''}.`;
}

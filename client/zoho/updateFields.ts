/**
 * Update Fields: a fields plan carried out in order. New fields are created (Create Fields' run), changed
 * ones PATCHed in calls of at most 5 with only what Zoho lets change, then the org's fields the person named
 * are deleted one by one. A lost answer is looked up (the module's fields read again), never re-sent, and the
 * run stops there.
 */
import { ApiVersion } from '@crm/languageservice';
import { AmbiguousRequestError, CrmClient } from './crmClient';
import { createFields } from './createFields';
import { messageOf } from './errors';
import { ZohoErrorEntry } from './explain';
import { deleteField, FieldResult, FieldSummary, FIELDS_PER_CALL, listFields, sendFieldsCall } from './fieldsApi';
import { FieldChange, FieldsPlan, planFieldsUpdate } from './fieldsFile';

/** What became of one part of the plan; `index` is the field's place in the file (none for a deletion). */
export type FieldStep =
  | { kind: 'created' | 'updated' | 'deleted'; name: string; index?: number }
  | { kind: 'refused'; name: string; index?: number; error: ZohoErrorEntry }
  | { kind: 'unknown' | 'not sent'; name: string; index?: number };

export interface FieldsUpdateRun {
  module: string;
  steps: FieldStep[];
  /** Requests that change something: POSTs, PATCHes and DELETEs. */
  calls: number;
  message: string;
}

export interface UpdateChoices {
  /** Ids of the org's fields the person named for deletion (from plan.orgOnly). */
  deleteIds: string[];
  /** Whether options the file no longer has are removed from their picklists. */
  removeOptions: boolean;
}

export async function updateFields(
  client: CrmClient,
  plan: FieldsPlan,
  fileFields: Record<string, unknown>[],
  org: FieldSummary[],
  version: ApiVersion,
  choices: UpdateChoices,
  progress: (done: number, total: number) => void = () => {},
): Promise<FieldsUpdateRun> {
  const changes = plan.changes
    .map((change) => ({ change, item: itemOf(change, choices.removeOptions) }))
    .filter((entry): entry is { change: FieldChange; item: Record<string, unknown> } => entry.item !== undefined);
  const deletions = plan.orgOnly.filter((field) => choices.deleteIds.includes(field.id));
  const total = plan.creates.length + changes.length + deletions.length;
  const steps: FieldStep[] = [];
  let calls = 0;
  let done = 0;
  let stopped: string | undefined;

  if (plan.creates.length) {
    const created = await createFields(client, plan.module, fileFields, (count) => progress(count, total), org);
    calls += created.calls;
    done += plan.creates.length;
    for (const outcome of created.outcomes) {
      if (outcome.kind === 'exists') continue;
      const name = outcome.label;
      if (outcome.kind === 'refused') steps.push({ kind: 'refused', name, index: outcome.index, error: outcome.error });
      else steps.push({ kind: outcome.kind, name, index: outcome.index });
    }
    stopped = created.stopped;
  }

  for (let start = 0; start < changes.length && !stopped; start += FIELDS_PER_CALL) {
    const batch = changes.slice(start, start + FIELDS_PER_CALL);
    calls++;
    let results: FieldResult[];
    try {
      results = await sendFieldsCall(
        client,
        plan.module,
        batch.map((entry) => entry.item),
        'PATCH',
      );
    } catch (error) {
      if (error instanceof AmbiguousRequestError) {
        stopped = await lookUpChanges(client, plan, fileFields, version, batch, steps, error.message);
        break;
      }
      if (!steps.some(changedSomething)) throw error;
      stopped = `a call of ${batch.length} change${batch.length === 1 ? ' was' : 's was'} refused whole, and the run stopped: ${messageOf(error)}`;
      break;
    }
    results.forEach((result, position) => {
      const { change } = batch[position];
      steps.push(
        result.kind === 'done'
          ? { kind: 'updated', name: change.apiName, index: change.index }
          : {
              kind: 'refused',
              name: change.apiName,
              index: change.index,
              error: inFile(result.error, position, change),
            },
      );
    });
    done += batch.length;
    progress(done, total);
  }

  for (const field of deletions) {
    if (stopped) break;
    calls++;
    try {
      const result = await deleteField(client, plan.module, field.id);
      steps.push(
        result.kind === 'done'
          ? { kind: 'deleted', name: field.apiName }
          : { kind: 'refused', name: field.apiName, error: result.error },
      );
    } catch (error) {
      if (error instanceof AmbiguousRequestError)
        stopped = await lookUpDeletion(client, plan.module, field, steps, error.message);
      else if (!steps.some(changedSomething)) throw error;
      else stopped = `deleting ${field.apiName} was refused, and the run stopped: ${messageOf(error)}`;
    }
    progress(++done, total);
  }

  for (const change of changes)
    if (!steps.some((step) => step.index === change.change.index))
      steps.push({ kind: 'not sent', name: change.change.apiName, index: change.change.index });
  for (const field of deletions)
    if (!steps.some((step) => step.name === field.apiName)) steps.push({ kind: 'not sent', name: field.apiName });
  return { module: plan.module, steps, calls, message: summary(plan.module, steps, stopped) };
}

function changedSomething(step: FieldStep): boolean {
  return step.kind === 'created' || step.kind === 'updated' || step.kind === 'deleted';
}

/** The PATCH item of a change, its option removals added when they are allowed; undefined: nothing to send. */
function itemOf(change: FieldChange, removeOptions: boolean): Record<string, unknown> | undefined {
  const removals = removeOptions ? change.optionRemovals : [];
  if (!change.patch && !removals.length) return undefined;
  const item: Record<string, unknown> = { ...(change.patch ?? { id: change.id }) };
  if (removals.length) item.pick_list_values = [...((item.pick_list_values as unknown[]) ?? []), ...removals];
  return item;
}

/** A PATCH answer lost: which changes the fields have now, read again and planned again. Nothing is re-sent. */
async function lookUpChanges(
  client: CrmClient,
  plan: FieldsPlan,
  fileFields: Record<string, unknown>[],
  version: ApiVersion,
  batch: { change: FieldChange }[],
  steps: FieldStep[],
  lost: string,
): Promise<string> {
  try {
    const now = planFieldsUpdate(plan.module, fileFields, await listFields(client, plan.module), version);
    for (const { change } of batch) {
      const still = now.changes.find((other) => other.index === change.index);
      steps.push({ kind: still?.patch ? 'unknown' : 'updated', name: change.apiName, index: change.index });
    }
    return `${lost}; the module's fields were read again, and nothing was sent twice`;
  } catch (error) {
    for (const { change } of batch) steps.push({ kind: 'unknown', name: change.apiName, index: change.index });
    return `${lost}, and reading the module's fields failed too (${messageOf(error)}): look in Zoho CRM before sending again`;
  }
}

async function lookUpDeletion(
  client: CrmClient,
  module: string,
  field: { id: string; apiName: string },
  steps: FieldStep[],
  lost: string,
): Promise<string> {
  try {
    const gone = !(await listFields(client, module)).some((other) => other.id === field.id);
    steps.push({ kind: gone ? 'deleted' : 'unknown', name: field.apiName });
    return `${lost}; the module's fields were read again, and nothing was sent twice`;
  } catch (error) {
    steps.push({ kind: 'unknown', name: field.apiName });
    return `${lost}, and reading the module's fields failed too (${messageOf(error)}): look in Zoho CRM before sending again`;
  }
}

/**
 * Zoho's json_path counts within the PATCH body: `$.fields[1].field_label` of a call is the file's
 * `$.fields[change.index].field_label`. Deeper places of the body (an option of pick_list_values) are not the
 * file's: the path stops at the field's key.
 */
function inFile(error: ZohoErrorEntry, position: number, change: FieldChange): ZohoErrorEntry {
  const path = error.details?.json_path;
  if (typeof path !== 'string') return error;
  const key = new RegExp(`^\\$\\.fields\\[${position}\\](\\.[A-Za-z_][A-Za-z0-9_]*)?`).exec(path)?.[1] ?? '';
  const place = key === '.id' ? '' : key;
  return { ...error, details: { ...error.details, json_path: `$.fields[${change.index}]${place}` } };
}

function summary(module: string, steps: FieldStep[], stopped: string | undefined): string {
  const count = (kind: FieldStep['kind']) => steps.filter((step) => step.kind === kind).length;
  const parts = (['created', 'updated', 'deleted', 'refused'] as const)
    .filter((kind) => count(kind))
    .map((kind) => `${count(kind)} ${kind}`);
  if (count('unknown')) parts.push(`${count('unknown')} unknown (not sent again)`);
  if (count('not sent')) parts.push(`${count('not sent')} not sent`);
  const said = parts.length ? `Fields of ${module}: ${parts.join(', ')}.` : `Nothing was sent to ${module}.`;
  return `${said}${stopped ? ` ${stopped[0].toUpperCase()}${stopped.slice(1).replace(/\.$/, '')}.` : ''}`;
}

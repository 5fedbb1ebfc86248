/**
 * The CLI's org verbs on fields files: diff and update (the file's fields against its module's, matched by
 * api_name), and the fields half of pull. Deletions only with --allow-delete; without it, the org's fields
 * the file lacks are left alone and said.
 */
import { existsSync, readFileSync } from 'node:fs';
import { LineIndex, moduleOfFieldsFile, siblingModuleFile } from '@crm/languageservice';
import {
  describeFieldError,
  isOwnCustomField,
  fieldsFileText,
  fieldsOfBody,
  FieldsPlan,
  FieldSummary,
  FieldStep,
  listFields,
  locateError,
  planFieldsUpdate,
  updateFields,
} from '@crm/zoho';
import { Connected, rulesVersion } from './connect';
import { Format, printer } from './output';
import { recordBaseline } from './sync';

import type { Io } from './io';

/** The module a fields file belongs to: its sibling module file's api_name, else its own name. */
export function moduleNameOf(file: string): string {
  const sibling = siblingModuleFile(file);
  return moduleOfFieldsFile(file, existsSync(sibling) ? readFileSync(sibling, 'utf8') : undefined);
}

/** The org's spelling of the file's module and the plan for its fields; an exit code when there is no module. */
async function planOf(
  file: string,
  text: string,
  { client, label }: Connected,
  io: Io,
): Promise<{ plan: FieldsPlan; org: FieldSummary[] } | 2> {
  const named = moduleNameOf(file);
  const module = await client.getModule(named);
  if (!module) {
    io.err(
      `${label} has no module ${named} (the module of ${file}: its sibling module file's api_name, else its name). Create the module first.\n`,
    );
    return 2;
  }
  const org = await listFields(client, module.api_name);
  const names = new Map((await client.listProfiles().catch(() => [])).map((profile) => [profile.id, profile.name]));
  return {
    plan: planFieldsUpdate(module.api_name, fieldsOfBody(text), org, rulesVersion(io), (id) => names.get(id)),
    org,
  };
}

/** Exit 0: no differences; 1: differences; 2: no such module. */
export async function diffFieldsCommand(
  file: string,
  text: string,
  connected: Connected,
  format: Format,
  io: Io,
): Promise<number> {
  const planned = await planOf(file, text, connected, io);
  if (planned === 2) return 2;
  const { differences, module } = planned.plan;
  printer(io, format)(
    { file, module, differences },
    differences.length
      ? `${file} ↔ the fields of ${module} in ${connected.label}:\n  ${differences.join('\n  ')}`
      : `${file} matches the fields of ${module} in ${connected.label}.`,
  );
  return differences.length ? 1 : 0;
}

/** Exit 0: updated or already the same; 1: something refused, unknown or not sent, or no such module. */
export async function updateFieldsCommand(
  file: string,
  text: string,
  connected: Connected,
  format: Format,
  allowDelete: boolean,
  io: Io,
): Promise<number> {
  const planned = await planOf(file, text, connected, io);
  if (planned === 2) return 1;
  const { plan, org } = planned;
  const print = printer(io, format);
  const fields = fieldsOfBody(text);
  const removesOptions = plan.changes.some((change) => change.optionRemovals.length);
  const sendable =
    plan.creates.length ||
    plan.changes.some((change) => change.patch || (allowDelete && change.optionRemovals.length)) ||
    (allowDelete && plan.orgOnly.length);
  for (const difference of plan.differences) io.err(`  ${difference}\n`);
  const leftAlone = allowDelete ? [] : plan.orgOnly.map((field) => field.apiName);
  if (!allowDelete && (leftAlone.length || removesOptions))
    io.err(
      `Left alone: ${[...leftAlone, ...(removesOptions ? ['options the file no longer has'] : [])].join(', ')} (--allow-delete deletes them).\n`,
    );
  if (!sendable) {
    print(
      { status: 'unchanged', module: plan.module, file, leftAlone },
      `The fields of ${plan.module} in ${connected.label} already match ${file} as far as Update can make them; nothing was sent.`,
    );
    return 0;
  }
  const run = await updateFields(connected.client, plan, fields, org, rulesVersion(io), {
    deleteIds: allowDelete ? plan.orgOnly.map((field) => field.id) : [],
    removeOptions: allowDelete,
  });
  await recordBaseline(connected, plan.module, io);
  const lines = new LineIndex(text);
  const problems = run.steps.flatMap((step) => (step.kind === 'refused' ? [problemOf(step, text, lines)] : []));
  print(
    {
      status: failed(run.steps) ? 'partial' : 'updated',
      module: plan.module,
      message: run.message,
      steps: run.steps,
      problems,
      file,
      leftAlone,
    },
    [
      ...problems.map((p) =>
        p.line ? `${file}:${p.line}:${p.column} error ${p.code} ${p.message}` : `${file}: error ${p.code} ${p.message}`,
      ),
      run.message,
    ].join('\n'),
  );
  return failed(run.steps) ? 1 : 0;
}

function failed(steps: FieldStep[]): boolean {
  return steps.some((step) => step.kind === 'refused' || step.kind === 'unknown' || step.kind === 'not sent');
}

/** A refusal at its field's line; a deletion's (no line in the file) names the field. */
function problemOf(step: FieldStep & { kind: 'refused' }, text: string, lines: LineIndex) {
  if (step.index === undefined)
    return { code: step.error.code, message: `${step.name} was not deleted: ${describeFieldError(step.error)}` };
  const { line, column } = lines.position(locateError(text, step.error).offset);
  return { line, column, code: step.error.code, message: describeFieldError(step.error) };
}

/** The module's custom fields as a fields file's text (`order`: a local file's API names, kept first); none: undefined. */
export async function pulledFieldsText(
  { client }: Connected,
  module: string,
  io: Io,
  order?: string[],
): Promise<string | undefined> {
  const fields = await listFields(client, module);
  return fields.some(isOwnCustomField) ? fieldsFileText(fields, rulesVersion(io), order) : undefined;
}

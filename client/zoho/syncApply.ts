/**
 * Apply: a folder's plan carried out one module at a time, in dependency order (a module before the modules
 * whose lookups point to it; within a module, the module before its fields). It stops at a conflict the person
 * did not name, and at the first refusal, saying what was done and what was not. After each module it reads the
 * org again and hands back the new baseline, so a run stopped anywhere (a refusal, a kill) leaves a state from
 * which the next plan sends only what is left. Writes go one at a time; a lost answer is looked up, never
 * re-sent (Create Module's, Update's and the fields runs' own rules).
 */
import { ApiVersion } from '@crm/languageservice';
import { CrmClient } from './crmClient';
import { createdModuleName, createFields, fieldsOfBody } from './createFields';
import { createModule } from './createModule';
import { messageOf } from './errors';
import { errorInFile } from './moduleFile';
import { applyOrder, changes, ModulePlan } from './syncPlan';
import { ModuleReading } from './syncState';
import { currentBaseline } from './syncFolder';
import { updateFields } from './updateFields';
import { updateModule } from './updateModule';
import { ZohoErrorEntry } from './explain';
import { checkFieldsRules, checkRules } from './preflight';

export interface ApplyOptions {
  version: ApiVersion;
  /** Modules whose conflicts the person named: their files win. */
  force: string[];
  /** Delete the org's fields (and options) the files lack. */
  allowDelete: boolean;
}

/** What happened to one module; `refused` carries Zoho's errors for the file they belong to. */
export interface AppliedModule {
  name: string;
  outcome: 'created' | 'updated' | 'conflict' | 'refused' | 'unknown';
  message: string;
  refusals?: { file: string; errors: ZohoErrorEntry[] }[];
}

export interface ApplyRun {
  modules: AppliedModule[];
  /** Why the run stopped before its end, when it did. */
  stopped?: string;
}

export async function applyPlan(
  client: CrmClient,
  plans: ModulePlan[],
  options: ApplyOptions,
  /** Called after each module with the org's state now: the caller records it at once. */
  recordBaseline: (module: string, reading: ModuleReading) => Promise<void>,
): Promise<ApplyRun> {
  const run: ApplyRun = { modules: [] };
  // Nothing goes while any file to send has errors: the same check as Create's, before the first request.
  for (const plan of plans.filter(changes)) {
    const invalid = [
      plan.local.moduleFile && checkRules(plan.local.moduleFile.text, options.version).kind === 'invalid'
        ? plan.local.moduleFile.path
        : undefined,
      plan.local.fieldsFile && checkFieldsRules(plan.local.fieldsFile.text, options.version).length
        ? plan.local.fieldsFile.path
        : undefined,
    ].filter((file): file is string => file !== undefined);
    if (invalid.length) {
      run.stopped = `${invalid.join(' and ')} ${invalid.length === 1 ? 'has' : 'have'} problems Zoho would refuse; nothing was sent`;
      return run;
    }
  }
  const forced = new Set(options.force.map((name) => name.toLowerCase()));
  for (const plan of applyOrder(plans.filter(changes))) {
    if (plan.state === 'conflict' && !forced.has(plan.name.toLowerCase())) {
      run.modules.push({
        name: plan.name,
        outcome: 'conflict',
        message: `${plan.name} changed in the org since it was last pulled or sent, and its files differ: nothing was sent. Pull it to take those changes, or name it to overwrite them (--overwrite ${plan.name} in the CLI).`,
      });
      run.stopped = `${plan.name} is in conflict`;
      break;
    }
    const done = plan.org ? await updateOne(client, plan, options) : await createOne(client, plan);
    run.modules.push(done.result);
    if (done.apiName) {
      try {
        await recordBaseline(done.apiName, await currentBaseline(client, done.apiName, options.version));
      } catch (error) {
        run.stopped = `${plan.name}'s new state could not be read back (${messageOf(error)}); the next plan reads it again`;
        break;
      }
    }
    if (done.result.outcome === 'refused' || done.result.outcome === 'unknown') {
      run.stopped = `${plan.name}: ${done.result.message}`;
      break;
    }
  }
  return run;
}

async function createOne(client: CrmClient, plan: ModulePlan): Promise<{ result: AppliedModule; apiName?: string }> {
  const { moduleFile, fieldsFile } = plan.local;
  if (!moduleFile)
    return {
      result: {
        name: plan.name,
        outcome: 'refused',
        message: `the org has no module ${plan.name}, and there is no module file to create it from`,
      },
    };
  const outcome = await createModule(client, moduleFile.text);
  if (outcome.kind === 'rejected')
    return {
      result: {
        name: plan.name,
        outcome: 'refused',
        message: outcome.message,
        refusals: [{ file: moduleFile.path, errors: outcome.errors }],
      },
    };
  if (outcome.kind === 'ambiguous' && !outcome.existing)
    return { result: { name: plan.name, outcome: 'unknown', message: outcome.message } };
  const id = outcome.kind === 'created' ? outcome.id : outcome.existing!.id;
  const apiName = await createdModuleName(client, moduleFile.text, id);
  if (!apiName || !fieldsFile)
    return { result: { name: plan.name, outcome: 'created', message: `created (id ${id})` }, apiName };
  const fields = await createFields(client, apiName, fieldsOfBody(fieldsFile.text));
  return { result: fieldsResult(plan.name, fields.outcomes, fields.message, fieldsFile.path), apiName };
}

async function updateOne(
  client: CrmClient,
  plan: ModulePlan,
  options: ApplyOptions,
): Promise<{ result: AppliedModule; apiName?: string }> {
  const apiName = plan.org!.module.api_name;
  const said: string[] = [];
  const moduleUpdate = plan.moduleUpdate;
  if (moduleUpdate?.changes.length) {
    const outcome = await updateModule(client, moduleUpdate);
    if (outcome.kind === 'rejected')
      return {
        result: {
          name: plan.name,
          outcome: 'refused',
          message: outcome.message,
          refusals: [
            {
              file: plan.local.moduleFile!.path,
              errors: outcome.errors.map((error) => errorInFile(error, moduleUpdate)),
            },
          ],
        },
        apiName,
      };
    if (outcome.kind === 'ambiguous' && !outcome.applied)
      return { result: { name: plan.name, outcome: 'unknown', message: outcome.message }, apiName };
    said.push('module updated');
  }
  const fieldsPlan = plan.fieldsPlan;
  const fieldsFile = plan.local.fieldsFile;
  if (fieldsPlan && fieldsFile) {
    const sendable =
      fieldsPlan.creates.length ||
      fieldsPlan.changes.some((change) => change.patch || (options.allowDelete && change.optionRemovals.length)) ||
      (options.allowDelete && fieldsPlan.orgOnly.length);
    if (sendable) {
      const fields = await updateFields(
        client,
        fieldsPlan,
        fieldsOfBody(fieldsFile.text),
        plan.org!.fields,
        options.version,
        {
          deleteIds: options.allowDelete ? fieldsPlan.orgOnly.map((field) => field.id) : [],
          removeOptions: options.allowDelete,
        },
      );
      const refused = fields.steps.flatMap((step) =>
        step.kind === 'refused' && step.index !== undefined ? [step.error] : [],
      );
      const trouble = fields.steps.find(
        (step) => step.kind !== 'created' && step.kind !== 'updated' && step.kind !== 'deleted',
      );
      if (trouble)
        return {
          result: {
            name: plan.name,
            outcome: trouble.kind === 'refused' ? 'refused' : 'unknown',
            message: [...said, fields.message].join('; '),
            refusals: refused.length ? [{ file: fieldsFile.path, errors: refused }] : undefined,
          },
          apiName,
        };
      said.push(fields.message);
    }
  }
  return { result: { name: plan.name, outcome: 'updated', message: said.join('; ') || 'nothing to send' }, apiName };
}

function fieldsResult(
  name: string,
  outcomes: { kind: string; error?: ZohoErrorEntry }[],
  message: string,
  file: string,
): AppliedModule {
  const refused = outcomes.flatMap((field) => (field.kind === 'refused' && field.error ? [field.error] : []));
  const trouble = outcomes.find((field) => field.kind !== 'created' && field.kind !== 'exists');
  if (!trouble) return { name, outcome: 'created', message };
  return {
    name,
    outcome: trouble.kind === 'refused' ? 'refused' : 'unknown',
    message: `module created; ${message}`,
    refusals: refused.length ? [{ file, errors: refused }] : undefined,
  };
}

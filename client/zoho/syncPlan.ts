/**
 * The plan for a folder of files against an org: per module, and per field inside it, what Apply would do —
 * create, update (with the differences), nothing (up to date), nothing but say it (only in the org; a
 * difference Zoho never changes) — or stop at: a conflict, where the org changed since the baseline and the file
 * differs too. Pure: the org's state and the baseline are handed in.
 */
import { ApiVersion } from '@crm/languageservice';
import { ModuleDetails } from './crmClient';
import { FieldSummary } from './fieldsApi';
import { fieldsOfBody } from './createFields';
import { FieldsPlan, planFieldsUpdate } from './fieldsFile';
import { planUpdate, readModuleFile, UpdatePlan } from './moduleFile';
import { fieldHash, ModuleBaseline, moduleHash } from './syncState';

export type ItemState = 'create' | 'update' | 'up to date' | 'only in the org' | 'conflict' | 'cannot change';

export interface LocalFile {
  path: string;
  text: string;
}

/** One module's files: its module file (a custom module's), its fields file, or both. */
export interface LocalModule {
  name: string;
  moduleFile?: LocalFile;
  fieldsFile?: LocalFile;
}

export interface FieldItem {
  apiName: string;
  state: ItemState;
  differences: string[];
}

export interface ModulePlan {
  name: string;
  state: ItemState;
  /** The module's own differences (labels, profiles). */
  differences: string[];
  fields: FieldItem[];
  local: LocalModule;
  /** Set when the module is in the org: what Update Module would send. */
  moduleUpdate?: UpdatePlan;
  /** Set when the module is in the org and has a fields file. */
  fieldsPlan?: FieldsPlan;
  /** The org's state the plan was made from. */
  org?: { module: ModuleDetails; fields: FieldSummary[] };
  /** Modules this one's lookups point to (created first). */
  needs: string[];
}

export function planModule(
  local: LocalModule,
  org: { module: ModuleDetails; fields: FieldSummary[] } | undefined,
  baseline: ModuleBaseline | undefined,
  version: ApiVersion,
  profileName: (id: string) => string | undefined = () => undefined,
): ModulePlan {
  const fileFields = local.fieldsFile ? fieldsOfBody(local.fieldsFile.text) : [];
  const needs = [
    ...new Set(
      fileFields.flatMap((field) => {
        const target = (field.lookup as { module?: { api_name?: unknown } } | undefined)?.module?.api_name;
        return typeof target === 'string' && target.toLowerCase() !== local.name.toLowerCase() ? [target] : [];
      }),
    ),
  ];
  if (!org) {
    // It was there at the last pull or send: someone deleted it since, and creating it again is theirs to say.
    const deleted = baseline?.module !== undefined;
    return {
      name: local.name,
      state: deleted ? 'conflict' : 'create',
      differences: deleted
        ? ['deleted in the org since it was last pulled or sent']
        : local.moduleFile
          ? ['+ a new module']
          : [],
      fields: fileFields.map((field, index) => ({
        apiName: fieldName(field, index),
        state: 'create' as const,
        differences: [],
      })),
      local,
      needs,
    };
  }
  const plan: ModulePlan = {
    name: org.module.api_name,
    state: 'up to date',
    differences: [],
    fields: [],
    local,
    org,
    needs,
  };
  const definition = local.moduleFile ? readModuleFile(local.moduleFile.text) : undefined;
  let moduleState: ItemState = 'up to date';
  if (definition) {
    plan.moduleUpdate = planUpdate(definition, org.module, profileName);
    plan.differences = plan.moduleUpdate.differences.map((difference) => difference.text);
    if (plan.moduleUpdate.changes.length)
      moduleState =
        baseline?.module !== undefined && baseline.module !== moduleHash(org.module) ? 'conflict' : 'update';
    else if (plan.differences.length) moduleState = 'cannot change';
  }
  if (local.fieldsFile) {
    const fields = planFieldsUpdate(org.module.api_name, fileFields, org.fields, version, profileName);
    plan.fieldsPlan = fields;
    const byApiName = new Map(org.fields.map((field) => [field.api_name, field]));
    fileFields.forEach((field, index) => {
      const name = fieldName(field, index);
      if (fields.creates.includes(index)) return plan.fields.push({ apiName: name, state: 'create', differences: [] });
      const change = fields.changes.find((candidate) => candidate.index === index);
      const prefix = `~ ${change?.apiName ?? name}: `;
      const lines = fields.differences
        .filter((line) => line.startsWith(prefix))
        .map((line) => line.slice(prefix.length));
      if (!change) {
        plan.fields.push({ apiName: name, state: lines.length ? 'cannot change' : 'up to date', differences: lines });
        return;
      }
      const recorded = baseline?.fields[change.apiName];
      const orgField = byApiName.get(change.apiName);
      const moved = recorded !== undefined && orgField !== undefined && recorded !== fieldHash(orgField, version);
      plan.fields.push({ apiName: change.apiName, state: moved ? 'conflict' : 'update', differences: lines });
    });
    for (const field of fields.orgOnly)
      plan.fields.push({ apiName: field.apiName, state: 'only in the org', differences: [] });
  }
  const states = [moduleState, ...plan.fields.map((field) => field.state)];
  plan.state = states.includes('conflict')
    ? 'conflict'
    : states.includes('update') || states.includes('create')
      ? 'update'
      : states.includes('cannot change')
        ? 'cannot change'
        : 'up to date';
  return plan;
}

/** The plan as people read it: a line per module, its differences and its fields that are not up to date, and a summary. */
export function describePlan(plans: ModulePlan[]): { lines: string[]; summary: string } {
  const count = (state: ItemState) => plans.filter((plan) => plan.state === state).length;
  const onlyInOrg = plans.flatMap((plan) => plan.fields.filter((field) => field.state === 'only in the org'));
  const summary = `Plan: ${count('create')} to create, ${count('update')} to update, ${count('conflict')} in conflict, ${count('up to date')} up to date${onlyInOrg.length ? `; ${onlyInOrg.length} field${onlyInOrg.length === 1 ? '' : 's'} only in the org (left alone)` : ''}.`;
  const lines = plans.flatMap((plan) => [
    `${plan.name}: ${plan.state}`,
    ...plan.differences.map((difference) => `  ${difference}`),
    ...plan.fields
      .filter((field) => field.state !== 'up to date')
      .map(
        (field) =>
          `  field ${field.apiName}: ${field.state}${field.differences.length ? ` (${field.differences.join('; ')})` : ''}`,
      ),
  ]);
  return { lines, summary };
}

/** Whether Apply would send anything for this module. */
export function changes(plan: ModulePlan): boolean {
  return plan.state === 'create' || plan.state === 'update' || plan.state === 'conflict';
}

/** The modules in the order Apply takes them: a module before the modules whose lookups point to it. */
export function applyOrder(plans: ModulePlan[]): ModulePlan[] {
  const byName = new Map(plans.map((plan) => [plan.name.toLowerCase(), plan]));
  const ordered: ModulePlan[] = [];
  const placing = new Set<ModulePlan>();
  const place = (plan: ModulePlan) => {
    if (ordered.includes(plan) || placing.has(plan)) return; // a cycle of lookups: the file order breaks it
    placing.add(plan);
    for (const name of plan.needs) {
      const needed = byName.get(name.toLowerCase());
      if (needed) place(needed);
    }
    ordered.push(plan);
  };
  for (const plan of plans) place(plan);
  return ordered;
}

function fieldName(field: Record<string, unknown>, index: number): string {
  return typeof field.api_name === 'string'
    ? field.api_name
    : typeof field.field_label === 'string'
      ? field.field_label
      : `fields[${index}]`;
}

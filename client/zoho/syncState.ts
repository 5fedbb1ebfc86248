/**
 * Where the org stood: per org and module, a hash of the module as a file would hold it and of each of its
 * custom fields, recorded after each Pull, Create, Update and Apply of ours. A plan compares the org now with it:
 * an org that moved since, where the file differs too, is a conflict; our own writes move it forward, so they
 * never raise one. Kept in `.crm-sync.json` beside the files, for a team to commit; it holds no secret, no
 * token, no value of a record: names, hashes, and the files' text as the org had it (to show a conflict).
 */
import { createHash } from 'node:crypto';
import { ApiVersion } from '@crm/languageservice';
import { ModuleDetails } from './crmClient';
import { FieldSummary } from './fieldsApi';
import { fieldsFileText, fileFieldOf, isOwnCustomField } from './fieldsFile';
import type { OrgDirectory } from './orgDirectory';
import { moduleFileText } from './moduleFile';

export const SYNC_STATE_FILE = '.crm-sync.json';
/** A state file larger than this is not one of ours. */
const MAX_STATE_BYTES = 4 << 20;

export interface ModuleBaseline {
  /** The module as a module file holds it (absent: a standard module, whose file is not ours). */
  module?: string;
  /** Zoho's modified_time of the module then, when it said one: for people reading the file (hashes decide). */
  modifiedTime?: string;
  /** Each custom field, by API name. */
  fields: Record<string, string>;
  /** The module file's text as the org had it: what a conflict is shown against (Compare with Org). */
  moduleText?: string;
  /** The fields file's text as the org had it (custom fields only). */
  fieldsText?: string;
}

/** What the org's ids name, as far as our reads of it saw: how a promotion names the ids of files from it. */
export type RecordedNames = Omit<OrgDirectory, 'org'>;

export interface SyncState {
  version: 1;
  /** By org id: each module's baseline, by API name, and the names of the org's ids seen so far. */
  orgs: Record<string, { modules: Record<string, ModuleBaseline>; names?: RecordedNames }>;
}

export function emptySyncState(): SyncState {
  // No prototype: an org or module named __proto__ is a key like any other.
  return { version: 1, orgs: Object.create(null) };
}

/** The state file's text read as untrusted: its shape checked, anything else a sentence saying why. */
export function readSyncState(text: string | undefined): SyncState | { error: string } {
  if (text === undefined || text.trim() === '') return emptySyncState();
  if (text.length > MAX_STATE_BYTES) return { error: `is larger than ${MAX_STATE_BYTES >> 20} MB` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'is not JSON' };
  }
  const record = value as Partial<SyncState> | null;
  if (!record || typeof record !== 'object' || record.version !== 1 || !isRecord(record.orgs))
    return { error: 'is not a sync state of this version ({"version": 1, "orgs": {…}})' };
  const state = emptySyncState();
  for (const [org, entry] of Object.entries(record.orgs)) {
    const modules = (entry as { modules?: unknown } | null)?.modules;
    if (!isRecord(modules)) return { error: `has no modules for the org ${org}` };
    const kept: Record<string, ModuleBaseline> = Object.create(null);
    for (const [name, baseline] of Object.entries(modules)) {
      const item = baseline as Partial<ModuleBaseline> | null;
      if (!item || !isRecord(item.fields) || (item.module !== undefined && typeof item.module !== 'string'))
        return { error: `has a malformed entry for ${name}` };
      const fields: Record<string, string> = Object.create(null);
      for (const [field, hash] of Object.entries(item.fields)) if (typeof hash === 'string') fields[field] = hash;
      kept[name] = {
        ...(item.module ? { module: item.module } : {}),
        ...(typeof item.modifiedTime === 'string' ? { modifiedTime: item.modifiedTime.slice(0, 40) } : {}),
        fields,
        ...(typeof item.moduleText === 'string' ? { moduleText: item.moduleText } : {}),
        ...(typeof item.fieldsText === 'string' ? { fieldsText: item.fieldsText } : {}),
      };
    }
    const names = readNames((entry as { names?: unknown }).names);
    state.orgs[org] = { modules: kept, ...(names ? { names } : {}) };
  }
  return state;
}

/** Recorded names, read as untrusted: ids of digits, names one bounded line; anything else left out. */
function readNames(value: unknown): RecordedNames | undefined {
  if (!isRecord(value)) return undefined;
  const map = (given: unknown) => {
    const kept: Record<string, string> = Object.create(null);
    if (isRecord(given))
      for (const [id, name] of Object.entries(given))
        if (/^\d{1,30}$/.test(id) && typeof name === 'string' && name && name.length <= 200 && !/[\r\n]/.test(name))
          kept[id] = name;
    return kept;
  };
  return {
    label: typeof value.label === 'string' ? value.label.slice(0, 200) : '',
    profiles: map(value.profiles),
    modules: map(value.modules),
    ...(isRecord(value.globalPicklists) ? { globalPicklists: map(value.globalPicklists) } : {}),
  };
}

/** The state with what `directory` names added to its org's recorded names (newer names win). */
export function withNames(state: SyncState, directory: OrgDirectory): SyncState {
  const entry = state.orgs[directory.org] ?? { modules: {} };
  const before = entry.names;
  const names: RecordedNames = {
    label: directory.label || before?.label || '',
    profiles: { ...before?.profiles, ...directory.profiles },
    modules: { ...before?.modules, ...directory.modules },
    ...(before?.globalPicklists || directory.globalPicklists
      ? { globalPicklists: { ...before?.globalPicklists, ...directory.globalPicklists } }
      : {}),
  };
  return { version: 1, orgs: { ...state.orgs, [directory.org]: { ...entry, names } } };
}

/** One module as the org has it after a pull or a write: its baseline and the names its answers gave ids. */
export interface ModuleReading {
  baseline: ModuleBaseline;
  names: Omit<OrgDirectory, 'org' | 'label'>;
}

/** The state with one module's reading recorded: its baseline, and its names added to the org's. */
export function withReading(
  state: SyncState,
  org: { id: string; label: string },
  module: string,
  reading: ModuleReading,
): SyncState {
  return withNames(withBaseline(state, org.id, module, reading.baseline), {
    org: org.id,
    label: org.label,
    ...reading.names,
  });
}

/** Every org's recorded names, as directories a promotion can name ids through. */
export function recordedDirectories(state: SyncState): OrgDirectory[] {
  return Object.entries(state.orgs).flatMap(([org, entry]) =>
    entry.names ? [{ org, ...entry.names, label: entry.names.label || org }] : [],
  );
}

/** The file's text: keys sorted, so a commit shows only what moved. */
export function syncStateText(state: SyncState): string {
  const sorted = (value: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, value[key]]),
    );
  const orgs = Object.fromEntries(
    Object.keys(state.orgs)
      .sort()
      .map((org) => {
        const { modules, names } = state.orgs[org];
        return [
          org,
          {
            modules: Object.fromEntries(
              Object.keys(modules)
                .sort()
                .map((name) => [name, { ...modules[name], fields: sorted(modules[name].fields) }]),
            ),
            ...(names
              ? {
                  names: {
                    label: names.label,
                    profiles: sorted(names.profiles),
                    modules: sorted(names.modules),
                    ...(names.globalPicklists ? { globalPicklists: sorted(names.globalPicklists) } : {}),
                  },
                }
              : {}),
          },
        ];
      }),
  );
  return `${JSON.stringify({ version: 1, orgs }, null, 2)}\n`;
}

export function baselineOf(state: SyncState, org: string, module: string): ModuleBaseline | undefined {
  return state.orgs[org]?.modules[module];
}

/** The state with one module's baseline replaced (the others kept as they were). */
export function withBaseline(state: SyncState, org: string, module: string, baseline: ModuleBaseline): SyncState {
  const modules = { ...(state.orgs[org]?.modules ?? {}), [module]: baseline };
  return { version: 1, orgs: { ...state.orgs, [org]: { ...state.orgs[org], modules } } };
}

/** What the org has now, as a baseline: the module's hash (a custom one's) and each custom field's. */
export function baselineFromOrg(
  module: ModuleDetails | undefined,
  fields: FieldSummary[],
  version: ApiVersion,
): ModuleBaseline {
  const custom = module && (module.generated_type ?? 'custom') === 'custom';
  const own = fields.filter(isOwnCustomField);
  return {
    ...(custom ? { module: moduleHash(module) } : {}),
    ...(module?.modified_time ? { modifiedTime: module.modified_time } : {}),
    fields: Object.fromEntries(own.map((field) => [field.api_name, fieldHash(field, version)])),
    ...(custom ? { moduleText: moduleFileText(module) } : {}),
    ...(own.length ? { fieldsText: fieldsFileText(fields, version) } : {}),
  };
}

export function moduleHash(module: ModuleDetails): string {
  return hash(moduleFileText(module));
}

export function fieldHash(field: FieldSummary, version: ApiVersion): string {
  return hash(JSON.stringify(fileFieldOf(field, version)));
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

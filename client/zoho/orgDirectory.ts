/**
 * An org's directory (what its ids name: profiles, modules, global picklists), read from the org for a target,
 * or gathered from what a pull or a write already read (a module's profiles by name, its fields' lookups and
 * picklists) for the baseline, so a later promotion can name the ids of files that came from it at no cost.
 */
import { OrgSnapshot, oneLine, ZOHO_CODES } from '@crm/languageservice';
import { ZohoError } from './errors';
import { AnswerReader } from './answerShape';
import { CrmClient, ModuleDetails, ModuleSummary, ProfileSummary, unexpected } from './crmClient';
import { FieldSummary } from './fieldsApi';

/** What an org's ids name: names only, never a secret; kept per org in the baseline. */
export interface OrgDirectory {
  /** The org's id. */
  org: string;
  /** How messages name it ("Zylker (www.zohoapis.com)"). */
  label: string;
  /** Profile id → name. */
  profiles: Record<string, string>;
  /** Set when the sign-in may not read the profiles: ids are then kept, and one named elsewhere stops the run. */
  profilesUnread?: true;
  /** Module id → api_name. */
  modules: Record<string, string>;
  /** Global picklist id → api_name; absent when it was not read. */
  globalPicklists?: Record<string, string>;
}

/** The scope Zoho's global picklist listing needs; without it only picklists given by api_name can be mapped. */
const GLOBAL_PICKLIST_SCOPE = 'ZohoCRM.settings.global_picklist.READ';
const MAX_NAME = 200;

/** The target's directory: its profiles and modules (two GETs), its global picklists when a file uses one. */
export async function readDirectory(
  client: CrmClient,
  org: string,
  label: string,
  withGlobalPicklists: boolean,
): Promise<OrgDirectory> {
  const [profiles, modules, globalPicklists] = await Promise.all([
    readProfiles(client),
    client.listModules(),
    withGlobalPicklists ? listGlobalPicklists(client).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  return directoryOf(org, label, profiles, modules, globalPicklists);
}

/** The org's profiles; undefined when the sign-in may not read them (ids are then kept as they are). */
export async function readProfiles(client: CrmClient): Promise<ProfileSummary[] | undefined> {
  try {
    return await client.listProfiles();
  } catch (error) {
    if (error instanceof ZohoError && error.code === ZOHO_CODES.oauthScopeMismatch) return undefined;
    throw error;
  }
}

/** A directory from the org's listings (read by the caller, so a plan reads the module listing once). */
export function directoryOf(
  org: string,
  label: string,
  /** Undefined: the sign-in may not read them. */
  profiles: ProfileSummary[] | undefined,
  modules: ModuleSummary[],
  globalPicklists: Record<string, string> | undefined,
): OrgDirectory {
  return {
    org,
    label,
    profiles: Object.fromEntries((profiles ?? []).map((profile) => [profile.id, oneLine(profile.name, MAX_NAME)])),
    ...(profiles ? {} : { profilesUnread: true as const }),
    modules: Object.fromEntries(modules.map((module) => [module.id, module.api_name])),
    ...(globalPicklists ? { globalPicklists } : {}),
  };
}

/** A snapshot file (`crm-module snapshot`) as a directory: a source for ids of an org not signed in to. */
export function directoryOfSnapshot(snapshot: OrgSnapshot, label: string): OrgDirectory {
  return {
    org: snapshot.org,
    label,
    profiles: Object.fromEntries(snapshot.profiles.map((profile) => [profile.id, profile.name])),
    modules: Object.fromEntries(
      snapshot.modules.flatMap((module) => (module.id ? [[module.id, module.api_name]] : [])),
    ),
  };
}

/** What one module's answers name: the module, its profiles, and its fields' profiles, lookups and picklists. */
export function directoryOfModule(
  org: string,
  label: string,
  module: ModuleDetails | undefined,
  fields: FieldSummary[],
): OrgDirectory {
  const directory = { org, label, profiles: {}, modules: {}, globalPicklists: {} } as Required<
    Omit<OrgDirectory, 'profilesUnread'>
  >;
  const add = (names: Record<string, string>, id: unknown, name: unknown) => {
    if (typeof id === 'string' && /^\d{1,30}$/.test(id) && typeof name === 'string' && name)
      names[id] = oneLine(name, MAX_NAME);
  };
  if (module) {
    add(directory.modules, module.id, module.api_name);
    for (const profile of module.profiles ?? []) add(directory.profiles, profile.id, profile.name);
  }
  for (const { definition } of fields) {
    for (const profile of Array.isArray(definition.profiles) ? definition.profiles : [])
      add(directory.profiles, (profile as { id?: unknown })?.id, (profile as { name?: unknown })?.name);
    const target = (definition.lookup as { module?: { id?: unknown; api_name?: unknown } } | null)?.module;
    add(directory.modules, target?.id, target?.api_name);
    const picklist = definition.global_picklist as { id?: unknown; api_name?: unknown } | null;
    add(directory.globalPicklists, picklist?.id, picklist?.api_name);
  }
  return directory;
}

/** GET /settings/global_picklists: each one's id → api_name. */
export async function listGlobalPicklists(client: CrmClient): Promise<Record<string, string>> {
  const what = 'Reading the global picklists';
  const answer = await client.request('GET', client.path('/settings/global_picklists'));
  if (answer.status === 204) return {};
  const list = (answer.body as { global_picklists?: unknown } | undefined)?.global_picklists;
  if (answer.status !== 200 || !Array.isArray(list)) throw unexpected(answer, what, GLOBAL_PICKLIST_SCOPE);
  const read = new AnswerReader(what);
  return Object.fromEntries(
    list.map((entry, index) => {
      const picklist = read.record(entry, `global_picklists[${index}]`);
      return [
        read.id(picklist.id, `global_picklists[${index}].id`),
        read.text(picklist.api_name, `global_picklists[${index}].api_name`),
      ];
    }),
  );
}

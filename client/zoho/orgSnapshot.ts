/**
 * Fetches what the editor needs to know about an org: its profiles and modules (two GETs), and the fields of
 * the modules whose fields files are open (one GET each, asked for separately).
 */
import { OrgSnapshot, readSnapshot, ZOHO_CODES } from '@crm/languageservice';
import { CrmClient, ModuleSummary, ProfileSummary } from './crmClient';
import { ZohoError } from './errors';
import { listFields } from './fieldsApi';

/** Read through the same gate as a snapshot file: ids of digits, names one line and bounded. */
export async function fetchOrgSnapshot(client: CrmClient, org: string, now = Date.now()): Promise<OrgSnapshot> {
  const [profiles, modules] = await Promise.all([client.listProfiles(), client.listModules()]);
  return snapshotOf(org, now, profiles, modules);
}

/**
 * What a check before sending can know of the org: both lists; the modules alone when the sign-in may not read
 * the profiles (an empty profile list: no profile is judged); nothing when it may not read the modules either.
 */
export async function orgForChecks(client: CrmClient, org: string, now = Date.now()): Promise<OrgSnapshot | undefined> {
  const unreadable = (error: unknown) => error instanceof ZohoError && error.code === ZOHO_CODES.oauthScopeMismatch;
  try {
    return await fetchOrgSnapshot(client, org, now);
  } catch (error) {
    if (!unreadable(error)) throw error;
  }
  try {
    return snapshotOf(org, now, [], await client.listModules());
  } catch (error) {
    if (!unreadable(error)) throw error;
    return undefined;
  }
}

/**
 * The snapshot with the fields of `modules` added (those it has already are kept, not read again). A module the
 * org lacks is left out: the fields rules then say nothing of it, and sending says the module is missing.
 */
export async function withModuleFields(
  client: CrmClient,
  snapshot: OrgSnapshot,
  modules: string[],
): Promise<OrgSnapshot> {
  const known = new Set(Object.keys(snapshot.moduleFields ?? {}).map((name) => name.toLowerCase()));
  const wanted = [...new Set(modules)].filter((module) => !known.has(module.toLowerCase()));
  if (!wanted.length) return snapshot;
  const fetched: Record<string, unknown[]> = {};
  for (const module of wanted) {
    const spelled = snapshot.modules.find((candidate) => candidate.api_name.toLowerCase() === module.toLowerCase());
    if (!spelled) continue;
    try {
      fetched[spelled.api_name] = await listFields(client, spelled.api_name);
    } catch (error) {
      if (error instanceof ZohoError && error.code === ZOHO_CODES.invalidModule) continue;
      throw error;
    }
  }
  if (!Object.keys(fetched).length) return snapshot;
  return readSnapshot({ ...snapshot, moduleFields: { ...snapshot.moduleFields, ...fetched } })!;
}

function snapshotOf(org: string, now: number, profiles: ProfileSummary[], modules: ModuleSummary[]): OrgSnapshot {
  return readSnapshot({
    org,
    fetchedAt: now,
    profiles: profiles.map((profile) => ({ id: profile.id, name: profile.name, type: profile.type })),
    modules: modules.map((module) => ({
      api_name: module.api_name,
      id: module.id,
      plural_label: module.plural_label,
      singular_label: module.singular_label,
      generated_type: module.generated_type,
    })),
  })!;
}

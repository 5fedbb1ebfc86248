/** Fetches what the editor needs to know about an org: its profiles and modules (two GETs). */
import { OrgSnapshot, readSnapshot, ZOHO_CODES } from '@crm/languageservice';
import { CrmClient, ModuleSummary, ProfileSummary } from './crmClient';
import { ZohoError } from './errors';

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

/** Fetches what the editor needs to know about an org: its profiles and modules (two GETs). */
import { OrgSnapshot, readSnapshot } from '@crm/languageservice';
import { CrmClient } from './crmClient';

/** Read through the same gate as a snapshot file: ids of digits, names one line and bounded. */
export async function fetchOrgSnapshot(client: CrmClient, org: string, now = Date.now()): Promise<OrgSnapshot> {
  const [profiles, modules] = await Promise.all([client.listProfiles(), client.listModules()]);
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

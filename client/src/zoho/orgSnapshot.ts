/** Fetches what the editor needs to know about an org: its profiles and modules (two GETs). */
import type { OrgSnapshot } from '../../../server/src/languageservice';
import { CrmClient } from './crmClient';

export async function fetchOrgSnapshot(client: CrmClient, org: string, now = Date.now()): Promise<OrgSnapshot> {
  const [profiles, modules] = await Promise.all([client.listProfiles(), client.listModules()]);
  return {
    org,
    fetchedAt: now,
    profiles: profiles.map((profile) => ({ id: String(profile.id), name: profile.name ?? profile.display_label ?? String(profile.id), type: profile.type })),
    modules: modules.map((module) => ({
      api_name: module.api_name, id: String(module.id), plural_label: module.plural_label, singular_label: module.singular_label, generated_type: module.generated_type,
    })),
  };
}

/** Finds a file's module in the org: by its API name as written, else by the org's spelling of it. */
import { CrmClient, ModuleDetails } from './crmClient';

/** `known`: the org's modules as last listed (a snapshot), for their spelling. */
export async function findOrgModule(
  client: CrmClient,
  apiName: string,
  known: { modules: { api_name: string }[] } | undefined,
): Promise<ModuleDetails | undefined> {
  const exact = await client.getModule(apiName);
  if (exact) return exact;
  // Zoho's lookup is case-sensitive; the org's own spelling (from the snapshot) finds "Shipments" for "shipments".
  const spelled = known?.modules.find(
    (module) => module.api_name.toLowerCase() === apiName.toLowerCase() && module.api_name !== apiName,
  );
  return spelled ? client.getModule(spelled.api_name) : undefined;
}

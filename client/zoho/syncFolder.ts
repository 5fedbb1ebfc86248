/**
 * A folder's plan, for both front ends: its files grouped by module (a module file by its api_name, a fields
 * file by its sibling module file, else its name), the org read once per kind and once or twice per module that
 * has files, a few reads at a time, and each module planned against its baseline.
 */
import { ApiVersion, documentKindOf, moduleOfFieldsFile, siblingModuleFile } from '@crm/languageservice';
import { CrmClient } from './crmClient';
import { listFields } from './fieldsApi';
import { readModuleFile } from './moduleFile';
import { LocalFile, LocalModule, ModulePlan, planModule } from './syncPlan';
import { baselineFromOrg, baselineOf, ModuleBaseline, SyncState } from './syncState';

/** Reads of the org at once: Zoho allows a handful of concurrent calls per org. */
export const CONCURRENT_READS = 5;

/** The files by module; a module file without api_name is named in `unnamed` (it names no module). */
export function groupFiles(files: LocalFile[]): { modules: LocalModule[]; unnamed: string[] } {
  const byName = new Map<string, LocalModule>();
  const unnamed: string[] = [];
  const entry = (name: string) => {
    const key = name.toLowerCase();
    if (!byName.has(key)) byName.set(key, { name });
    return byName.get(key)!;
  };
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const file of files) {
    if (documentKindOf(file.path) === 'fields') {
      const sibling = byPath.get(siblingModuleFile(file.path));
      entry(moduleOfFieldsFile(file.path, sibling?.text)).fieldsFile = file;
      continue;
    }
    const apiName = readModuleFile(file.text)?.api_name;
    if (apiName) entry(apiName).moduleFile = file;
    else unnamed.push(file.path);
  }
  return { modules: [...byName.values()], unnamed };
}

/** The org's id (its baselines are kept apart from another org's); `fallback` when it cannot be read. */
export async function orgIdOf(client: CrmClient, fallback: string): Promise<string> {
  const org = await client.org().catch(() => undefined);
  return org?.id ?? fallback;
}

export async function planFolder(
  client: CrmClient,
  local: LocalModule[],
  state: SyncState,
  org: string,
  version: ApiVersion,
): Promise<ModulePlan[]> {
  const listing = await client.listModules();
  const reads = await limited(local, CONCURRENT_READS, async (module) => {
    const known = listing.find((candidate) => candidate.api_name.toLowerCase() === module.name.toLowerCase());
    if (!known) return undefined;
    const [details, fields] = await Promise.all([
      client.getModule(known.api_name),
      module.fieldsFile ? listFields(client, known.api_name) : Promise.resolve([]),
    ]);
    return details ? { module: details, fields } : undefined;
  });
  return local.map((module, index) =>
    planModule(module, reads[index], baselineOf(state, org, reads[index]?.module.api_name ?? module.name), version),
  );
}

/** Where the org stands now for one module (after a write of ours): what its baseline becomes. */
export async function currentBaseline(
  client: CrmClient,
  apiName: string,
  version: ApiVersion,
): Promise<ModuleBaseline> {
  const [module, fields] = await Promise.all([client.getModule(apiName), listFields(client, apiName).catch(() => [])]);
  return baselineFromOrg(module, fields, version);
}

/** `work` on each item, at most `limit` at a time, results in the items' order. */
async function limited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]);
      }
    }),
  );
  return results;
}

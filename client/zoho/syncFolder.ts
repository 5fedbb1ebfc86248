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
import { MappedId, mapOrgIds, UnmappedId } from './idMapping';
import { directoryOf, directoryOfModule, listGlobalPicklists, OrgDirectory, readProfiles } from './orgDirectory';
import { baselineFromOrg, baselineOf, ModuleReading, recordedDirectories, SyncState } from './syncState';

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

/** Which org a plan is for, and what names the ids its files carry from other orgs. */
export interface PlanTarget {
  /** The org's id (its baselines are kept apart). */
  org: string;
  /** How messages name it. */
  label: string;
  /** Orgs the files' ids may come from, besides those recorded in the baseline (a snapshot, a signed-in org). */
  sources?: OrgDirectory[];
  /** Profile names that differ between the orgs: the source's name → the target's. */
  renames?: Record<string, string>;
}

export interface FolderPlan {
  plans: ModulePlan[];
  /** The ids sent in place of the files' own, by name (empty when the files already carry the target's). */
  mapping: MappedId[];
  /** Ids the target cannot take: apply sends nothing while there is one. */
  unmapped: UnmappedId[];
  /** The target's directory, read for the mapping. */
  target: OrgDirectory;
}

export async function planFolder(
  client: CrmClient,
  local: LocalModule[],
  state: SyncState,
  target: PlanTarget,
  version: ApiVersion,
): Promise<FolderPlan> {
  // Profiles are read only when a file names one, global picklists only when a file uses one: a plan of files
  // without org-scoped ids costs what it did before promotion existed.
  const texts = local.flatMap((module) => [module.moduleFile?.text ?? '', module.fieldsFile?.text ?? '']);
  const [listing, profiles, picklists] = await Promise.all([
    client.listModules(),
    texts.some((text) => text.includes('"profiles"')) ? readProfiles(client) : Promise.resolve([]),
    texts.some((text) => text.includes('"global_picklist"'))
      ? listGlobalPicklists(client).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  const directory = directoryOf(target.org, target.label, profiles, listing, picklists);
  const mapped = mapOrgIds(
    local,
    [...(target.sources ?? []), ...recordedDirectories(state)],
    directory,
    target.renames,
  );
  local = mapped.modules;
  const reads = await limited(local, CONCURRENT_READS, async (module) => {
    const known = listing.find((candidate) => candidate.api_name.toLowerCase() === module.name.toLowerCase());
    if (!known) return undefined;
    const [details, fields] = await Promise.all([
      client.getModule(known.api_name),
      module.fieldsFile ? listFields(client, known.api_name) : Promise.resolve([]),
    ]);
    return details ? { module: details, fields } : undefined;
  });
  const plans = local.map((module, index) =>
    planModule(
      module,
      reads[index],
      baselineOf(state, target.org, reads[index]?.module.api_name ?? module.name),
      version,
      (id) => directory.profiles[id],
    ),
  );
  return { plans, mapping: mapped.mapping, unmapped: mapped.unmapped, target: directory };
}

/** Where the org stands now for one module (after a write of ours): what its baseline becomes, and its names. */
export async function currentBaseline(client: CrmClient, apiName: string, version: ApiVersion): Promise<ModuleReading> {
  const [module, fields] = await Promise.all([client.getModule(apiName), listFields(client, apiName).catch(() => [])]);
  const { profiles, modules, globalPicklists } = directoryOfModule('', '', module, fields);
  return { baseline: baselineFromOrg(module, fields, version), names: { profiles, modules, globalPicklists } };
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

/**
 * A module as a file and as the org has it: the file Pull writes, the differences Compare and diff show,
 * and the body Update sends (Zoho's Update Custom Module: both labels, and the profiles as a change).
 */
import { ModuleDetails } from './crmClient';
import { ZohoErrorEntry } from './explain';
import { parseJsonPath } from './locateError';

/** What a module file says about the keys Update can send. */
export interface ModuleDefinition {
  api_name?: string;
  plural_label?: string;
  singular_label?: string;
  profileIds: string[];
}

export function readModuleFile(text: string): ModuleDefinition | undefined {
  let module: Record<string, unknown> | undefined;
  try {
    module = JSON.parse(text)?.modules?.[0];
  } catch {
    return undefined;
  }
  if (!module || typeof module !== 'object') return undefined;
  const text_ = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const profiles = Array.isArray(module.profiles) ? module.profiles : [];
  return {
    api_name: text_(module.api_name),
    plural_label: text_(module.plural_label),
    singular_label: text_(module.singular_label),
    profileIds: profiles
      .map((profile: { id?: unknown } | null) => profile?.id)
      .filter((id: unknown) => typeof id === 'string' || typeof id === 'number')
      .map(String),
  };
}

/** The org's module in the Create body's shape, formatted as the examples are: what Pull writes and Compare shows. */
export function moduleFileText(module: ModuleDetails): string {
  const body = {
    modules: [
      {
        plural_label: module.plural_label ?? module.api_name,
        singular_label: module.singular_label ?? module.plural_label ?? module.api_name,
        profiles: (module.profiles ?? []).map((profile) => ({ id: String(profile.id) })),
        api_name: module.api_name,
      },
    ],
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export interface Difference {
  key: 'plural_label' | 'singular_label' | 'api_name' | 'profiles';
  /** One line a person reads: `plural_label: "Shipments" → "Parcels"`. */
  text: string;
}

export interface UpdatePlan {
  /** The org's API name, the one the PUT goes to (the file's may differ in letter case only). */
  apiName: string;
  /** The org's id of the module. */
  moduleId: string;
  differences: Difference[];
  /** What Update would change (labels, profiles); api_name differences are only reported. */
  changes: Difference[];
  body: string;
  added: string[];
  removed: string[];
  /** Where each entry of the body's profiles came from in the file (undefined: a removal). */
  profileSource: (number | undefined)[];
}

/** The differences between the file and the org's module, and the PUT body that makes the org match the file. */
export function planUpdate(
  file: ModuleDefinition,
  org: ModuleDetails,
  profileName: (id: string) => string | undefined = () => undefined,
): UpdatePlan {
  const named = (id: string) => (profileName(id) ? `${profileName(id)} (${id})` : id);
  const differences: Difference[] = [];
  for (const key of ['plural_label', 'singular_label'] as const) {
    if (file[key] !== undefined && file[key] !== org[key])
      differences.push({ key, text: `${key}: ${JSON.stringify(org[key] ?? '')} → ${JSON.stringify(file[key])}` });
  }
  const orgIds = (org.profiles ?? []).map((profile) => String(profile.id));
  const fileIds = [...new Set(file.profileIds)];
  const added = fileIds.filter((id) => !orgIds.includes(id));
  const removed = orgIds.filter((id) => !fileIds.includes(id));
  if (added.length || removed.length) {
    differences.push({
      key: 'profiles',
      text: `profiles: ${[...added.map((id) => `+ ${named(id)}`), ...removed.map((id) => `− ${named(id)}`)].join(', ')}`,
    });
  }
  const changes = [...differences];
  if (file.api_name !== undefined && file.api_name !== org.api_name) {
    differences.push({
      key: 'api_name',
      text: `api_name: ${JSON.stringify(org.api_name)} → ${JSON.stringify(file.api_name)} (Zoho changes API names only in its web UI; Update keeps ${JSON.stringify(org.api_name)})`,
    });
  }
  // Every profile the file names (so the list is never empty), then the removals.
  const profiles = [...fileIds.map((id) => ({ id })), ...removed.map((id) => ({ id, _delete: null }))];
  const body = {
    modules: [
      {
        id: org.id,
        plural_label: file.plural_label ?? org.plural_label,
        singular_label: file.singular_label ?? org.singular_label,
        profiles,
      },
    ],
  };
  return {
    apiName: org.api_name,
    moduleId: org.id,
    differences,
    changes,
    body: JSON.stringify(body),
    added,
    removed,
    profileSource: [...fileIds.map((id) => file.profileIds.indexOf(id)), ...removed.map(() => undefined)],
  };
}

/** A Zoho error about the PUT body, pointed at the file's key: profiles[i] of the body is not profiles[i] of the file. */
export function errorInFile(error: ZohoErrorEntry, plan: UpdatePlan): ZohoErrorEntry {
  const jsonPath = typeof error.details?.json_path === 'string' ? error.details.json_path : undefined;
  if (!jsonPath) return error;
  const segments = parseJsonPath(jsonPath);
  let path = jsonPath;
  if (segments[2] === 'profiles' && typeof segments[3] === 'number') {
    const source = plan.profileSource[segments[3]];
    path =
      source === undefined
        ? '$.modules[0].profiles'
        : `$.modules[0].profiles[${source}]${segments
            .slice(4)
            .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`))
            .join('')}`;
  } else if (segments[2] === 'id') {
    path = '$.modules[0].api_name';
  }
  return { ...error, details: { ...error.details, json_path: path } };
}

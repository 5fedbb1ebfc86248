import { oneLine } from '../safeText';

/**
 * What the editor knows about the user's org: its profiles and modules, as fetched by the client (or
 * written by `crm-module snapshot`) and handed to the language server. Plain data, no HTTP here.
 */

export interface OrgProfile {
  id: string;
  name: string;
  /** Zoho's profile type: normal_profile, lite_profile, portal_profile… */
  type?: string;
}

export interface OrgModule {
  api_name: string;
  id?: string;
  plural_label?: string;
  singular_label?: string;
  /** default (Zoho's standard modules), custom, web, linking… */
  generated_type?: string;
}

/** A field of a module, as the fields rules need it: its names, and whether Zoho or the org made it. */
export interface OrgField {
  api_name: string;
  field_label: string;
  /** False for Zoho's system fields (Last_Name, Owner…). */
  custom_field: boolean;
}

export interface OrgSnapshot {
  /** How messages name the org: "Zylker (US · production)". */
  org: string;
  /** When it was fetched, in milliseconds since 1970. */
  fetchedAt: number;
  profiles: OrgProfile[];
  modules: OrgModule[];
  /** The fields of the modules whose fields files are open, by module API name: fetched one module at a time. */
  moduleFields?: Record<string, OrgField[]>;
  /** Zoho's edition of the org (standard, professional, enterprise, ultimate), when it was read. */
  edition?: string;
  /**
   * Other orgs the person works with (signed in to, or recorded beside the files): their profiles by id. A file
   * written against one of them is sent with this org's ids, by name: its ids are not this org's mistakes.
   */
  elsewhere?: { org: string; profiles: OrgProfile[] }[];
}

/**
 * A snapshot read from untrusted input (a file, a notification): undefined unless it has the shape. Ids are
 * Zoho's digits or the entry is dropped (an id becomes file text and snippet text); names are one line of at
 * most MAX_ORG_TEXT characters with their controls escaped (they reach hovers, completions and messages).
 */
export function readSnapshot(value: unknown): OrgSnapshot | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (!Array.isArray(record.profiles) || !Array.isArray(record.modules)) return undefined;
  const text = (item: unknown) =>
    typeof item === 'string' || typeof item === 'number' ? oneLine(String(item)) : undefined;
  const id = (item: unknown) =>
    typeof item === 'string' && /^\d{1,30}$/.test(item)
      ? item
      : typeof item === 'number' && Number.isSafeInteger(item) && item >= 0
        ? String(item)
        : undefined;
  const readProfile = (entry: unknown): OrgProfile[] => {
    const profile = entry as Record<string, unknown> | null;
    const profileId = id(profile?.id);
    return profileId ? [{ id: profileId, name: text(profile?.name) ?? profileId, type: text(profile?.type) }] : [];
  };
  const profiles = record.profiles.flatMap(readProfile);
  const modules = record.modules.flatMap((entry): OrgModule[] => {
    const module = entry as Record<string, unknown> | null;
    const apiName = text(module?.api_name);
    return apiName
      ? [
          {
            api_name: apiName,
            id: id(module?.id),
            plural_label: text(module?.plural_label),
            singular_label: text(module?.singular_label),
            generated_type: text(module?.generated_type),
          },
        ]
      : [];
  });
  const fetchedAt =
    typeof record.fetchedAt === 'number'
      ? record.fetchedAt
      : typeof record.fetchedAt === 'string'
        ? Date.parse(record.fetchedAt)
        : NaN;
  return {
    org: text(record.org) ?? 'your org',
    fetchedAt: Number.isFinite(fetchedAt) ? fetchedAt : 0,
    profiles,
    modules,
    ...(record.moduleFields && typeof record.moduleFields === 'object'
      ? { moduleFields: readModuleFields(record.moduleFields as Record<string, unknown>, text) }
      : {}),
    ...(text(record.edition) ? { edition: text(record.edition)!.toLowerCase() } : {}),
    ...(Array.isArray(record.elsewhere)
      ? {
          elsewhere: record.elsewhere.slice(0, 20).flatMap((entry) => {
            const other = entry as Record<string, unknown> | null;
            const name = text(other?.org);
            if (!name || !Array.isArray(other?.profiles)) return [];
            return [{ org: name, profiles: other.profiles.flatMap(readProfile) }];
          }),
        }
      : {}),
  };
}

function readModuleFields(
  value: Record<string, unknown>,
  text: (item: unknown) => string | undefined,
): Record<string, OrgField[]> {
  // No prototype: a module named __proto__ is a key like any other.
  const result: Record<string, OrgField[]> = Object.create(null);
  for (const [module, fields] of Object.entries(value)) {
    if (!Array.isArray(fields) || !text(module)) continue;
    result[text(module)!] = fields.flatMap((entry): OrgField[] => {
      const field = entry as Record<string, unknown> | null;
      const apiName = text(field?.api_name);
      const label = text(field?.field_label) ?? apiName;
      return apiName && label
        ? [{ api_name: apiName, field_label: label, custom_field: field?.custom_field !== false }]
        : [];
    });
  }
  return result;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function snapshotAge(snapshot: OrgSnapshot, now: number): string {
  const minutes = Math.max(0, Math.round((now - snapshot.fetchedAt) / 60_000));
  if (!snapshot.fetchedAt) return 'an unknown time ago';
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

/** "normal profile" for normal_profile. */
export function profileKind(profile: OrgProfile): string {
  return (profile.type ?? 'profile').replace(/_/g, ' ');
}

export const isCustomModule = (module: OrgModule) => module.generated_type === 'custom';

/** Lookups over a snapshot, built once per snapshot: a 500-profile org is checked in a few map reads. */
export class OrgIndex {
  readonly profilesById = new Map<string, OrgProfile>();
  /** Administrator first (the profile a new module needs), then by name. */
  readonly profilesInOrder: OrgProfile[];
  private readonly modulesByLabel = new Map<string, OrgModule>();
  private readonly modulesByApiName = new Map<string, OrgModule>();

  /** A profile id of another org: which org, and its name there. */
  readonly elsewhereById = new Map<string, { org: string; profile: OrgProfile }>();
  private readonly profilesByName = new Map<string, OrgProfile>();

  constructor(readonly snapshot: OrgSnapshot) {
    for (const profile of snapshot.profiles) {
      this.profilesById.set(profile.id, profile);
      this.profilesByName.set(profile.name.toLowerCase(), profile);
    }
    for (const other of snapshot.elsewhere ?? [])
      for (const profile of other.profiles)
        if (!this.profilesById.has(profile.id) && !this.elsewhereById.has(profile.id))
          this.elsewhereById.set(profile.id, { org: other.org, profile });
    this.profilesInOrder = [...snapshot.profiles].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
    for (const module of snapshot.modules) {
      for (const label of [module.plural_label, module.singular_label]) {
        const key = label?.trim().toLowerCase();
        if (key && !this.modulesByLabel.has(key)) this.modulesByLabel.set(key, module);
      }
      this.modulesByApiName.set(module.api_name.toLowerCase(), module);
    }
  }

  get administrator(): OrgProfile | undefined {
    return this.profilesInOrder.find((profile) => rank(profile) === 0);
  }

  moduleWithLabel(label: string): OrgModule | undefined {
    return this.modulesByLabel.get(label.trim().toLowerCase());
  }

  /** This org's profile of that name (Zoho's names are unique ignoring case). */
  profileNamed(name: string): OrgProfile | undefined {
    return this.profilesByName.get(name.toLowerCase());
  }

  moduleWithApiName(apiName: string): OrgModule | undefined {
    return this.modulesByApiName.get(apiName.toLowerCase());
  }
}

function rank(profile: OrgProfile): number {
  return profile.name.toLowerCase() === 'administrator' ? 0 : 1;
}

const indexes = new WeakMap<OrgSnapshot, OrgIndex>();

export function indexOf(snapshot: OrgSnapshot): OrgIndex {
  let index = indexes.get(snapshot);
  if (!index) indexes.set(snapshot, (index = new OrgIndex(snapshot)));
  return index;
}

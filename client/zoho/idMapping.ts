/**
 * One set of files for every org: the org-scoped ids a file carries (profile ids; in a fields file, a lookup's
 * module id and a global picklist's id) belong to the org the file came from. Before a plan against another
 * org, each id is named through the org that knows it (a baseline's recorded names, or a snapshot) and that
 * name looked up in the target (a profile through an optional rename). The files never change: the mapped text
 * is what is planned and sent, and the mapping used is handed back as rows for people to read. Pure.
 */
import { applyEdits, JSONPath, modify, parse } from 'jsonc-parser';
import { documentKindOf, oneLine } from '@crm/languageservice';
import type { OrgDirectory } from './orgDirectory';
import type { LocalFile, LocalModule } from './syncPlan';

export type IdKind = 'profile' | 'lookup module' | 'global picklist';

/** One id carried over: its name in both orgs, the id the file has and the one sent instead. */
export interface MappedId {
  kind: IdKind;
  name: string;
  /** The name in the target, when a rename made it differ. */
  targetName?: string;
  from: string;
  /** The target's id; undefined for a lookup to a module this run creates (sent by api_name alone). */
  to?: string;
  /** The org whose name for the id was used. */
  source: string;
  files: string[];
}

/** An id the target cannot take: the run stops before any write, with this sentence. */
export interface UnmappedId {
  kind: IdKind;
  id: string;
  file: string;
  message: string;
}

export interface IdMappingResult {
  /** The files as the target takes them (texts mapped; paths kept, so refusals land on the real files). */
  modules: LocalModule[];
  mapping: MappedId[];
  unmapped: UnmappedId[];
}

/** What names an unknown id, said with it: the org's names recorded by a pull or a write, or a snapshot. */
const UNKNOWN_HINT =
  'Pull, create or apply the files in their org once from here (its names are then recorded in .crm-sync.json), or sign in to it in VS Code, or give the CLI its snapshot with --from-snapshot';

export function mapOrgIds(
  local: LocalModule[],
  sources: OrgDirectory[],
  target: OrgDirectory,
  /** Profile names that differ: the source's name → the target's. */
  renames: Record<string, string> = {},
): IdMappingResult {
  const mapper = new Mapper(
    sources.filter((source) => source.org !== target.org),
    target,
    renames,
    // A lookup to a module the target lacks but this run creates goes by its api_name alone.
    new Set(
      local
        .filter((module) => module.moduleFile && !hasName(target.modules, module.name))
        .map((module) => module.name.toLowerCase()),
    ),
  );
  const modules = local.map((module) => ({
    ...module,
    moduleFile: module.moduleFile && mapper.file(module.moduleFile),
    fieldsFile: module.fieldsFile && mapper.file(module.fieldsFile),
  }));
  return { modules, mapping: [...mapper.rows.values()], unmapped: mapper.unmapped };
}

/** One file's text with its ids for the target (the rewrite command's, and Create's and Update's of one file). */
export function mapFileIds(
  file: LocalFile,
  sources: OrgDirectory[],
  target: OrgDirectory,
  renames: Record<string, string> = {},
): { file: LocalFile; mapping: MappedId[]; unmapped: UnmappedId[] } {
  const mapper = new Mapper(
    sources.filter((source) => source.org !== target.org),
    target,
    renames,
    new Set(),
  );
  return { file: mapper.file(file), mapping: [...mapper.rows.values()], unmapped: mapper.unmapped };
}

/** The mapping as a table for the plan: per org the ids came from, one line per id that changes; none: no lines. */
export function describeMapping(mapping: MappedId[], target: string): string[] {
  const changed = mapping.filter((row) => row.to !== row.from);
  if (!changed.length) return [];
  const names = changed.map((row) =>
    oneLine(`${row.kind} ${row.name}${row.targetName ? ` → ${row.targetName}` : ''}`, 80),
  );
  const width = Math.max(...names.map((name) => name.length));
  const sources = [...new Set(changed.map((row) => row.source))];
  return sources.flatMap((source) => [
    `Ids mapped by name from ${oneLine(source, 80)} to ${oneLine(target, 80)}:`,
    ...changed.flatMap((row, index) =>
      row.source === source
        ? [`  ${names[index].padEnd(width)}  ${row.from} → ${row.to ?? '(created in this run: sent by api_name)'}`]
        : [],
    ),
  ]);
}

class Mapper {
  readonly rows = new Map<string, MappedId>();
  readonly unmapped: UnmappedId[] = [];

  constructor(
    private readonly sources: OrgDirectory[],
    private readonly target: OrgDirectory,
    private readonly renames: Record<string, string>,
    private readonly createdInRun: Set<string>,
  ) {}

  file(file: LocalFile): LocalFile {
    let value: unknown;
    try {
      value = parse(file.text);
    } catch {
      return file;
    }
    const edits: { path: JSONPath; value: unknown }[] = [];
    const record = (item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
    const profiles = (list: unknown, at: JSONPath) => {
      if (!Array.isArray(list)) return;
      list.forEach((entry, index) => {
        const id = record(entry)?.id;
        if (typeof id !== 'string' && typeof id !== 'number') return;
        const to = this.profile(String(id), file.path);
        if (to !== undefined && to !== String(id)) edits.push({ path: [...at, index, 'id'], value: to });
      });
    };
    if (documentKindOf(file.path) === 'fields') {
      const fields = record(value)?.fields;
      if (Array.isArray(fields))
        fields.forEach((entry, index) => {
          const field = record(entry);
          if (!field) return;
          profiles(field.profiles, ['fields', index, 'profiles']);
          const module = record(record(field.lookup)?.module);
          if (module && (typeof module.id === 'string' || typeof module.id === 'number')) {
            const to = this.lookupModule(String(module.id), module.api_name, file.path);
            if (to === null) edits.push({ path: ['fields', index, 'lookup', 'module', 'id'], value: undefined });
            else if (to !== undefined && to !== String(module.id))
              edits.push({ path: ['fields', index, 'lookup', 'module', 'id'], value: to });
          }
          const picklist = record(field.global_picklist);
          if (picklist && (typeof picklist.id === 'string' || typeof picklist.id === 'number')) {
            const to = this.globalPicklist(String(picklist.id), picklist.api_name, file.path);
            if (to !== undefined && to !== String(picklist.id))
              edits.push({ path: ['fields', index, 'global_picklist', 'id'], value: to });
          }
        });
    } else {
      const modules = record(value)?.modules;
      if (Array.isArray(modules))
        modules.forEach((module, index) => profiles(record(module)?.profiles, ['modules', index, 'profiles']));
    }
    if (!edits.length) return file;
    let text = file.text;
    for (const edit of edits) text = applyEdits(text, modify(text, edit.path, edit.value, {}));
    return { path: file.path, text };
  }

  /** The target's id for a profile id, or undefined (an unmapped id, said once). */
  private profile(id: string, file: string): string | undefined {
    const named = this.nameOf(id, (directory) => directory.profiles);
    if (this.target.profilesUnread)
      return named
        ? this.missing(
            'profile',
            id,
            file,
            `${this.target.label}'s profiles could not be read (the sign-in needs ZohoCRM.settings.profiles.READ) to find ${JSON.stringify(named.name)}`,
          )
        : id;
    if (!named) {
      if (this.target.profiles[id] !== undefined) return id; // already the target's
      return this.unknown('profile', id, file, `profile id ${id} is not one of ${this.target.label}'s`);
    }
    const targetName = this.renames[named.name] ?? named.name;
    const to = idOfName(this.target.profiles, targetName);
    if (to === undefined)
      return this.missing(
        'profile',
        id,
        file,
        `${this.target.label} has no profile named ${JSON.stringify(targetName)}${targetName !== named.name ? ` (the rename of ${JSON.stringify(named.name)})` : ''}: create it there, or map the name to one it has in the environment's "profiles"`,
      );
    this.row('profile', named.name, targetName, id, to, named.source, file);
    return to;
  }

  /** The target's id for a lookup's module; null: send it without id (this run creates the module). */
  private lookupModule(id: string, apiName: unknown, file: string): string | null | undefined {
    const name = typeof apiName === 'string' ? apiName : this.nameOf(id, (directory) => directory.modules)?.name;
    if (name === undefined) {
      if (this.target.modules[id] !== undefined) return id;
      return this.unknown(
        'lookup module',
        id,
        file,
        `module id ${id} of a lookup is not one of ${this.target.label}'s`,
      );
    }
    const to = idOfName(this.target.modules, name);
    const source = this.nameOf(id, (directory) => directory.modules)?.source ?? this.target.label;
    if (to !== undefined) {
      this.row('lookup module', name, undefined, id, to, source, file);
      return to;
    }
    if (this.createdInRun.has(name.toLowerCase())) {
      this.row('lookup module', name, undefined, id, undefined, source, file);
      return null;
    }
    return this.missing(
      'lookup module',
      id,
      file,
      `${this.target.label} has no module ${JSON.stringify(name)} for a lookup to point to, and no file here creates it`,
    );
  }

  private globalPicklist(id: string, apiName: unknown, file: string): string | undefined {
    const name =
      typeof apiName === 'string' ? apiName : this.nameOf(id, (directory) => directory.globalPicklists)?.name;
    const known = this.target.globalPicklists;
    if (name === undefined) {
      // Unnamed anywhere, and the target's own were not read: nothing to judge it by; it goes as written.
      if (known === undefined || known[id] !== undefined) return id;
      return this.unknown('global picklist', id, file, `global picklist id ${id} is not one of ${this.target.label}'s`);
    }
    if (!known)
      return this.missing(
        'global picklist',
        id,
        file,
        `${this.target.label}'s global picklists could not be read (the sign-in needs ZohoCRM.settings.global_picklist.READ) to find ${JSON.stringify(name)}`,
      );
    const to = idOfName(known, name);
    if (to === undefined)
      return this.missing(
        'global picklist',
        id,
        file,
        `${this.target.label} has no global picklist ${JSON.stringify(name)}: create it there first`,
      );
    const source = this.nameOf(id, (directory) => directory.globalPicklists)?.source ?? this.target.label;
    this.row('global picklist', name, undefined, id, to, source, file);
    return to;
  }

  /** The name the first source that knows the id gives it. */
  private nameOf(
    id: string,
    names: (directory: OrgDirectory) => Record<string, string> | undefined,
  ): { name: string; source: string } | undefined {
    for (const source of this.sources) {
      const name = names(source)?.[id];
      if (name !== undefined) return { name, source: source.label };
    }
    return undefined;
  }

  private row(
    kind: IdKind,
    name: string,
    targetName: string | undefined,
    from: string,
    to: string | undefined,
    source: string,
    file: string,
  ): void {
    const key = `${kind}\u0000${from}`;
    const row = this.rows.get(key);
    if (row) {
      if (!row.files.includes(file)) row.files.push(file);
      return;
    }
    this.rows.set(key, {
      kind,
      name,
      ...(targetName !== undefined && targetName !== name ? { targetName } : {}),
      from,
      to,
      source,
      files: [file],
    });
  }

  private unknown(kind: IdKind, id: string, file: string, what: string): undefined {
    return this.missing(kind, id, file, `${what}, and no org it could come from names it. ${UNKNOWN_HINT}`);
  }

  private missing(kind: IdKind, id: string, file: string, message: string): undefined {
    if (!this.unmapped.some((entry) => entry.id === id && entry.file === file && entry.kind === kind))
      this.unmapped.push({ kind, id, file, message: `${file}: ${message}.` });
    return undefined;
  }
}

/** The id a directory gives a name: exactly, else ignoring case (Zoho's names are unique ignoring case). */
function idOfName(names: Record<string, string>, name: string): string | undefined {
  const entries = Object.entries(names);
  return (
    entries.find(([, candidate]) => candidate === name)?.[0] ??
    entries.find(([, candidate]) => candidate.toLowerCase() === name.toLowerCase())?.[0]
  );
}

function hasName(names: Record<string, string>, name: string): boolean {
  return idOfName(names, name) !== undefined;
}

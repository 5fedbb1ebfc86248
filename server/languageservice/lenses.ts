/**
 * The lines above a module file (CodeLens): where it stands in the org (in it, with the same labels or not;
 * not in it yet) with the command that fits (for a fields file: how many of its fields the module has), and, in an empty file, the snippets to start from. A file's state
 * is not a problem, so it is said here and not in Problems.
 */
import { findNodeAtLocation } from 'jsonc-parser';
import { ParsedDocument } from './parse';
import { newFileSnippets } from './snippets';
import { Lens } from './types';
import { fileModuleInOrg } from './org/orgRules';
import { fieldsOf, sameField } from './org/fieldRules';
import { indexOf, OrgSnapshot, snapshotAge } from './org/snapshot';

const MAX_SNIPPET_LENSES = 4;

/** `fieldsModule`: a fields file's module (its sibling module file's api_name, else its name). */
export function lenses(
  parsed: ParsedDocument,
  snapshot: OrgSnapshot | undefined,
  now: number,
  fieldsModule?: string,
): Lens[] {
  if (isBlank(parsed)) {
    const all = newFileSnippets(parsed, snapshot);
    // One line above the file: the first few, and the last (a fields file's "any type"); Ctrl+Space has them all.
    const shown =
      all.length > MAX_SNIPPET_LENSES ? [...all.slice(0, MAX_SNIPPET_LENSES - 1), all[all.length - 1]] : all;
    return shown.map((snippet, index) => ({
      offset: 0,
      title: index === 0 ? `Start from a snippet: ${snippet.label}` : snippet.label,
      action: { kind: 'insertSnippet', snippet: snippet.insertText },
    }));
  }
  if (parsed.kind === 'fields') return fieldsLenses(parsed, snapshot, now, fieldsModule);
  const modules = parsed.root && findNodeAtLocation(parsed.root, ['modules']);
  const module = modules?.type === 'array' ? modules.children?.[0] : undefined;
  if (!snapshot || module?.type !== 'object') return [];
  const age = `org data ${snapshotAge(snapshot, now)}`;
  const inOrg = fileModuleInOrg(module, indexOf(snapshot));
  if (!inOrg) {
    return [
      { offset: module.offset, title: `Not in ${snapshot.org} yet (${age})` },
      { offset: module.offset, title: 'Create Module', action: { kind: 'createModule' } },
    ];
  }
  const label = (key: 'plural_label' | 'singular_label') => findNodeAtLocation(module, [key])?.value;
  // The snapshot knows the org's labels only: the rest (profiles, display field) is what Compare shows.
  const sameLabels = label('plural_label') === inOrg.plural_label && label('singular_label') === inOrg.singular_label;
  return [
    {
      offset: module.offset,
      title: `${inOrg.api_name} is in ${snapshot.org}: ${sameLabels ? 'same labels' : 'its labels differ'} (${age})`,
    },
    { offset: module.offset, title: 'Compare with Org', action: { kind: 'compareWithOrg' } },
    { offset: module.offset, title: 'Update Module', action: { kind: 'updateModule' } },
  ];
}

/**
 * Above a fields file: its module in the org and how many of the file's fields it has (once the org data holds
 * the module's fields), with Create Fields for the new ones, Compare and Update.
 */
function fieldsLenses(
  parsed: ParsedDocument,
  snapshot: OrgSnapshot | undefined,
  now: number,
  module: string | undefined,
): Lens[] {
  const list = parsed.root && findNodeAtLocation(parsed.root, ['fields']);
  if (!snapshot || !module || list?.type !== 'array') return [];
  const age = `org data ${snapshotAge(snapshot, now)}`;
  const inOrg = indexOf(snapshot).moduleWithApiName(module);
  if (!inOrg) return [{ offset: list.offset, title: `${snapshot.org} has no module ${module} (${age})` }];
  const known = fieldsOf(snapshot, inOrg.api_name);
  const entries = (list.children ?? []).filter((entry) => entry.type === 'object');
  const text = (entry: (typeof entries)[number], key: string) => {
    const value = findNodeAtLocation(entry, [key])?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const fresh = known
    ? entries.filter((entry) => !sameField(known, text(entry, 'api_name'), text(entry, 'field_label'))).length
    : undefined;
  const state =
    fresh === undefined
      ? `Fields of ${inOrg.api_name} in ${snapshot.org}`
      : fresh === 0
        ? `${inOrg.api_name} in ${snapshot.org} has all ${entries.length} fields`
        : `${fresh} of ${entries.length} fields not in ${inOrg.api_name} of ${snapshot.org} yet`;
  return [
    { offset: list.offset, title: `${state} (${age})` },
    ...(fresh !== 0 ? [{ offset: list.offset, title: 'Create Fields', action: { kind: 'createFields' } } as Lens] : []),
    { offset: list.offset, title: 'Compare with Org', action: { kind: 'compareWithOrg' } },
    { offset: list.offset, title: 'Update Fields', action: { kind: 'updateFields' } },
  ];
}

/** A file with nothing in it yet (just made): the lenses offer what to write, and no error says it is empty. */
export function isBlank(parsed: ParsedDocument): boolean {
  return parsed.text.trim() === '';
}

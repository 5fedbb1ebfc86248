/**
 * The rules only the org can answer: a profile id the org does not have, a label or API name another
 * module of the org already uses (for a fields file, another field of its module: fieldRules.ts). Text in
 * (the parsed file), findings out; nothing without a snapshot.
 */
import { findNodeAtLocation, Node } from 'jsonc-parser';
import { ParsedDocument } from '../parse';
import { Finding, Fix } from '../types';
import { indexOf, isCustomModule, OrgIndex, OrgModule, OrgSnapshot, snapshotAge } from './snapshot';
import { ZOHO_CODES } from '../codes';
import { fieldClashes } from './fieldRules';

/** Quick fixes offered per unknown profile id: a 500-profile org would otherwise list 500 actions. */
export const MAX_PROFILE_FIXES = 12;

/**
 * `fieldsModule`: a fields file's module (its sibling module file's api_name, else its name), whose fields the
 * snapshot may hold.
 */
export function checkAgainstOrg(
  parsed: ParsedDocument,
  snapshot: OrgSnapshot | undefined,
  now: number,
  fieldsModule?: string,
): Finding[] {
  if (!snapshot || !parsed.root) return [];
  // A fields file's labels, API names and lookups need the tree; a module file skips it when nothing can clash.
  if (parsed.kind !== 'fields' && cannotClash(parsed, indexOf(snapshot))) return [];
  // A module file's modules, or a fields file's fields: each may name profiles; only a module clashes with
  // the org's modules (a field's clashes need the module's fields).
  const modules = findNodeAtLocation(parsed.root, [parsed.kind === 'fields' ? 'fields' : 'modules']);
  if (modules?.type !== 'array') return [];
  const index = indexOf(snapshot);
  // Every message names the org and how old its data is, as briefly as a line of the Problems panel allows.
  const org = snapshot.org;
  const age = `(org data: ${snapshotAge(snapshot, now)})`;
  const findings: Finding[] = [];
  for (const module of modules.children ?? []) {
    if (module.type !== 'object') continue;
    // The file's own module (an Update's target) is no clash; its state is a lens, not a finding.
    findings.push(...unknownProfiles(module, index, org, age));
    if (parsed.kind === 'module') findings.push(...clashes(module, index, fileModuleInOrg(module, index), org, age));
  }
  if (parsed.kind === 'fields' && fieldsModule)
    findings.push(...fieldClashes(modules, fieldsModule, snapshot, index, org, age));
  return findings.sort((a, b) => a.offset - b.offset);
}

const READ_BY_ORG_RULES = new Set(['plural_label', 'singular_label', 'api_name', 'id']);

/**
 * True when no value the org rules read could give a finding, told from the string values the schema rules
 * already located (no syntax tree: checking a clean file while typing costs a few map reads). Undefined
 * positions (a syntax error, a value of the wrong type) mean "maybe": the full check runs.
 */
function cannotClash(parsed: ParsedDocument, index: OrgIndex): boolean {
  const strings = parsed.strings;
  if (!strings || parsed.ruleFindings.some((finding) => finding.rule === 'type')) return false;
  for (let at = 0; at < strings.count; at++) {
    const { key } = strings.table[strings.kinds[at]];
    if (!READ_BY_ORG_RULES.has(key)) continue;
    const raw = parsed.text.substr(strings.offsets[at], strings.lengths[at]);
    let value: string;
    try {
      value = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
    } catch {
      return false;
    }
    if (key === 'id') {
      if (/^\d+$/.test(value) && index.profilesById.size && !index.profilesById.has(value)) return false;
    } else if (key === 'api_name' ? index.moduleWithApiName(value) : index.moduleWithLabel(value)) {
      return false;
    }
  }
  return true;
}

/** The org's custom module the file's (first) module is, by its api_name: Create would make it twice. */
export function moduleInOrg(parsed: ParsedDocument, snapshot: OrgSnapshot | undefined): OrgModule | undefined {
  const module = parsed.kind === 'module' && parsed.root ? findNodeAtLocation(parsed.root, ['modules', 0]) : undefined;
  return snapshot && module?.type === 'object' ? fileModuleInOrg(module, indexOf(snapshot)) : undefined;
}

/** The org's custom module this file describes, when its api_name names one: then it is not a clash. */
export function fileModuleInOrg(module: Node, index: OrgIndex): OrgModule | undefined {
  const apiName = valueNode(module, 'api_name')?.value;
  const existing = typeof apiName === 'string' ? index.moduleWithApiName(apiName) : undefined;
  return existing && isCustomModule(existing) ? existing : undefined;
}

function unknownProfiles(module: Node, index: OrgIndex, org: string, age: string): Finding[] {
  const profiles = valueNode(module, 'profiles');
  if (profiles?.type !== 'array' || index.profilesById.size === 0) return [];
  const findings: Finding[] = [];
  for (const entry of profiles.children ?? []) {
    const idNode = entry.type === 'object' ? valueNode(entry, 'id') : undefined;
    if (!idNode || (idNode.type !== 'string' && idNode.type !== 'number')) continue;
    const id = String(idNode.value);
    // An empty or malformed id is the schema rules' finding; the org rule speaks of real-looking ids.
    if (!/^\d+$/.test(id) || index.profilesById.has(id)) continue;
    // Another org's profile (a sandbox's): sent as this org's profile of that name, so no mistake, unless it
    // has none of that name; then Create, Update and Apply stop, and so does this rule.
    const elsewhere = index.elsewhereById.get(id);
    if (elsewhere && index.profileNamed(elsewhere.profile.name)) continue;
    if (elsewhere) {
      findings.push({
        code: ZOHO_CODES.invalidData,
        severity: 'error',
        rule: 'org-profile-unknown',
        offset: idNode.offset,
        length: idNode.length,
        message: `${id} is ${elsewhere.org}'s profile "${elsewhere.profile.name}", and ${org} has no profile of that name: sending to it stops here.`,
        fixes: [everyProfileFix(profiles, index)],
      });
      continue;
    }
    const candidates = closestProfiles(id, index);
    const names = candidates
      .slice(0, 3)
      .map((profile) => profile.name)
      .join(', ');
    findings.push({
      code: ZOHO_CODES.invalidData,
      severity: 'error',
      rule: 'org-profile-unknown',
      offset: idNode.offset,
      length: idNode.length,
      message: `${org} has no profile ${id} ${age}${names ? `; try ${names}` : ''}.`,
      fixes: [
        ...candidates.slice(0, MAX_PROFILE_FIXES).map((profile, rank): Fix => ({
          title: `Use the profile "${profile.name}" (${profile.id})`,
          edits: [{ offset: idNode.offset, length: idNode.length, newText: JSON.stringify(profile.id) }],
          preferred: rank === 0 && profiles.children!.length === 1 && index.profilesById.size === 1 ? true : undefined,
        })),
        everyProfileFix(profiles, index),
      ],
    });
  }
  return findings;
}

/**
 * The org's own answers to an empty or null profiles list (the schema rules' finding): give Administrator
 * access, or every profile. Returns the findings with those fixes first; the same list without a snapshot.
 */
export function withOrgFixes(
  findings: Finding[],
  parsed: ParsedDocument,
  snapshot: OrgSnapshot | undefined,
): Finding[] {
  if (!snapshot || !parsed.root || !findings.some((finding) => finding.code === ZOHO_CODES.minimumDataNotFound))
    return findings;
  const index = indexOf(snapshot);
  if (!index.profilesInOrder.length) return findings;
  const modules = findNodeAtLocation(parsed.root, ['modules']);
  const lists = (modules?.children ?? [])
    .map((module) => (module.type === 'object' ? valueNode(module, 'profiles') : undefined))
    .filter((node): node is Node => !!node);
  return findings.map((finding) => {
    const list = lists.find((node) => node.offset === finding.offset && node.length === finding.length);
    if (!list || finding.code !== ZOHO_CODES.minimumDataNotFound) return finding;
    const first = index.administrator ?? index.profilesInOrder[0];
    const one: Fix = {
      title: `Give the profile "${first.name}" access`,
      edits: [{ offset: list.offset, length: list.length, newText: `[{ "id": ${JSON.stringify(first.id)} }]` }],
      preferred: true,
    };
    return {
      ...finding,
      fixes: [
        one,
        everyProfileFix(list, index),
        ...(finding.fixes ?? []).map((fix) => ({ ...fix, preferred: undefined })),
      ],
    };
  });
}

/** Replaces the list with every profile of the org, Administrator first. */
export function everyProfileFix(profiles: Node, index: OrgIndex): Fix {
  const ids = index.profilesInOrder.map((profile) => `{ "id": ${JSON.stringify(profile.id)} }`);
  return {
    title: `Give all ${ids.length} profiles of the org access`,
    edits: [{ offset: profiles.offset, length: profiles.length, newText: `[${ids.join(', ')}]` }],
  };
}

/** Profiles ordered by how much of the id they share (a copy from a sandbox keeps the org's prefix), Administrator first on ties. */
function closestProfiles(id: string, index: OrgIndex): typeof index.profilesInOrder {
  const shared = (other: string) => {
    let length = 0;
    while (length < id.length && id[length] === other[length]) length++;
    return length;
  };
  return index.profilesInOrder
    .map((profile, order) => ({ profile, order, shared: shared(profile.id) }))
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .map((entry) => entry.profile);
}

function clashes(module: Node, index: OrgIndex, self: OrgModule | undefined, org: string, age: string): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['plural_label', 'singular_label'] as const) {
    const node = valueNode(module, key);
    if (node?.type !== 'string' || !String(node.value).trim()) continue;
    const other = index.moduleWithLabel(String(node.value));
    if (!other || other === self) continue;
    findings.push({
      code: ZOHO_CODES.duplicateData,
      severity: 'error',
      rule: 'org-duplicate-label',
      offset: node.offset,
      length: node.length,
      message: `${describeModule(other)} of ${org} already has this label ${age}.`,
    });
  }
  const apiName = valueNode(module, 'api_name');
  if (apiName?.type === 'string' && !self) {
    const other = index.moduleWithApiName(String(apiName.value));
    if (other) {
      findings.push({
        code: ZOHO_CODES.duplicateData,
        severity: 'error',
        rule: 'org-duplicate-api-name',
        offset: apiName.offset,
        length: apiName.length,
        message: `${describeModule(other)} of ${org} already has this API name ${age}.`,
      });
    }
  }
  return findings;
}

function describeModule(module: OrgModule): string {
  const name = module.plural_label ?? module.api_name;
  return isCustomModule(module)
    ? `Custom module "${name}"`
    : `${module.generated_type === 'default' ? 'Standard module' : 'Module'} "${name}"`;
}

/** The value of `key` in an object node (the first, as Zoho reads a duplicate key). */
function valueNode(object: Node, key: string): Node | undefined {
  return findNodeAtLocation(object, [key]);
}

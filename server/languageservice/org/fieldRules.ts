/**
 * The rules of a fields file only the org can answer, once the module's fields are known: a label or API name
 * the module already has on another field (Zoho's DUPLICATE_DATA), a lookup to a module the org lacks, and the
 * edition's count of custom fields per module. A field of the org with the file's api_name (or, without one,
 * a custom field with its label) is the same field, created by an earlier run: no clash.
 */
import { Node } from 'jsonc-parser';
import { ZOHO_CODES } from '../codes';
import { Finding } from '../types';
import { OrgField, OrgIndex, OrgSnapshot } from './snapshot';

/** Custom fields per module by edition ([C7]); a custom module needs Enterprise, the default when unknown. */
const EDITION_LIMITS: Record<string, number> = { standard: 10, professional: 155, enterprise: 300, ultimate: 500 };

export function fieldClashes(
  fields: Node,
  module: string,
  snapshot: OrgSnapshot,
  index: OrgIndex,
  org: string,
  age: string,
): Finding[] {
  const findings: Finding[] = [];
  const known = fieldsOf(snapshot, module);
  const entries = (fields.children ?? []).filter((entry) => entry.type === 'object');
  let added = 0;
  for (const entry of entries) {
    const apiName = stringAt(entry, 'api_name');
    const label = stringAt(entry, 'field_label');
    if (known) {
      const same = sameField(known, apiName?.value, label?.value);
      if (!same) added++;
      if (label && label.value.trim()) {
        const other = known.find((field) => lower(field.field_label) === lower(label.value));
        if (other && other !== same)
          findings.push(
            clash(
              label.node,
              'org-duplicate-field-label',
              `${describe(other)} of ${module} in ${org} already has this label ${age}.`,
            ),
          );
      }
      if (apiName && same && !same.custom_field)
        findings.push(
          clash(
            apiName.node,
            'org-duplicate-field-api-name',
            `${describe(same)} of ${module} in ${org} already has this API name ${age}: a fields file holds custom fields.`,
          ),
        );
    }
    const target = stringAt(entry, 'lookup', 'module', 'api_name');
    if (target && index.snapshot.modules.length && !index.moduleWithApiName(target.value))
      findings.push({
        code: ZOHO_CODES.invalidData,
        severity: 'error',
        rule: 'org-lookup-module',
        offset: target.node.offset,
        length: target.node.length,
        message: `${org} has no module ${JSON.stringify(target.value)} for this lookup to link to ${age}.`,
      });
  }
  if (known && added) {
    const edition = snapshot.edition && EDITION_LIMITS[snapshot.edition] ? snapshot.edition : undefined;
    const limit = EDITION_LIMITS[edition ?? 'enterprise'];
    const custom = known.filter((field) => field.custom_field).length;
    if (custom + added > limit)
      findings.push({
        code: ZOHO_CODES.limitExceeded,
        severity: 'warning',
        rule: 'org-field-limit',
        offset: fields.offset,
        length: 1,
        message: `${module} has ${custom} custom field${custom === 1 ? '' : 's'} and this file adds ${added}: Zoho's ${editionName(edition)} edition allows ${limit} per module${edition ? '' : " (the org's edition was not read)"} ${age}.`,
      });
  }
  return findings;
}

/** "Enterprise" for enterprise; Enterprise when the edition is unknown (a custom module needs it). */
function editionName(edition: string | undefined): string {
  const name = edition ?? 'enterprise';
  return `${name[0].toUpperCase()}${name.slice(1)}`;
}

/** The module's fields in the snapshot (the org's spelling of its name), when they were fetched. */
export function fieldsOf(snapshot: OrgSnapshot, module: string): OrgField[] | undefined {
  const all = snapshot.moduleFields;
  if (!all) return undefined;
  const key = Object.keys(all).find((name) => lower(name) === lower(module));
  return key === undefined ? undefined : all[key];
}

/** The org's field a file's field is (an earlier run made it): by api_name, else a custom field's label. */
export function sameField(
  known: OrgField[],
  apiName: string | undefined,
  label: string | undefined,
): OrgField | undefined {
  if (apiName !== undefined) return known.find((field) => lower(field.api_name) === lower(apiName));
  return label === undefined
    ? undefined
    : known.find((field) => field.custom_field && lower(field.field_label) === lower(label));
}

function describe(field: OrgField): string {
  return `${field.custom_field ? 'The custom field' : "Zoho's system field"} ${JSON.stringify(field.field_label)} (${field.api_name})`;
}

function clash(node: Node, rule: string, message: string): Finding {
  return { code: ZOHO_CODES.duplicateData, severity: 'error', rule, offset: node.offset, length: node.length, message };
}

/** A string value at a path of keys under `object`, with its node. */
function stringAt(object: Node, ...keys: string[]): { value: string; node: Node } | undefined {
  let node: Node | undefined = object;
  for (const key of keys) {
    if (node?.type !== 'object') return undefined;
    const property: Node | undefined = node.children?.find((child) => child.children?.[0]?.value === key);
    node = property?.children?.[1];
  }
  return node?.type === 'string' ? { value: String(node.value), node } : undefined;
}

function lower(text: string): string {
  return text.trim().toLowerCase();
}

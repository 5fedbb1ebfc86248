/** Hovers: what a key is, its type, whether it is mandatory, its limits; on a reserved word, why. */
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import { ParsedDocument } from './parse';
import { bodyName } from './documentKind';
import { describeKey } from './describe';
import { JSONSchema, schemaAtPath } from './schema';
import { describeProfileId, isProfileIdPath } from './org/orgCompletion';
import { OrgSnapshot } from './org/snapshot';

export interface Hover {
  markdown: string;
  offset: number;
  length: number;
}

export function hover(
  parsed: ParsedDocument,
  offset: number,
  snapshot?: OrgSnapshot,
  now = Date.now(),
): Hover | undefined {
  if (!parsed.root) return undefined;
  const node = findNodeAtOffset(parsed.root, offset, true);
  if (!node) return undefined;
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  if (!property) return undefined;
  const isKey = property.children?.[0] === node;
  const valueNode = property.children?.[1];
  const keyNode = property.children![0];
  const path = valueNode ? getNodePath(valueNode) : [...getNodePath(property.parent!), String(keyNode.value)];
  const schema = schemaAtPath(path, parsed.kind);
  const key = String(keyNode.value);
  if (!schema) {
    return {
      markdown: `**${key}** is not a key of the ${bodyName(parsed.kind)}.`,
      offset: node.offset,
      length: node.length,
    };
  }
  const parentSchema = schemaAtPath(path.slice(0, -1), parsed.kind);
  const mandatory = parentSchema?.required?.includes(key) ?? false;
  let markdown = describeKey(key, schema, mandatory, parsed.apiVersion, true);
  if (!isKey && node.type === 'string') {
    const note = describeValue(schema, String(node.value));
    if (note) markdown = `${note}\n\n---\n\n${markdown}`;
  }
  if (!isKey && snapshot && isProfileIdPath(path) && (node.type === 'string' || node.type === 'number')) {
    const profile = describeProfileId(snapshot, String(node.value), now);
    if (profile) markdown = `${profile}\n\n---\n\n${markdown}`;
  }
  return { markdown, offset: node.offset, length: node.length };
}

/**
 * What a value means, when the schema says (an enum value's description). A problem with the value is not
 * repeated here: VS Code shows the diagnostic above the hover already.
 */
function describeValue(schema: JSONSchema, value: string): string | undefined {
  const zoho = schema['x-zoho'];
  const index = schema.enum?.indexOf(value) ?? -1;
  if (index >= 0 && zoho?.enumDescriptions?.[index]) return `**${value}**: ${zoho.enumDescriptions[index]}`;
  return undefined;
}

/** Hovers: what a key is, its type, whether it is mandatory, its limits; on a reserved word, why. */
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import { ParsedDocument } from './parse';
import { isReservedWord, JSONSchema, resolve, schemaAtPath, typesOf } from './schema';

export interface Hover {
  markdown: string;
  offset: number;
  length: number;
}

export function hover(parsed: ParsedDocument, offset: number): Hover | undefined {
  if (!parsed.root) return undefined;
  const node = findNodeAtOffset(parsed.root, offset, true);
  if (!node) return undefined;
  const property = node.parent?.type === 'property' ? node.parent : undefined;
  if (!property) return undefined;
  const isKey = property.children?.[0] === node;
  const valueNode = property.children?.[1];
  const keyNode = property.children![0];
  const path = valueNode ? getNodePath(valueNode) : [...getNodePath(property.parent!), String(keyNode.value)];
  const schema = schemaAtPath(path);
  const key = String(keyNode.value);
  if (!schema) {
    return { markdown: `**${key}** is not a key of the Create Custom Module body.`, offset: node.offset, length: node.length };
  }
  const parentSchema = schemaAtPath(path.slice(0, -1));
  const mandatory = parentSchema?.required?.includes(key) ?? false;
  let markdown = describeKey(key, schema, mandatory);
  if (!isKey && node.type === 'string') {
    const note = describeValue(schema, String(node.value));
    if (note) markdown = `${note}\n\n---\n\n${markdown}`;
  }
  return { markdown, offset: node.offset, length: node.length };
}

function describeValue(schema: JSONSchema, value: string): string | undefined {
  const zoho = schema['x-zoho'];
  const reserved = zoho?.reserved;
  const word = reserved ? isReservedWord(reserved.words, value) : undefined;
  if (reserved && word) {
    return `⚠ **${JSON.stringify(value)} is reserved** (${reserved.code}): ${reserved.why}. Zoho's system-defined keyword "${word}" cannot be used here, in any letter case.`;
  }
  const index = schema.enum?.indexOf(value) ?? -1;
  if (index >= 0 && zoho?.enumDescriptions?.[index]) return `**${value}**: ${zoho.enumDescriptions[index]}`;
  return undefined;
}

/** Markdown for a key, shared by hovers and completion documentation. */
export function describeKey(key: string, schemaRef: JSONSchema, mandatory: boolean): string {
  const schema = resolve(schemaRef);
  const zoho = schema['x-zoho'] ?? {};
  const types = typesOf(schema).join(' or ') || 'any';
  const lines: string[] = [`**${key}** · \`${types}\` · ${mandatory ? 'mandatory' : 'optional'}`];
  if (schema.description) lines.push('', schema.description);
  const limits: string[] = [];
  if (schema.maxLength !== undefined) limits.push(`At most ${schema.maxLength} characters${typesOf(schema).includes('string') ? ', spaces included' : ''}.`);
  if (zoho.maxDigits !== undefined) limits.push(`At most ${zoho.maxDigits} digits.`);
  if (schema.minLength) limits.push('Must not be empty.');
  if (zoho.characters) limits.push(`Allowed: ${zoho.characters}.`);
  for (const check of zoho.checks ?? []) {
    if (/^(must|only)/.test(check.message) && !/^only .* allowed/.test(check.message)) limits.push(`${capitalise(check.message)}.`);
  }
  if (schema.minItems) limits.push(`At least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`);
  if (schema.maxItems) limits.push(`At most ${schema.maxItems} entr${schema.maxItems === 1 ? 'y' : 'ies'}.`);
  if (schema.enum) limits.push(`One of: ${schema.enum.map((value) => `\`${value}\``).join(', ')}${schema.default !== undefined ? ` (default \`${schema.default}\`)` : ''}.`);
  if (schema.required?.length) limits.push(`Needs: ${schema.required.map((name) => `\`${name}\``).join(', ')}.`);
  if (zoho.anyOfMessage) limits.push(zoho.anyOfMessage);
  if (zoho.thenMessage) limits.push(capitalise(zoho.thenMessage));
  if (zoho.reserved) limits.push(`Not a system-defined keyword (${zoho.reserved.code}): ${zoho.reserved.words.join(', ')}.`);
  if (limits.length) lines.push('', ...limits.map((limit) => `- ${limit}`));
  if (mandatory) lines.push('', 'Missing: `MANDATORY_NOT_FOUND`.');
  return lines.join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}


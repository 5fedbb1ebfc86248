/**
 * Every documented rule of Create Custom Module, driven by the schema: types, mandatory keys, limits,
 * allowed characters, reserved words and the display_field dependencies, each with the Zoho error code.
 */
import { findNodeAtLocation, Node } from 'jsonc-parser';
import {
  didYouMean, codePointLength, cleanLabel, insertPropertyEdit, removePropertyEdit, replaceNode, sliceCodePoints, toApiName,
} from './edits';
import { ParsedDocument } from './parse';
import { isReservedWord, JSONPath, JSONSchema, resolve, rootSchema, schemaRegExp, typesOf, ZohoCheck } from './schema';
import { Finding, Fix, OWN_CODES } from './types';

const INVALID_DATA = 'INVALID_DATA';
/** A file that is garbage can hold millions of values; the Problems panel needs only the first ones. */
export const MAX_FINDINGS = 1000;

interface Place {
  node: Node;
  path: JSONPath;
  /** Where a missing key is reported: the key of this value, or of the nearest enclosing property. */
  anchor: Node;
  /** How messages name this value: `plural_label`, `profiles[0].id`. */
  name: string;
}

class Validator {
  readonly findings: Finding[] = [];
  constructor(readonly text: string) {}

  report(finding: Omit<Finding, 'offset' | 'length'>, node: Node): void {
    if (this.findings.length >= MAX_FINDINGS) return;
    this.findings.push({ ...finding, offset: node.offset, length: Math.max(1, node.length) });
  }

  value(place: Place, schemaRef: JSONSchema): void {
    const schema = resolve(schemaRef);
    const zoho = schema['x-zoho'] ?? {};
    const { node } = place;
    if (node.type === 'null' && zoho.nullCode) {
      this.report({
        code: zoho.nullCode, severity: 'error', rule: 'null',
        message: zoho.minItemsMessage ?? `${place.name} must not be null.`,
        fixes: this.defaultFix(node, schema, `Add an empty ${place.name} entry`),
      }, node);
      return;
    }
    if (!matchesType(this.text, node, typesOf(schema))) {
      this.typeMismatch(place, schema);
      return;
    }
    switch (node.type) {
      case 'object': return this.object(place, schema);
      case 'array': return this.array(place, schema);
      case 'string': return this.string(place, schema);
      case 'number': return this.number(place, schema);
    }
  }

  typeMismatch(place: Place, schema: JSONSchema): void {
    const { node } = place;
    const expected = typesOf(schema);
    const fixes: Fix[] = [];
    const raw = this.text.substr(node.offset, node.length);
    if (expected.includes('string') && (node.type === 'number' || node.type === 'boolean')) {
      fixes.push({ title: `Write ${raw} as a string: "${raw}"`, edits: [replaceNode(node, JSON.stringify(raw))], preferred: true });
    } else if (expected.includes('array') && node.type === 'object') {
      fixes.push({ title: 'Put the object in an array: [ … ]', edits: [{ offset: node.offset, length: 0, newText: '[' }, { offset: node.offset + node.length, length: 0, newText: ']' }], preferred: true });
    }
    const precisionNote = node.type === 'number' && expected.includes('string') && /\d{16,}/.test(raw)
      ? ' As a number it would also lose digits (JSON numbers keep about 15).' : '';
    const message = place.path.length === 0
      ? 'The request body must be a JSON object: {"modules": [ … ]}.'
      : `${place.name} must be ${describeTypes(expected)}, not ${describeNode(node)}.${precisionNote}`;
    this.report({ code: INVALID_DATA, severity: 'error', rule: 'type', message, fixes }, node);
  }

  object(place: Place, schema: JSONSchema): void {
    const zoho = schema['x-zoho'] ?? {};
    const { node } = place;
    const seen = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const keyNode = property.children?.[0];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) {
        this.report({
          code: OWN_CODES.duplicateKey, severity: 'error', rule: 'duplicate-key',
          message: `"${key}" appears twice in this object; Zoho would read only one of them. Remove one.`,
          fixes: [{ title: `Remove this "${key}"`, edits: [removePropertyEdit(this.text, property)] }],
        }, keyNode);
        continue;
      }
      seen.set(key, property);
    }

    for (const key of schema.required ?? []) {
      if (seen.has(key)) continue;
      const propertySchema = resolve(schema.properties![key]);
      this.report({
        code: zoho.requiredCode ?? 'MANDATORY_NOT_FOUND', severity: 'error', rule: 'required',
        message: `${place.path.length ? place.name : 'The body'} is missing the mandatory key "${key}". ${firstSentence(propertySchema.description)}`.trim(),
        fixes: [{ title: `Add "${key}"`, edits: [insertPropertyEdit(this.text, node, key, defaultValueText(propertySchema))], preferred: true }],
      }, place.anchor);
    }

    if (schema.anyOf && schema.anyOf.every((alternative) => (alternative.required ?? []).some((key) => !seen.has(key)))) {
      const options = schema.anyOf.flatMap((alternative) => alternative.required ?? []);
      this.report({
        code: zoho.anyOfCode ?? 'EXPECTED_FIELD_MISSING', severity: 'error', rule: 'any-of',
        message: zoho.anyOfMessage ?? `${place.name} needs one of ${options.join(', ')}.`,
        fixes: options.map((key, index) => ({
          title: `Add "${key}"`,
          edits: [insertPropertyEdit(this.text, node, key, defaultValueText(resolve(schema.properties![key])))],
          preferred: index === options.length - 1,
        })),
      }, place.anchor);
    }

    if (schema.if && schema.then) this.conditional(place, schema, seen);

    const known = Object.keys(schema.properties ?? {});
    for (const [key, property] of seen) {
      const keyNode = property.children![0];
      const valueNode = property.children?.[1];
      const propertySchema = schema.properties?.[key];
      if (!propertySchema) {
        if (schema.additionalProperties === false) this.unknownKey(place, key, property, known.filter((name) => !seen.has(name)));
        continue;
      }
      if (!valueNode) continue; // a syntax error already says the value is missing
      this.value({ node: valueNode, path: [...place.path, key], anchor: keyNode, name: key }, propertySchema);
    }
  }

  /** `if data_type is "autonumber" then auto_number is required`, in the schema's own words. */
  conditional(place: Place, schema: JSONSchema, seen: Map<string, Node>): void {
    const zoho = schema['x-zoho'] ?? {};
    const condition = schema.if!;
    let trigger: Node | undefined;
    for (const key of condition.required ?? []) {
      const valueNode = seen.get(key)?.children?.[1];
      const expected = condition.properties?.[key]?.const;
      if (!valueNode || (expected !== undefined && valueNode.value !== expected)) return;
      trigger = valueNode;
    }
    for (const key of schema.then!.required ?? []) {
      if (seen.has(key)) continue;
      this.report({
        code: zoho.thenCode ?? 'DEPENDENT_FIELD_MISSING', severity: 'error', rule: 'dependent',
        message: zoho.thenMessage ?? `${place.name} needs "${key}".`,
        fixes: [{ title: `Add "${key}"`, edits: [insertPropertyEdit(this.text, place.node, key, defaultValueText(resolve(schema.properties![key])))], preferred: true }],
      }, trigger ?? place.anchor);
    }
  }

  unknownKey(place: Place, key: string, property: Node, candidates: string[]): void {
    const keyNode = property.children![0];
    const suggestion = didYouMean(key, candidates);
    const fixes: Fix[] = [];
    if (suggestion) fixes.push({ title: `Change to "${suggestion}"`, edits: [replaceNode(keyNode, JSON.stringify(suggestion))], preferred: true });
    fixes.push({ title: `Remove "${key}"`, edits: [removePropertyEdit(this.text, property)] });
    const where = place.path.length ? ` in ${place.name}` : ' at the top level';
    const known = candidates.length ? ` Known keys here: ${candidates.join(', ')}.` : '';
    this.report({
      code: OWN_CODES.unknownKey, severity: 'warning', rule: 'unknown-key',
      message: suggestion
        ? `Unknown key "${key}"${where}. Did you mean "${suggestion}"?`
        : `Unknown key "${key}"${where}: it is not part of the Create Custom Module body.${known}`,
      fixes,
    }, keyNode);
  }

  array(place: Place, schema: JSONSchema): void {
    const zoho = schema['x-zoho'] ?? {};
    const items = place.node.children ?? [];
    if (schema.minItems !== undefined && items.length < schema.minItems) {
      this.report({
        code: zoho.minItemsCode ?? INVALID_DATA, severity: 'error', rule: 'min-items',
        message: zoho.minItemsMessage ?? `${place.name} needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`,
        fixes: this.defaultFix(place.node, schema, `Add an empty ${place.name} entry`),
      }, place.node);
    }
    if (schema.maxItems !== undefined && items.length > schema.maxItems) {
      for (const extra of items.slice(schema.maxItems)) {
        this.report({
          code: zoho.maxItemsCode ?? INVALID_DATA, severity: 'error', rule: 'max-items',
          message: zoho.maxItemsMessage ?? `${place.name} takes at most ${schema.maxItems} entries.`,
        }, extra);
      }
    }
    if (!schema.items) return;
    items.forEach((item, index) => {
      this.value({ node: item, path: [...place.path, index], anchor: place.anchor, name: `${place.name}[${index}]` }, schema.items!);
    });
  }

  defaultFix(node: Node, schema: JSONSchema, title: string): Fix[] {
    if (!schema.items) return [];
    return [{ title, edits: [replaceNode(node, `[${defaultValueText(resolve(schema.items))}]`)], preferred: true }];
  }

  string(place: Place, schema: JSONSchema): void {
    const zoho = schema['x-zoho'] ?? {};
    const value = String(place.node.value);
    const name = place.name;
    const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
    let checkFailed = false;
    for (const check of zoho.checks ?? []) {
      const matches = schemaRegExp(check.pattern).test(value);
      if (check.mustNotMatch ? !matches : matches) continue;
      checkFailed = true;
      this.report({
        code: INVALID_DATA, severity: 'error', rule: check.id,
        message: `${name} ${check.message}: ${shown}.`,
        fixes: this.checkFix(check, value, place),
      }, place.node);
    }
    if (!zoho.checks && schema.pattern && !schemaRegExp(schema.pattern).test(value)) {
      checkFailed = true;
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'pattern', message: `${name} has characters Zoho does not allow: ${shown}.` }, place.node);
    }
    const length = codePointLength(value);
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      let trimmed = sliceCodePoints(value, schema.maxLength).trimEnd();
      if (place.path[place.path.length - 1] === 'api_name') trimmed = trimmed.replace(/[_ ]+$/, '');
      this.report({
        code: INVALID_DATA, severity: 'error', rule: 'max-length',
        message: `${name} is ${length} characters long; Zoho allows at most ${schema.maxLength}${zoho.characters ? ` (${zoho.characters})` : ''}.`,
        fixes: trimmed ? [{ title: `Trim to ${schema.maxLength} characters: ${JSON.stringify(trimmed)}`, edits: [replaceNode(place.node, JSON.stringify(trimmed))], preferred: true }] : [],
      }, place.node);
    }
    if (!checkFailed && schema.minLength !== undefined && length < schema.minLength) {
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'min-length', message: `${name} must not be empty.` }, place.node);
    }
    if (zoho.maxDigits !== undefined && /^\d+$/.test(value) && value.length > zoho.maxDigits) {
      this.tooManyDigits(place, value, zoho.maxDigits, JSON.stringify);
    }
    if (schema.enum && !schema.enum.includes(value)) this.notInEnum(place, schema.enum, value);
    if (zoho.reserved) {
      const word = isReservedWord(zoho.reserved.words, value);
      if (word) this.reservedWord(place, value, word, zoho.reserved);
    }
  }

  number(place: Place, schema: JSONSchema): void {
    const zoho = schema['x-zoho'] ?? {};
    // Read the digits from the text: past 2^53 the parsed value has already lost some.
    const raw = this.text.substr(place.node.offset, place.node.length);
    if (schema.minimum !== undefined && raw.startsWith('-')) {
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'minimum', message: `${place.name} must not be negative: only digits are allowed.` }, place.node);
      return;
    }
    if (zoho.maxDigits !== undefined && raw.length > zoho.maxDigits) {
      this.tooManyDigits(place, raw, zoho.maxDigits, (digits) => digits);
    }
  }

  tooManyDigits(place: Place, digits: string, max: number, write: (digits: string) => string): void {
    const kept = digits.slice(0, max);
    this.report({
      code: INVALID_DATA, severity: 'error', rule: 'max-digits',
      message: `${place.name} has ${digits.length} digits; Zoho allows at most ${max}.`,
      fixes: [{ title: `Keep the first ${max} digits: ${kept}`, edits: [replaceNode(place.node, write(kept))] }],
    }, place.node);
  }

  notInEnum(place: Place, values: string[], value: string): void {
    const close = values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ?? didYouMean(value, values);
    const ordered = close ? [close, ...values.filter((candidate) => candidate !== close)] : values;
    this.report({
      code: INVALID_DATA, severity: 'error', rule: 'enum',
      message: `${JSON.stringify(value)} is not a valid ${place.name}: use ${values.map((v) => JSON.stringify(v)).join(' or ')}.`,
      fixes: ordered.map((candidate) => ({ title: `Change to "${candidate}"`, edits: [replaceNode(place.node, JSON.stringify(candidate))], preferred: candidate === close })),
    }, place.node);
  }

  reservedWord(place: Place, value: string, word: string, reserved: { code: string; why: string }): void {
    const fixes: Fix[] = [];
    if (place.path[place.path.length - 1] === 'api_name') {
      const suggestion = this.suggestApiName(place, value);
      if (suggestion) fixes.push({ title: `Rename to "${suggestion}"`, edits: [replaceNode(place.node, JSON.stringify(suggestion))], preferred: true });
    }
    this.report({
      code: reserved.code, severity: 'error', rule: 'reserved',
      message: `${JSON.stringify(value)} is a system-defined keyword ("${word}"): ${reserved.why}. Choose another ${place.name}.`,
      fixes,
    }, place.node);
  }

  /** A free API name: the one derived from plural_label, else the reserved one with a suffix. */
  suggestApiName(place: Place, reservedValue: string): string | undefined {
    const module = place.node.parent?.parent;
    const plural = module ? findNodeAtLocation(module, ['plural_label'])?.value : undefined;
    const apiSchema = resolve(resolve(rootSchema).properties!.modules.items!).properties!.api_name;
    const words = resolve(apiSchema)['x-zoho']?.reserved?.words ?? [];
    const candidates = [typeof plural === 'string' ? toApiName(plural) : '', toApiName(`${reservedValue}_Custom`)];
    return candidates.find((candidate) => candidate && candidate.toLowerCase() !== reservedValue.toLowerCase() && !isReservedWord(words, candidate));
  }

  checkFix(check: ZohoCheck, value: string, place: Place): Fix[] {
    let fixed: string | undefined;
    let title = '';
    switch (check.id) {
      case 'label-characters': fixed = cleanLabel(value); title = 'Remove special characters'; break;
      case 'api-name-characters':
        fixed = value.replace(/[^A-Za-z0-9 _]+/g, '_').replace(/_{2,}/g, '_').replace(/^_+|_+$/g, '');
        title = 'Replace special characters with underscores';
        break;
      case 'api-name-start': fixed = value.replace(/^[^A-Za-z]+/, ''); title = 'Start with the first letter'; break;
      case 'api-name-trailing-underscore': fixed = value.replace(/_+$/, ''); title = 'Remove the trailing underscore'; break;
      case 'api-name-double-underscore': fixed = value.replace(/_{2,}/g, '_'); title = 'Replace "__" with "_"'; break;
      case 'affix-characters': fixed = value.replace(/[^A-Za-z0-9]+/g, ''); title = 'Keep only letters and digits'; break;
      case 'start-number-digits': fixed = value.replace(/\D+/g, ''); title = 'Keep only the digits'; break;
      case 'profile-id-digits': {
        const digits = value.replace(/\D+/g, '');
        if (digits.length >= 1 && digits.length <= 19 && digits !== value) { fixed = digits; title = 'Keep only the digits'; }
        break;
      }
    }
    if (fixed === undefined || fixed === value) return [];
    if (fixed === '' && check.id !== 'affix-characters') return [];
    return [{ title: `${title}: ${JSON.stringify(fixed)}`, edits: [replaceNode(place.node, JSON.stringify(fixed))], preferred: true }];
  }
}

export function validate(parsed: ParsedDocument): Finding[] {
  if (!parsed.root) return [];
  const validator = new Validator(parsed.text);
  validator.value({ node: parsed.root, path: [], anchor: firstCharacter(parsed.root), name: 'The body' }, rootSchema);
  return validator.findings;
}

function firstCharacter(node: Node): Node {
  return { ...node, length: 1 };
}

function matchesType(text: string, node: Node, types: string[]): boolean {
  if (types.length === 0) return true;
  switch (node.type) {
    case 'number':
      return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(text.substr(node.offset, node.length)));
    default:
      return types.includes(node.type);
  }
}

function describeTypes(types: string[]): string {
  const words = types.map((type) => ({ string: 'a string', integer: 'a whole number', number: 'a number', object: 'an object', array: 'an array', boolean: 'true or false' }[type] ?? type));
  return words.join(' or ');
}

function describeNode(node: Node): string {
  switch (node.type) {
    case 'null': return 'null';
    case 'number': return `the number ${node.value}`;
    case 'boolean': return String(node.value);
    case 'string': return 'a string';
    case 'array': return 'an array';
    case 'object': return 'an object';
    default: return node.type;
  }
}

function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const match = /^.*?[.!?](\s|$)/.exec(text);
  return (match ? match[0] : text).trim();
}

/** The JSON written by "add the missing key" fixes and snippets: a schema default, or the smallest valid shape. */
export function defaultValueText(schema: JSONSchema): string {
  const resolved = resolve(schema);
  if (resolved.default !== undefined) return JSON.stringify(resolved.default);
  const type = typesOf(resolved)[0];
  switch (type) {
    case 'array': return `[${resolved.items ? defaultValueText(resolved.items) : ''}]`;
    case 'object': {
      const members = (resolved.required ?? []).map((key) => `${JSON.stringify(key)}: ${defaultValueText(resolved.properties![key])}`);
      return members.length ? `{ ${members.join(', ')} }` : '{}';
    }
    case 'integer':
    case 'number': return '0';
    case 'boolean': return 'false';
    default: return '""';
  }
}

/**
 * Every documented rule of Create Custom Module, driven by the schema: types, mandatory keys, limits,
 * allowed characters, reserved words and the display_field dependencies, each with the Zoho error code.
 *
 * It runs on the parser's events in the same single pass that finds syntax errors, without building a
 * tree: a 1 MB file is checked in the time of a scan, and the tree is only built when a feature asks.
 */
import { JSONVisitor, Node } from 'jsonc-parser';
import {
  didYouMean, codePointLength, cleanLabel, insertPropertyEdit, removePropertyEdit, sliceCodePoints, toApiName,
} from './edits';
import { isReservedWord, JSONPath, JSONSchema, resolve, rootSchema, schemaRegExp, typesOf, ZohoAnnotations, ZohoCheck } from './schema';
import { Finding, Fix, OWN_CODES } from './types';

const INVALID_DATA = 'INVALID_DATA';
/** A file that is garbage can hold millions of values; the Problems panel needs only the first ones. */
export const MAX_FINDINGS = 1000;

interface Span { offset: number; length: number }

/**
 * What is known about the value that starts next: which schema describes it and where it sits. Paths
 * and names are derived only when a finding needs them: a 1 MB file has tens of thousands of values.
 */
class Place {
  constructor(
    /** Undefined where the schema knows nothing (unknown keys, duplicates, inside a wrong type). */
    readonly schema: JSONSchema | undefined,
    readonly parent: Place | undefined,
    readonly segment: string | number | undefined,
    /** Where a missing key is reported: the key of this value, or of the nearest enclosing property. */
    readonly anchor: Span,
  ) {}

  get path(): JSONPath {
    return this.parent ? [...this.parent.path, this.segment!] : [];
  }

  get isRoot(): boolean {
    return this.parent === undefined;
  }

  /** How messages name this value: `plural_label`, `profiles[0]`. */
  get name(): string {
    if (this.parent === undefined) return 'The body';
    if (typeof this.segment === 'number') return `${this.parent.name}[${this.segment}]`;
    return this.segment ?? 'value';
  }
}

interface Property extends Span {
  key: string;
  /** End of the property (its value's end), once the value is read. */
  end: number;
  value?: unknown;
  valueSpan?: Span;
  duplicate: boolean;
  unknown: boolean;
}

interface ObjectFrame { kind: 'object'; place: Place; offset: number; wrongType: boolean; properties: Property[]; deferred?: (() => void)[] }
interface ArrayFrame { kind: 'array'; place: Place; offset: number; wrongType: boolean; count: number; extra: Span[]; items: JSONSchema | undefined }
type Frame = ObjectFrame | ArrayFrame;

/**
 * Where each string value the schema knows sits, in order: what lets an edit inside one be re-checked alone.
 * Typed arrays and a small table of (schema, key) pairs: tens of thousands of entries with no object each,
 * so keeping them costs the garbage collector next to nothing.
 */
export class StringValues {
  count = 0;
  offsets: Int32Array = new Int32Array(256);
  lengths: Int32Array = new Int32Array(256);
  kinds: Int32Array = new Int32Array(256);
  readonly table: { schema: JSONSchema; key: string }[] = [];
  private readonly kindOf = new Map<JSONSchema, Map<string, number>>();

  add(offset: number, length: number, schema: JSONSchema, key: string): void {
    if (this.count === this.offsets.length) {
      this.offsets = grow(this.offsets);
      this.lengths = grow(this.lengths);
      this.kinds = grow(this.kinds);
    }
    let byKey = this.kindOf.get(schema);
    if (!byKey) this.kindOf.set(schema, (byKey = new Map()));
    let kind = byKey.get(key);
    if (kind === undefined) {
      kind = this.table.push({ schema, key }) - 1;
      byKey.set(key, kind);
    }
    this.offsets[this.count] = offset;
    this.lengths[this.count] = length;
    this.kinds[this.count] = kind;
    this.count++;
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

export class SchemaValidator {
  readonly findings: Finding[] = [];
  readonly strings = new StringValues();
  private readonly stack: Frame[] = [];
  private started = false;

  constructor(private readonly text: string) {}

  /** The callbacks to pass to jsonc-parser's `visit`. */
  visitor(): JSONVisitor {
    return {
      onObjectBegin: (offset) => this.objectBegin(offset),
      onObjectProperty: (name, offset, length) => this.property(name, offset, length),
      onObjectEnd: (offset, length) => this.objectEnd(offset + length),
      onArrayBegin: (offset) => this.arrayBegin(offset),
      onArrayEnd: (offset, length) => this.arrayEnd(offset + length),
      onLiteralValue: (value, offset, length) => this.literal(value, offset, length),
    };
  }

  private report(finding: Omit<Finding, 'offset' | 'length'>, span: Span): void {
    if (this.findings.length >= MAX_FINDINGS) return;
    this.findings.push({ ...finding, offset: span.offset, length: Math.max(1, span.length) });
  }

  // ---- where the next value sits ------------------------------------------------------------------

  private nextPlace(): Place {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.started) return new Place(undefined, undefined, undefined, ROOT_ANCHOR);
      this.started = true;
      return new Place(resolve(rootSchema), undefined, undefined, ROOT_ANCHOR);
    }
    if (top.kind === 'array') {
      return new Place(top.items, top.place, top.count++, top.place.anchor);
    }
    const property = top.properties[top.properties.length - 1];
    if (!property || property.valueSpan) return new Place(undefined, top.place, 'value', top.place.anchor);
    const propertySchema = top.place.schema?.properties?.[property.key];
    const usable = propertySchema && !top.wrongType && !property.duplicate;
    return new Place(usable ? resolve(propertySchema) : undefined, top.place, property.key, property);
  }

  /** Tells the enclosing object or array that one of its values is complete. */
  private valueDone(span: Span, value?: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (top.kind === 'object') {
      const property = top.properties[top.properties.length - 1];
      if (property && !property.valueSpan) {
        property.valueSpan = span;
        property.value = value;
        property.end = span.offset + span.length;
      }
    } else if (top.place.schema?.maxItems !== undefined && top.count > top.place.schema.maxItems) {
      top.extra.push(span);
    }
  }

  private typeMatches(place: Place, kind: string, raw?: string): boolean {
    const types = place.schema ? typesOf(place.schema) : [];
    if (!place.schema || types.length === 0) return true;
    if (kind === 'number') return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(raw ?? ''));
    return types.includes(kind);
  }

  // ---- objects ------------------------------------------------------------------------------------

  private objectBegin(offset: number): void {
    const place = this.nextPlace();
    this.stack.push({ kind: 'object', place, offset, wrongType: !this.typeMatches(place, 'object'), properties: [] });
  }

  private property(key: string, offset: number, length: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.kind !== 'object') return;
    const schema = frame.place.schema;
    const property: Property = {
      key, offset, length, end: offset + length,
      duplicate: find(frame, key) !== undefined,
      unknown: !!schema && !frame.wrongType && !schema.properties?.[key] && schema.additionalProperties === false,
    };
    frame.properties.push(property);
  }

  private objectEnd(end: number): void {
    const frame = this.stack.pop();
    if (frame?.kind !== 'object') return;
    const span = { offset: frame.offset, length: end - frame.offset };
    if (frame.wrongType) this.typeMismatch(frame.place, span, 'object');
    else if (frame.place.schema) this.checkObject(frame, span);
    this.valueDone(span);
  }

  /** A jsonc-style node of the object, for the edits that add or remove properties. */
  private objectNode(frame: ObjectFrame, span: Span): Node {
    const children: Node[] = [];
    const node: Node = { type: 'object', offset: span.offset, length: span.length, children };
    for (const property of frame.properties) children.push({ type: 'property', offset: property.offset, length: property.end - property.offset, parent: node });
    return node;
  }

  private checkObject(frame: ObjectFrame, span: Span): void {
    const schema = frame.place.schema!;
    // Most objects of a large file (each profile) break no rule: tell that cheaply first.
    if (!frame.deferred && !schema.anyOf && !schema.if && (schema.required ?? []).every((key) => find(frame, key) !== undefined)
      && frame.properties.every((property) => !property.duplicate && !property.unknown)) return;
    const zoho = schema['x-zoho'] ?? NO_ANNOTATIONS;
    const { place } = frame;
    const has = (key: string) => find(frame, key) !== undefined;
    let node: Node | undefined;
    const objectNode = () => (node ??= this.objectNode(frame, span));
    const insert = (key: string) => insertPropertyEdit(this.text, objectNode(), key, defaultValueText(resolve(schema.properties![key])));

    frame.properties.forEach((property, index) => {
      if (!property.duplicate) return;
      this.report({
        code: OWN_CODES.duplicateKey, severity: 'error', rule: 'duplicate-key',
        message: `"${property.key}" appears twice in this object; Zoho would read only one of them. Remove one.`,
        fixes: [{ title: `Remove this "${property.key}"`, edits: [removePropertyEdit(objectNode().children![index])] }],
      }, property);
    });

    for (const key of schema.required ?? []) {
      if (has(key)) continue;
      this.report({
        code: zoho.requiredCode ?? 'MANDATORY_NOT_FOUND', severity: 'error', rule: 'required',
        message: `${place.name} is missing the mandatory key "${key}". ${firstSentence(resolve(schema.properties![key]).description)}`.trim(),
        fixes: [{ title: `Add "${key}"`, edits: [insert(key)], preferred: true }],
      }, place.anchor);
    }

    if (schema.anyOf && schema.anyOf.every((alternative) => (alternative.required ?? []).some((key) => !has(key)))) {
      const options = schema.anyOf.flatMap((alternative) => alternative.required ?? []);
      this.report({
        code: zoho.anyOfCode ?? 'EXPECTED_FIELD_MISSING', severity: 'error', rule: 'any-of',
        message: zoho.anyOfMessage ?? `${place.name} needs one of ${options.join(', ')}.`,
        fixes: options.map((key, index) => ({ title: `Add "${key}"`, edits: [insert(key)], preferred: index === options.length - 1 })),
      }, place.anchor);
    }

    if (schema.if && schema.then) {
      // `if data_type is "autonumber" then auto_number is required`, in the schema's own words.
      let trigger: Span | undefined;
      const holds = (schema.if.required ?? []).every((key) => {
        const property = find(frame, key);
        const expected = schema.if!.properties?.[key]?.const;
        if (!property?.valueSpan || (expected !== undefined && property.value !== expected)) return false;
        trigger = property.valueSpan;
        return true;
      });
      if (holds) {
        for (const key of schema.then.required ?? []) {
          if (has(key)) continue;
          this.report({
            code: zoho.thenCode ?? 'DEPENDENT_FIELD_MISSING', severity: 'error', rule: 'dependent',
            message: zoho.thenMessage ?? `${place.name} needs "${key}".`,
            fixes: [{ title: `Add "${key}"`, edits: [insert(key)], preferred: true }],
          }, trigger ?? place.anchor);
        }
      }
    }

    frame.properties.forEach((property, index) => {
      if (!property.unknown || property.duplicate) return;
      const candidates = Object.keys(schema.properties ?? {}).filter((name) => !has(name));
      this.unknownKey(place, property, objectNode().children![index], candidates);
    });
    for (const run of frame.deferred ?? []) run();
  }

  private unknownKey(place: Place, property: Property, propertyNode: Node, candidates: string[]): void {
    const keySpan = { offset: property.offset, length: property.length };
    const suggestion = didYouMean(property.key, candidates);
    const fixes: Fix[] = [];
    if (suggestion) fixes.push({ title: `Change to "${suggestion}"`, edits: [{ ...keySpan, newText: JSON.stringify(suggestion) }], preferred: true });
    fixes.push({ title: `Remove "${property.key}"`, edits: [removePropertyEdit(propertyNode)] });
    const where = place.isRoot ? ' at the top level' : ` in ${place.name}`;
    const known = candidates.length ? ` Known keys here: ${candidates.join(', ')}.` : '';
    this.report({
      code: OWN_CODES.unknownKey, severity: 'warning', rule: 'unknown-key',
      message: suggestion
        ? `Unknown key "${property.key}"${where}. Did you mean "${suggestion}"?`
        : `Unknown key "${property.key}"${where}: it is not part of the Create Custom Module body.${known}`,
      fixes,
    }, keySpan);
  }

  // ---- arrays -------------------------------------------------------------------------------------

  private arrayBegin(offset: number): void {
    const place = this.nextPlace();
    const wrongType = !this.typeMatches(place, 'array');
    const items = place.schema?.items && !wrongType ? resolve(place.schema.items) : undefined;
    this.stack.push({ kind: 'array', place, offset, wrongType, count: 0, extra: [], items });
  }

  private arrayEnd(end: number): void {
    const frame = this.stack.pop();
    if (frame?.kind !== 'array') return;
    const span = { offset: frame.offset, length: end - frame.offset };
    const schema = frame.place.schema;
    if (frame.wrongType) this.typeMismatch(frame.place, span, 'array');
    else if (schema) {
      const zoho = schema['x-zoho'] ?? {};
      if (schema.minItems !== undefined && frame.count < schema.minItems) {
        this.report({
          code: zoho.minItemsCode ?? INVALID_DATA, severity: 'error', rule: 'min-items',
          message: zoho.minItemsMessage ?? `${frame.place.name} needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`,
          fixes: defaultFix(span, schema, `Add an empty ${frame.place.name} entry`),
        }, span);
      }
      for (const extra of frame.extra) {
        this.report({
          code: zoho.maxItemsCode ?? INVALID_DATA, severity: 'error', rule: 'max-items',
          message: zoho.maxItemsMessage ?? `${frame.place.name} takes at most ${schema.maxItems} entries.`,
        }, extra);
      }
    }
    this.valueDone(span);
  }

  // ---- strings, numbers, booleans, null -------------------------------------------------------------

  private literal(value: unknown, offset: number, length: number): void {
    const place = this.nextPlace();
    const span = { offset, length };
    this.valueDone(span, value);
    const schema = place.schema;
    if (!schema) return;
    const zoho = schema['x-zoho'] ?? NO_ANNOTATIONS;
    if (value === null && zoho.nullCode) {
      this.report({
        code: zoho.nullCode, severity: 'error', rule: 'null',
        message: zoho.minItemsMessage ?? `${place.name} must not be null.`,
        fixes: defaultFix(span, schema, `Add an empty ${place.name} entry`),
      }, span);
      return;
    }
    const kind = value === null ? 'null' : typeof value;
    const raw = kind === 'number' ? this.text.substr(offset, length) : undefined;
    if (!this.typeMatches(place, kind, raw)) return this.typeMismatch(place, span, kind, raw);
    if (typeof value === 'string') {
      if (typeof place.segment === 'string') this.strings.add(offset, length, schema, place.segment);
      this.string(place, schema, value, span);
    }
    else if (kind === 'number') this.number(place, schema, raw!, span);
  }

  private typeMismatch(place: Place, span: Span, kind: string, raw?: string): void {
    const expected = typesOf(place.schema!);
    const fixes: Fix[] = [];
    if (expected.includes('string') && (kind === 'number' || kind === 'boolean')) {
      const text = this.text.substr(span.offset, span.length);
      fixes.push({ title: `Write ${text} as a string: "${text}"`, edits: [{ ...span, newText: JSON.stringify(text) }], preferred: true });
    } else if (expected.includes('array') && kind === 'object') {
      fixes.push({ title: 'Put the object in an array: [ … ]', edits: [{ offset: span.offset, length: 0, newText: '[' }, { offset: span.offset + span.length, length: 0, newText: ']' }], preferred: true });
    }
    const precisionNote = kind === 'number' && expected.includes('string') && /\d{16,}/.test(raw ?? '')
      ? ' As a number it would also lose digits (JSON numbers keep about 15).' : '';
    const message = place.isRoot
      ? 'The request body must be a JSON object: {"modules": [ … ]}.'
      : `${place.name} must be ${describeTypes(expected)}, not ${describeKind(kind, raw)}.${precisionNote}`;
    this.report({ code: INVALID_DATA, severity: 'error', rule: 'type', message, fixes }, span);
  }

  /** Checks the string value of `key` on its own (the incremental re-check of an edit inside it). */
  checkString(schema: JSONSchema, key: string, value: string, span: Span): Finding[] {
    this.string(new Place(schema, DETACHED, key, span), schema, value, span);
    return this.findings;
  }

  private string(place: Place, schema: JSONSchema, value: string, span: Span): void {
    const zoho = schema['x-zoho'] ?? NO_ANNOTATIONS;
    // Built only for a finding: most strings of a large file have none.
    const shown = () => JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
    const replaceWith = (text: string) => [{ ...span, newText: JSON.stringify(text) }];
    let checkFailed = false;
    for (const check of zoho.checks ?? []) {
      const matches = schemaRegExp(check.pattern).test(value);
      if (check.mustNotMatch ? !matches : matches) continue;
      checkFailed = true;
      this.report({ code: INVALID_DATA, severity: 'error', rule: check.id, message: `${place.name} ${check.message}: ${shown()}.`, fixes: checkFix(check, value, span) }, span);
    }
    if (!zoho.checks && schema.pattern && !schemaRegExp(schema.pattern).test(value)) {
      checkFailed = true;
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'pattern', message: `${place.name} has characters Zoho does not allow: ${shown()}.` }, span);
    }
    // UTF-16 length bounds the count of characters from above: count them only when it may matter.
    const length = value.length > (schema.maxLength ?? Infinity) || value.length < 2 * (schema.minLength ?? 0) ? codePointLength(value) : value.length;
    const isApiName = place.segment === 'api_name';
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      let trimmed = sliceCodePoints(value, schema.maxLength).trimEnd();
      if (isApiName) trimmed = trimmed.replace(/[_ ]+$/, '');
      this.report({
        code: INVALID_DATA, severity: 'error', rule: 'max-length',
        message: `${place.name} is ${length} characters long; Zoho allows at most ${schema.maxLength}${zoho.characters ? ` (${zoho.characters})` : ''}.`,
        fixes: trimmed ? [{ title: `Trim to ${schema.maxLength} characters: ${JSON.stringify(trimmed)}`, edits: replaceWith(trimmed), preferred: true }] : [],
      }, span);
    }
    if (!checkFailed && schema.minLength !== undefined && length < schema.minLength) {
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'min-length', message: `${place.name} must not be empty.` }, span);
    }
    if (zoho.maxDigits !== undefined && /^\d+$/.test(value) && value.length > zoho.maxDigits) {
      this.tooManyDigits(place, value, zoho.maxDigits, span, JSON.stringify);
    }
    if (schema.enum && !schema.enum.includes(value)) {
      const values = schema.enum;
      const close = values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ?? didYouMean(value, values);
      const ordered = close ? [close, ...values.filter((candidate) => candidate !== close)] : values;
      this.report({
        code: INVALID_DATA, severity: 'error', rule: 'enum',
        message: `${JSON.stringify(value)} is not a valid ${place.name}: use ${values.map((v) => JSON.stringify(v)).join(' or ')}.`,
        fixes: ordered.map((candidate) => ({ title: `Change to "${candidate}"`, edits: replaceWith(candidate), preferred: candidate === close })),
      }, span);
    }
    const reserved = zoho.reserved;
    const word = reserved ? isReservedWord(reserved.words, value) : undefined;
    if (reserved && word) {
      const finding: Finding = {
        code: reserved.code, severity: 'error', rule: 'reserved', offset: span.offset, length: Math.max(1, span.length), fixes: [],
        message: `${JSON.stringify(value)} is a system-defined keyword ("${word}"): ${reserved.why}. Choose another ${place.name}.`,
      };
      if (this.findings.length < MAX_FINDINGS) this.findings.push(finding);
      const module = this.stack[this.stack.length - 1];
      if (isApiName && module?.kind === 'object') {
        // The suggestion uses plural_label, which may come later in the module: decide when it is read.
        (module.deferred ??= []).push(() => {
          const suggestion = suggestApiName(value, find(module, 'plural_label')?.value, reserved.words);
          if (suggestion) finding.fixes!.push({ title: `Rename to "${suggestion}"`, edits: replaceWith(suggestion), preferred: true });
        });
      }
    }
  }

  private number(place: Place, schema: JSONSchema, raw: string, span: Span): void {
    const zoho = schema['x-zoho'] ?? {};
    // Read the digits from the text: past 2^53 the parsed value has already lost some.
    if (schema.minimum !== undefined && raw.startsWith('-')) {
      this.report({ code: INVALID_DATA, severity: 'error', rule: 'minimum', message: `${place.name} must not be negative: only digits are allowed.` }, span);
      return;
    }
    if (zoho.maxDigits !== undefined && raw.length > zoho.maxDigits) this.tooManyDigits(place, raw, zoho.maxDigits, span, (digits) => digits);
  }

  private tooManyDigits(place: Place, digits: string, max: number, span: Span, write: (digits: string) => string): void {
    const kept = digits.slice(0, max);
    this.report({
      code: INVALID_DATA, severity: 'error', rule: 'max-digits',
      message: `${place.name} has ${digits.length} digits; Zoho allows at most ${max}.`,
      fixes: [{ title: `Keep the first ${max} digits: ${kept}`, edits: [{ ...span, newText: write(kept) }] }],
    }, span);
  }
}

const ROOT_ANCHOR: Span = { offset: 0, length: 1 };
/** The parent of a value re-checked alone: its messages name it by its key, as a full check does. */
const DETACHED = new Place(undefined, undefined, undefined, ROOT_ANCHOR);
const NO_ANNOTATIONS: ZohoAnnotations = {};

/** The first property of that name (module objects hold a handful: a scan beats a Map). */
function find(frame: ObjectFrame, key: string): Property | undefined {
  for (const property of frame.properties) if (property.key === key) return property;
  return undefined;
}

/** A free API name: the one derived from plural_label, else the reserved one with a suffix. */
function suggestApiName(reservedValue: string, plural: unknown, words: string[]): string | undefined {
  const candidates = [typeof plural === 'string' ? toApiName(plural) : '', toApiName(`${reservedValue}_Custom`)];
  return candidates.find((candidate) => candidate && candidate.toLowerCase() !== reservedValue.toLowerCase() && !isReservedWord(words, candidate));
}

function checkFix(check: ZohoCheck, value: string, span: Span): Fix[] {
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
  return [{ title: `${title}: ${JSON.stringify(fixed)}`, edits: [{ ...span, newText: JSON.stringify(fixed) }], preferred: true }];
}

function defaultFix(span: Span, schema: JSONSchema, title: string): Fix[] {
  if (!schema.items) return [];
  return [{ title, edits: [{ ...span, newText: `[${defaultValueText(resolve(schema.items))}]` }], preferred: true }];
}

function describeTypes(types: string[]): string {
  const words = types.map((type) => ({ string: 'a string', integer: 'a whole number', number: 'a number', object: 'an object', array: 'an array', boolean: 'true or false' }[type] ?? type));
  return words.join(' or ');
}

function describeKind(kind: string, raw?: string): string {
  switch (kind) {
    case 'number': return `the number ${raw}`;
    case 'string': return 'a string';
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'boolean': return 'true or false';
    default: return kind;
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


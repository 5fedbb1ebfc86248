/**
 * Every documented rule of Create Custom Module, driven by the schema, in the same single pass that finds
 * syntax errors: the walk's events move a stack of open objects and arrays, and each value, object and
 * array is handed to its rules (valueRules, objectRules, arrayRules) when it is complete. No tree is
 * built: a 1 MB file is checked in the time of a scan, and the tree is only built when a feature asks.
 */
import { JSONVisitor } from 'jsonc-parser';
import { ApiVersion, DEFAULT_API_VERSION } from '../apiVersion';
import { inVersion, JSONSchema, resolve, rootSchemaOf, typesOf } from '../schema';
import { Finding } from '../types';
import { checkArray, countEntry, entryDone } from './arrayRules';
import { RuleContext } from './context';
import { checkObject } from './objectRules';
import { addProperty, DETACHED, find, Frame, Place, Property, ROOT_ANCHOR, Span, UniqueEntries } from './place';
import { StringValues } from './stringValues';
import { checkNull, checkNumber, checkString, typeMismatch } from './valueRules';

/** A file that is garbage can hold millions of values; the Problems panel needs only the first ones. */
export const MAX_FINDINGS = 1000;

export class SchemaValidator implements RuleContext {
  readonly findings: Finding[] = [];
  readonly strings = new StringValues();
  private readonly stack: Frame[] = [];
  private started = false;

  /** `schema`: the request body's (the rules are the schema's; tests give small ones for the generic rules). */
  constructor(
    readonly text: string,
    readonly apiVersion: ApiVersion = DEFAULT_API_VERSION,
    readonly rootSchema: JSONSchema = rootSchemaOf('module'),
  ) {}

  /** The callbacks to pass to jsonc-parser's `visit` (or the fast walk). */
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

  report(finding: Omit<Finding, 'offset' | 'length'>, span: Span): Finding | undefined {
    if (this.findings.length >= MAX_FINDINGS) return undefined;
    const full = { ...finding, offset: span.offset, length: Math.max(1, span.length) };
    this.findings.push(full);
    return full;
  }

  /** Checks the string value of `key` on its own (the incremental re-check of an edit inside it). */
  checkString(schema: JSONSchema, key: string, value: string, span: Span): Finding[] {
    checkString(this, new Place(schema, DETACHED, key, span), schema, value, span);
    return this.findings;
  }

  // ---- where the next value sits ------------------------------------------------------------------

  /** `offset`: where the value starts; an entry of a list (a field among fifty) is where its own problems go. */
  private nextPlace(offset?: number): Place {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.started) return new Place(undefined, undefined, undefined, ROOT_ANCHOR);
      this.started = true;
      return new Place(resolve(this.rootSchema), undefined, undefined, ROOT_ANCHOR);
    }
    if (top.kind === 'array') {
      const anchor = offset === undefined ? top.place.anchor : { offset, length: 1 };
      return new Place(top.items, top.place, top.count++, anchor);
    }
    const property = top.properties[top.properties.length - 1];
    if (!property || property.valueSpan) return new Place(undefined, top.place, 'value', top.place.anchor);
    const propertySchema = top.place.schema?.properties?.[property.key];
    const usable =
      propertySchema && !top.wrongType && !property.duplicate && inVersion(propertySchema, this.apiVersion);
    return new Place(usable ? resolve(propertySchema) : undefined, top.place, property.key, property);
  }

  /** Tells the enclosing object or array that one of its values is complete (an object with its properties). */
  private valueDone(span: Span, value?: unknown, properties?: Property[]): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) return;
    if (top.kind === 'object') {
      const property = top.properties[top.properties.length - 1];
      if (property && !property.valueSpan) {
        property.valueSpan = span;
        property.value = value;
        property.end = span.offset + span.length;
      }
      return;
    }
    if (top.unique) entryDone(top, span, properties);
    const limits = top.place.schema?.['x-zoho']?.entryLimits;
    if (limits && properties) countEntry(this, top, limits, properties);
    if (top.place.schema?.maxItems !== undefined && top.count > top.place.schema.maxItems) top.extra.push(span);
  }

  private typeMatches(place: Place, kind: string, raw?: string): boolean {
    const types = place.schema ? typesOf(place.schema) : [];
    if (!place.schema || types.length === 0) return true;
    if (kind === 'number') return types.includes('number') || (types.includes('integer') && /^-?\d+$/.test(raw ?? ''));
    return types.includes(kind);
  }

  // ---- the walk's events ----------------------------------------------------------------------------

  private objectBegin(offset: number): void {
    const place = this.nextPlace(offset);
    this.stack.push({ kind: 'object', place, offset, wrongType: !this.typeMatches(place, 'object'), properties: [] });
  }

  private property(key: string, offset: number, length: number): void {
    const frame = this.stack[this.stack.length - 1];
    if (frame?.kind !== 'object') return;
    const schema = frame.place.schema;
    const property: Property = {
      key,
      offset,
      length,
      end: offset + length,
      duplicate: find(frame, key) !== undefined,
      // A key of a later API version is unknown to this one (its rule says which version brought it).
      unknown:
        !!schema &&
        !frame.wrongType &&
        (!schema.properties?.[key] || !inVersion(schema.properties[key], this.apiVersion)) &&
        schema.additionalProperties === false,
    };
    addProperty(frame, property);
  }

  private objectEnd(end: number): void {
    const frame = this.stack.pop();
    if (frame?.kind !== 'object') return;
    const span = { offset: frame.offset, length: end - frame.offset };
    if (frame.wrongType) typeMismatch(this, frame.place, span, 'object');
    else if (frame.place.schema) checkObject(this, frame, span);
    this.valueDone(span, undefined, frame.properties);
  }

  private arrayBegin(offset: number): void {
    const place = this.nextPlace();
    const wrongType = !this.typeMatches(place, 'array');
    const items = place.schema?.items && !wrongType ? resolve(place.schema.items) : undefined;
    this.stack.push({
      kind: 'array',
      place,
      offset,
      wrongType,
      count: 0,
      extra: [],
      items,
      unique:
        (place.schema?.uniqueItems || place.schema?.['x-zoho']?.uniqueBy) && !wrongType
          ? new UniqueEntries(offset)
          : undefined,
    });
  }

  private arrayEnd(end: number): void {
    const frame = this.stack.pop();
    if (frame?.kind !== 'array') return;
    const span = { offset: frame.offset, length: end - frame.offset };
    if (frame.wrongType) typeMismatch(this, frame.place, span, 'array');
    else if (frame.place.schema) checkArray(this, frame, span);
    this.valueDone(span);
  }

  private literal(value: unknown, offset: number, length: number): void {
    const place = this.nextPlace();
    const span = { offset, length };
    this.valueDone(span, value);
    const schema = place.schema;
    if (!schema) return;
    if (value === null && checkNull(this, place, schema, span)) return;
    const kind = value === null ? 'null' : typeof value;
    const raw = kind === 'number' ? this.text.substr(offset, length) : undefined;
    if (!this.typeMatches(place, kind, raw)) return typeMismatch(this, place, span, kind, raw);
    if (typeof value === 'string') {
      if (typeof place.segment === 'string') this.strings.add(offset, length, schema, place.segment);
      checkString(this, place, schema, value, span, this.stack[this.stack.length - 1]);
    } else if (kind === 'number') checkNumber(this, place, schema, raw!, span);
  }
}

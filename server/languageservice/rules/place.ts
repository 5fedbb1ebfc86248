/**
 * Where the walk is: the value about to be read (a Place) and the open objects and arrays (frames).
 * Names are derived only when a finding needs them: a 1 MB file has tens of thousands of values.
 */
import { JSONSchema } from '../schema';

export interface Span {
  offset: number;
  length: number;
}

export class Place {
  constructor(
    /** Undefined where the schema knows nothing (unknown keys, duplicates, inside a wrong type). */
    readonly schema: JSONSchema | undefined,
    readonly parent: Place | undefined,
    readonly segment: string | number | undefined,
    /** Where a missing key is reported: the key of this value, or of the nearest enclosing property. */
    readonly anchor: Span,
  ) {}

  get isRoot(): boolean {
    return this.parent === undefined;
  }

  /** How messages name this value: `plural_label`, `profiles[0]`. */
  get name(): string {
    if (this.parent === undefined) return 'The body';
    return typeof this.segment === 'number' ? `${this.parent.name}[${this.segment}]` : String(this.segment);
  }
}

export const ROOT_ANCHOR: Span = { offset: 0, length: 1 };
/** The parent of a value re-checked alone: its messages name it by its key, as a full check does. */
export const DETACHED = new Place(undefined, undefined, undefined, ROOT_ANCHOR);

export interface Property extends Span {
  key: string;
  /** End of the property (its value's end), once the value is read. */
  end: number;
  value?: unknown;
  valueSpan?: Span;
  duplicate: boolean;
  unknown: boolean;
}

export interface ObjectFrame {
  kind: 'object';
  place: Place;
  offset: number;
  wrongType: boolean;
  properties: Property[];
  /** Checks that need the whole object (a value's fix that reads a later key), run when it closes. */
  deferred?: (() => void)[];
  /** The keys by name, once the object has more than a handful (see find). */
  index?: Map<string, Property>;
}

export interface ArrayFrame {
  kind: 'array';
  place: Place;
  offset: number;
  wrongType: boolean;
  count: number;
  /** Entries past maxItems. */
  extra: Span[];
  items: JSONSchema | undefined;
  /** Where the entries' identities are, when a rule compares them (uniqueItems, or x-zoho.uniqueBy). */
  unique?: UniqueEntries;
  /** How many entries count towards each of the list's limits so far (x-zoho.entryLimits). */
  limitCounts?: Map<object, number>;
}

/**
 * The entries of an array whose entries must differ, as numbers only: where each entry's identity (its
 * `uniqueBy` value, or itself) is in the text, and what removing the entry would take. No object or
 * string is kept per entry, so a list of 30,000 profiles costs the garbage collector nothing; the
 * comparison happens once, when the array ends (see arrayRules).
 */
export class UniqueEntries {
  count = 0;
  /** Per entry: identity offset, identity length, remove-from, remove-to. */
  spans = new Int32Array(64);
  /** Where the previous entry ended: a repeat is removed from there, with its comma. */
  previousEnd: number;

  constructor(arrayOffset: number) {
    this.previousEnd = arrayOffset + 1;
  }

  add(identity: Span, entryEnd: number): void {
    if ((this.count + 1) * 4 > this.spans.length) {
      const bigger = new Int32Array(this.spans.length * 2);
      bigger.set(this.spans);
      this.spans = bigger;
    }
    const at = this.count++ * 4;
    this.spans[at] = identity.offset;
    this.spans[at + 1] = identity.length;
    this.spans[at + 2] = this.previousEnd;
    this.spans[at + 3] = entryEnd;
    this.previousEnd = entryEnd;
  }
}

export type Frame = ObjectFrame | ArrayFrame;

/** Past this many keys an object gets an index: scanning would make a huge object quadratic. */
const INDEX_FROM = 16;

/** The first property of that name. Module objects hold a handful, where a scan beats a Map. */
export function find(frame: ObjectFrame, key: string): Property | undefined {
  if (frame.index) return frame.index.get(key);
  for (const property of frame.properties) if (property.key === key) return property;
  return undefined;
}

/** Adds a property to its object, indexing the keys once there are many. */
export function addProperty(frame: ObjectFrame, property: Property): void {
  frame.properties.push(property);
  if (frame.index) {
    if (!frame.index.has(property.key)) frame.index.set(property.key, property);
  } else if (frame.properties.length > INDEX_FROM) {
    frame.index = new Map();
    for (const known of frame.properties) if (!frame.index.has(known.key)) frame.index.set(known.key, known);
  }
}

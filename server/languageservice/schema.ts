/**
 * Reads the schemas (schemas/crm-module.schema.json, schemas/crm-fields.schema.json), the one source of key
 * names, types, limits and descriptions, one per kind of file.
 */
import moduleSchema from '../../schemas/crm-module.schema.json';
import fieldsSchema from '../../schemas/crm-fields.schema.json';
import { ApiVersion, isAtLeast } from './apiVersion';
import { DocumentKind } from './documentKind';

/** A rule on a string value: its id, the pattern it must (or must not) match, its message and its fix. */
export interface ZohoCheck {
  id: string;
  pattern: string;
  mustNotMatch?: boolean;
  message: string;
  fix?: ZohoFixSpec;
}

/** A quick fix as data: replacements applied in order; offered when the result differs (and is allowed). */
export interface ZohoFixSpec {
  title: string;
  /** [pattern, replacement] pairs; each pattern replaces every match (flags `gu`). */
  replace: [string, string][];
  /** The fixed value must match this, or no fix is offered. */
  onlyIf?: string;
  /** Offer the fix even when it leaves the value empty. */
  allowEmpty?: boolean;
}

/**
 * Rules an object follows according to one of its values (a field's data_type): per case, the keys it needs,
 * one of which it needs, which may not go together, the range of its length key, and its own keys besides the
 * common ones (when listed: others get a warning).
 */
export interface ZohoVariants {
  key: string;
  /** How messages name the object: "A picklist field needs …". */
  noun: string;
  commonKeys?: string[];
  lengthKey?: string;
  requiresCode?: string;
  /** The code of a key missing inside another (a lookup field's lookup without its module). */
  requiresInsideCode?: string;
  oneOfCode?: string;
  notTogetherCode?: string;
  lengthCode?: string;
  keysCode?: string;
  cases: Record<
    string,
    {
      requires?: string[];
      /** Keys an object-valued key must hold in this case only (a userlookup's lookup needs no module). */
      requiresInside?: Record<string, string[]>;
      oneOf?: string[];
      notTogether?: string[];
      length?: [number, number];
      keys?: string[];
    }
  >;
}

/** At most `max` entries of a list may have `key` (set, and not false), or `key` equal to `value`. */
export interface EntryLimit {
  key: string;
  value?: string;
  max: number;
  code: string;
  message: string;
}

export interface ZohoAnnotations {
  variants?: ZohoVariants;
  entryLimits?: EntryLimit[];
  /** The key Zoho derives this value from when it is left out (api_name from plural_label); rules and completion read it. */
  derivedFrom?: string;
  requiredCode?: string;
  minItemsCode?: string;
  minItemsMessage?: string;
  maxItemsCode?: string;
  maxItemsMessage?: string;
  nullCode?: string;
  anyOfCode?: string;
  anyOfMessage?: string;
  thenCode?: string;
  thenMessage?: string;
  characters?: string;
  maxDigits?: number;
  checks?: ZohoCheck[];
  reserved?: { code: string; why: string; words: string[] };
  enumDescriptions?: string[];
  /** Names people use for a value that Zoho spells otherwise ("decimal" for double): the fix and "did you mean". */
  enumAliases?: Record<string, string>;
  /**
   * Entries must differ in this key of theirs (profiles: the id). Not JSON Schema's uniqueItems, which
   * compares whole entries (and costs plain validators quadratic time on long lists).
   */
  uniqueBy?: string;
  uniqueCode?: string;
  uniqueMessage?: string;
  /** Where Zoho's OpenAPI spec says otherwise than the doc pages (which this extension follows), in words. */
  specDiffers?: string;
  /** The API version that brought this key (access_type: 8); older versions do not know it. */
  since?: number;
  /** A mandatory key that must be left out when another key has a value (profiles of a team-based module). */
  requiredUnless?: Record<string, { key: string; value: string; code: string; message: string }>;
}

export interface JSONSchema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  required?: string[];
  additionalProperties?: boolean;
  properties?: Record<string, JSONSchema>;
  items?: JSONSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: string[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  anyOf?: JSONSchema[];
  if?: JSONSchema;
  then?: JSONSchema;
  definitions?: Record<string, JSONSchema>;
  'x-zoho'?: ZohoAnnotations;
}

const ROOTS: Record<DocumentKind, JSONSchema> = {
  module: moduleSchema as unknown as JSONSchema,
  fields: fieldsSchema as unknown as JSONSchema,
};

/** The request body's schema for a kind of file. */
export function rootSchemaOf(kind: DocumentKind): JSONSchema {
  return ROOTS[kind];
}

/** The schema each `$ref` is read in: its own file's definitions. */
const refRoots = new WeakMap<JSONSchema, JSONSchema>();
for (const root of Object.values(ROOTS))
  eachSchema(root, (schema) => {
    if (schema.$ref) refRoots.set(schema, root);
  });

/** Whether `schema` (a key's) exists in this API version. */
export function inVersion(schema: JSONSchema | undefined, version: ApiVersion): boolean {
  return isAtLeast(version, schema?.['x-zoho']?.since ?? 0);
}

const resolved = new WeakMap<JSONSchema, JSONSchema>();

/** Follows a local `$ref`; keys written beside the `$ref` (such as a description) win over the target's. */
export function resolve(schema: JSONSchema): JSONSchema {
  const cached = resolved.get(schema);
  if (cached) return cached;
  let result = schema;
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/definitions\//, '');
    const target = (refRoots.get(schema) ?? ROOTS.module).definitions?.[name];
    if (!target) throw new Error(`schema: unknown $ref ${schema.$ref}`);
    const { $ref: _ignored, ...local } = schema;
    result = { ...resolve(target), ...local };
  }
  resolved.set(schema, result);
  return result;
}

export type JSONPath = (string | number)[];

/** The schema that describes the value at `path` of a `kind` file, or undefined where it knows no such place. */
export function schemaAtPath(path: JSONPath, kind: DocumentKind): JSONSchema | undefined {
  let current: JSONSchema | undefined = resolve(ROOTS[kind]);
  for (const segment of path) {
    if (!current) return undefined;
    if (typeof segment === 'number') {
      current = current.items ? resolve(current.items) : undefined;
    } else {
      const next: JSONSchema | undefined = current.properties?.[segment];
      current = next ? resolve(next) : undefined;
    }
  }
  return current;
}

/** Every schema in the tree under `schema` (its properties, definitions and items), each once per place. */
function eachSchema(schema: JSONSchema | undefined, visit: (schema: JSONSchema) => void): void {
  if (!schema) return;
  visit(schema);
  for (const child of [
    ...Object.values(schema.properties ?? {}),
    ...Object.values(schema.definitions ?? {}),
    schema.items,
  ])
    eachSchema(child, visit);
}

/** Every schema of every kind of file: what one kind's rules read, the incremental re-check assumes for all. */
function eachSchemaOfAll(visit: (schema: JSONSchema) => void): void {
  for (const root of Object.values(ROOTS)) eachSchema(root, visit);
}

/**
 * Keys whose string values other rules read, so that an edit inside one cannot be re-checked alone (see
 * incremental.ts): the keys an `if` tests, the keys entries are compared by, and a key derived from another
 * (`x-zoho.derivedFrom`: a reserved api_name's fix is derived from plural_label and checked against the
 * reserved words).
 */
export const KEYS_READ_BY_OTHER_RULES: ReadonlySet<string> = (() => {
  const keys = new Set<string>();
  eachSchemaOfAll((schema) => {
    for (const [key, property] of Object.entries(schema.properties ?? {}))
      if (property['x-zoho']?.derivedFrom) keys.add(key);
    for (const key of schema.if?.required ?? []) keys.add(key);
    if (schema['x-zoho']?.variants) keys.add(schema['x-zoho'].variants.key);
    if (schema['x-zoho']?.uniqueBy) keys.add(schema['x-zoho'].uniqueBy);
    for (const condition of Object.values(schema['x-zoho']?.requiredUnless ?? {})) keys.add(condition.key);
  });
  return keys;
})();

/** The keys other keys are derived from (`x-zoho.derivedFrom`): plural_label, which api_name's fix reads. */
export const DERIVATION_SOURCES: ReadonlySet<string> = (() => {
  const keys = new Set<string>();
  eachSchemaOfAll((schema) => {
    for (const property of Object.values(schema.properties ?? {})) {
      const source = property['x-zoho']?.derivedFrom;
      if (source) keys.add(source);
    }
  });
  return keys;
})();

const typeLists = new WeakMap<JSONSchema, string[]>();
export function typesOf(schema: JSONSchema): string[] {
  let types = typeLists.get(schema);
  if (!types) {
    types = !schema.type ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
    typeLists.set(schema, types);
  }
  return types;
}

const regexCache = new Map<string, RegExp>();
let lastPattern = '';
let lastRegExp: RegExp | undefined;
/** Schema patterns use Unicode classes (\p{L}), so they are compiled with the `u` flag. */
export function schemaRegExp(pattern: string): RegExp {
  // A large file checks the same key thousands of times in a row: remember the last one.
  if (pattern === lastPattern && lastRegExp) return lastRegExp;
  let re = regexCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    regexCache.set(pattern, re);
  }
  lastPattern = pattern;
  lastRegExp = re;
  return re;
}

const replacementCache = new Map<string, RegExp>();
/** A schema pattern for String.replace: every match (`gu`). replace() resets lastIndex, so one can be shared. */
export function schemaReplacement(pattern: string): RegExp {
  let re = replacementCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'gu');
    replacementCache.set(pattern, re);
  }
  return re;
}

const foldedWords = new WeakMap<string[], Map<string, string>>();
export function isReservedWord(words: string[], value: string): string | undefined {
  let folded = foldedWords.get(words);
  if (!folded) {
    folded = new Map(words.map((word) => [foldForReserved(word), word]));
    foldedWords.set(words, folded);
  }
  return folded.get(foldForReserved(value));
}

/** Reserved words match without regard to case or to runs of spaces around and between words. */
function foldForReserved(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

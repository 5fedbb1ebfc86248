/**
 * What an org answers, in a file's shape: only the keys the file's schema knows (in this API version and, for
 * an object with variants such as a field's data_type, the keys its case allows), in the schema's order,
 * without nulls, empty objects and lists, or values equal to the schema's default. Pull writes what this
 * returns, so a pulled file lints clean and a hostile answer's own keys never reach a user's files; Compare
 * reads both sides through it, so only differences a file can express are shown.
 */
import { ApiVersion } from './apiVersion';
import { DocumentKind } from './documentKind';
import { inVersion, JSONPath, JSONSchema, resolve, schemaAtPath, typesOf } from './schema';

/** The value at `path` of a `kind` file, shaped by its schema; undefined when nothing of it belongs there. */
export function shapedLike(value: unknown, path: JSONPath, kind: DocumentKind, version: ApiVersion): unknown {
  const schema = schemaAtPath(path, kind);
  return schema ? shape(value, schema, version) : undefined;
}

function shape(value: unknown, schema: JSONSchema, version: ApiVersion): unknown {
  if (value === null || value === undefined) return undefined;
  const types = typesOf(schema);
  const allows = (type: string) => types.length === 0 || types.includes(type);
  if (Array.isArray(value)) {
    if (!schema.items || !allows('array')) return undefined;
    const items = resolve(schema.items);
    const kept = value.map((item) => shape(item, items, version)).filter((item) => item !== undefined);
    return kept.length ? kept : undefined;
  }
  if (typeof value === 'object') {
    if (!schema.properties || !allows('object')) return undefined;
    const record = value as Record<string, unknown>;
    const allowed = allowedKeys(schema, record);
    const kept: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!(key in record) || (allowed && !allowed.has(key))) continue;
      const child = resolve(property);
      if (!inVersion(child, version)) continue;
      const shaped = shape(record[key], child, version);
      if (shaped === undefined || (child.default !== undefined && sameJson(shaped, child.default))) continue;
      kept[key] = shaped;
    }
    return Object.keys(kept).length ? kept : undefined;
  }
  if (typeof value === 'string') return allows('string') ? value : undefined;
  if (typeof value === 'boolean') return allows('boolean') ? value : undefined;
  if (typeof value === 'number')
    return allows('number') || (Number.isInteger(value) && allows('integer')) ? value : undefined;
  return undefined;
}

/** A variant case's keys (with the common ones and the variant key), or undefined when any schema key goes. */
function allowedKeys(schema: JSONSchema, record: Record<string, unknown>): Set<string> | undefined {
  const variants = schema['x-zoho']?.variants;
  if (!variants) return undefined;
  const chosen = record[variants.key];
  const keys = typeof chosen === 'string' ? variants.cases[chosen]?.keys : undefined;
  return keys && new Set([...(variants.commonKeys ?? []), variants.key, ...keys]);
}

/** Whether two JSON values are the same (key order aside). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameJson(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length && keys.every((key) => key in right && sameJson(left[key], right[key]))
  );
}

/**
 * What a new value looks like, from the schema: the JSON that "add the missing key" fixes insert, and the
 * same shape as a snippet (with tab stops at each place to fill) for completions.
 */
import { escapeSnippet } from './safeText';
import { JSONSchema, resolve, typesOf } from './schema';

/** A schema default, or the smallest valid shape (mandatory keys included). */
export function defaultValueText(schema: JSONSchema): string {
  return template(schema, undefined);
}

/** The same value as a snippet: `$1`, `${2:0}`, `"${3|a,b|}"` where the user fills it in. */
export function defaultValueSnippet(schema: JSONSchema): string {
  return template(schema, { next: 1 });
}

function template(schemaRef: JSONSchema, stops: { next: number } | undefined): string {
  const schema = resolve(schemaRef);
  const stop = (fallback: string) =>
    !stops ? fallback : fallback ? `\${${stops.next++}:${fallback}}` : `$${stops.next++}`;
  if (stops && schema.enum) return `"\${${stops.next++}|${schema.enum.join(',')}|}"`;
  // Without a default, an enum's first value: a fix leaves a valid value (the snippet offers the choice).
  if (!stops && schema.enum && schema.default === undefined) return JSON.stringify(schema.enum[0]);
  if (schema.default !== undefined) {
    const text = JSON.stringify(schema.default);
    return typeof schema.default === 'string' && stops ? `"${stop(escapeSnippet(schema.default))}"` : text;
  }
  switch (typesOf(schema)[0]) {
    case 'array':
      return `[${schema.items ? template(schema.items, stops) : stop('')}]`;
    case 'object': {
      const members = (schema.required ?? []).map(
        (key) => `${JSON.stringify(key)}: ${template(schema.properties![key], stops)}`,
      );
      return members.length ? `{ ${members.join(', ')} }` : stops ? `{ ${stop('')} }` : '{}';
    }
    case 'integer':
    case 'number':
      return stop('0');
    case 'boolean':
      return stop('false');
    default:
      return `"${stop('')}"`;
  }
}

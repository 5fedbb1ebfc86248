/**
 * Zoho's answers checked at the edge: each field the code reads has the type Zoho documents, or the
 * answer is refused with a sentence naming the field and what came instead. Past this file, the code
 * may trust the types (no `.replace is not a function` from a number where a name goes).
 */
import { ZohoError } from './errors';

/** A module's api_name as it may reach a URL path or a file name: Zoho's characters, no `.`, `..`, `/` or NUL. */
const PLAIN_API_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_ ]{0,98}[A-Za-z0-9_])?$/;

export function isPlainApiName(value: unknown): value is string {
  return typeof value === 'string' && PLAIN_API_NAME.test(value);
}

/** What was found, short enough for a message: `a number (42)`, `null`, `nothing`, `a string of 5,000 characters`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string')
    return value.length > 40 ? `a string of ${value.length.toLocaleString('en-US')} characters` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} (${String(value).slice(0, 40)})`;
}

/** Reads one answer's fields; every failure names the answer (`what`) and the field's path in it. */
export class AnswerReader {
  constructor(private readonly what: string) {}

  fail(path: string, expected: string, value: unknown): never {
    throw new ZohoError(
      `${this.what}: Zoho's answer has ${describeValue(value)} for ${path}, where its documentation shows ${expected}. Nothing was changed; if this persists, a proxy or a changed API may be in the way.`,
      'answer',
    );
  }

  record(value: unknown, path: string): Record<string, unknown> {
    if (!value || typeof value !== 'object' || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  list(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'a list', value);
    return value;
  }

  /** A Zoho id: digits, sent as a string (older answers: a number). */
  id(value: unknown, path: string): string {
    if (typeof value === 'string' && /^\d{1,30}$/.test(value)) return value;
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
    return this.fail(path, 'an id of digits', value);
  }

  text(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  /** Missing and null both read as absent. */
  optionalText(value: unknown, path: string): string | undefined {
    return value === undefined || value === null ? undefined : this.text(value, path);
  }

  apiName(value: unknown, path: string): string {
    if (!isPlainApiName(value)) this.fail(path, 'an API name (letters, digits, underscores, spaces)', value);
    return value;
  }
}

/**
 * A Zoho answer in one short line for the log: its size, what it holds (lists counted, short values shown)
 * and its first error. A whole answer on one line buried the status; the full body goes to the trace level.
 */
import { oneLine } from '@crm/languageservice';

const SHOWN_KEYS = 4;
const SHOWN_VALUE = 60;

export function summariseAnswer(text: string, body: unknown): string {
  if (!text) return '(empty)';
  const size = `${Buffer.byteLength(text)} bytes`;
  if (body === undefined) return `(not JSON, ${size})`;
  if (Array.isArray(body)) return `a list of ${body.length} (${size})`;
  if (!body || typeof body !== 'object') return `${oneLine(text, SHOWN_VALUE)} (${size})`;
  const entries = Object.entries(body as Record<string, unknown>);
  const parts = entries.slice(0, SHOWN_KEYS).map(([key, value]) => {
    if (Array.isArray(value)) return `${key}: ${value.length}`;
    if (value === null || typeof value !== 'object') return `${key}: ${oneLine(String(value), SHOWN_VALUE)}`;
    return key;
  });
  if (entries.length > SHOWN_KEYS) parts.push(`${entries.length - SHOWN_KEYS} more`);
  const first = firstEntryWithCode(entries.map(([, value]) => value));
  const outcome = first
    ? `; first ${oneLine(String(first.code), SHOWN_VALUE)}: ${oneLine(String(first.message ?? ''), SHOWN_VALUE)}`
    : '';
  return `${parts.join(', ')}${outcome} (${size})`;
}

/** The first `{code, message}` inside a list (`modules[0]` of a create or update answer). */
function firstEntryWithCode(values: unknown[]): { code: unknown; message?: unknown } | undefined {
  for (const value of values) {
    if (!Array.isArray(value)) continue;
    const entry = value[0] as { code?: unknown; message?: unknown } | undefined;
    if (entry && typeof entry === 'object' && entry.code !== undefined)
      return { code: entry.code, message: entry.message };
  }
  return undefined;
}

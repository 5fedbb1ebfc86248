/** What a key is, in markdown: shared by hovers and completion documentation. */
import { ApiVersion, createModulePage, DEFAULT_API_VERSION } from './apiVersion';
import { JSONSchema, resolve, typesOf } from './schema';

/**
 * `apiVersion`: the version the file is checked for; links go to its page. The full text is the completion's
 * documentation (a pane that scrolls); `brief` is the hover's: VS Code caps a hover at 250 px with the
 * problem and its "Quick Fix…" row above ours, so it keeps what a key is and its main limits on one line.
 */
export function describeKey(
  key: string,
  schemaRef: JSONSchema,
  mandatory: boolean,
  apiVersion: ApiVersion = DEFAULT_API_VERSION,
  brief = false,
): string {
  const schema = resolve(schemaRef);
  const zoho = schema['x-zoho'] ?? {};
  const types = typesOf(schema).join(' or ') || 'any';
  const title = `**${key}** · \`${types}\` · ${mandatory ? 'mandatory' : 'optional'}`;
  const lines: string[] = [brief && zoho.since ? `${title} · API v${zoho.since} and later` : title];
  if (schema.description) lines.push('', schema.description);
  if (zoho.since && !brief) lines.push('', `Zoho CRM API v${zoho.since} and later (setting \`zohoCrm.apiVersion\`).`);
  if (brief) {
    const main = briefLimits(schema, apiVersion);
    if (main.length) lines.push('', `${main.join(' · ')}.`);
    return lines.join('\n');
  }
  const limits: string[] = [];
  if (schema.maxLength !== undefined)
    limits.push(
      `At most ${schema.maxLength} characters${typesOf(schema).includes('string') ? ', spaces included' : ''}.`,
    );
  if (zoho.maxDigits !== undefined) limits.push(`At most ${zoho.maxDigits} digit${zoho.maxDigits === 1 ? '' : 's'}.`);
  if (schema.maximum !== undefined) limits.push(`${schema.minimum ?? 0} to ${schema.maximum}.`);
  // Said once: a check that already forbids empty values makes the generic line redundant.
  if (schema.minLength && !(zoho.checks ?? []).some((check) => /empty/.test(check.message)))
    limits.push('Must not be empty.');
  if (zoho.characters) limits.push(`Allowed: ${zoho.characters}.`);
  for (const check of zoho.checks ?? []) {
    if (/^must/.test(check.message)) limits.push(`${capitalise(escapeMarkdown(check.message))}.`);
  }
  if (schema.minItems) limits.push(`At least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`);
  if (schema.maxItems) limits.push(`At most ${schema.maxItems} entr${schema.maxItems === 1 ? 'y' : 'ies'}.`);
  if (schema.enum)
    limits.push(
      `One of: ${schema.enum.map((value) => `\`${value}\``).join(', ')}${schema.default !== undefined ? ` (default \`${schema.default}\`)` : ''}.`,
    );
  if (schema.required?.length) limits.push(`Needs: ${schema.required.map((name) => `\`${name}\``).join(', ')}.`);
  if (zoho.anyOfMessage) limits.push(zoho.anyOfMessage);
  if (zoho.thenMessage) limits.push(capitalise(zoho.thenMessage));
  if (zoho.reserved)
    limits.push(
      `Not a word ${zoho.reserved.why} (\`${zoho.reserved.code}\`): ${shortList(zoho.reserved.words, createModulePage(apiVersion))}.`,
    );
  if (limits.length) lines.push('', ...limits.map((limit) => `- ${limit}`));
  if (zoho.specDiffers) lines.push('', `_${zoho.specDiffers}_`);
  return lines.join('\n');
}

/** The limits a hover keeps: length, characters, values, reserved words (as a link to Zoho's list). */
function briefLimits(schema: JSONSchema, apiVersion: ApiVersion): string[] {
  const zoho = schema['x-zoho'] ?? {};
  const limits: string[] = [];
  if (schema.maxLength !== undefined) limits.push(`At most ${schema.maxLength} characters`);
  if (zoho.maxDigits !== undefined) limits.push(`At most ${zoho.maxDigits} digit${zoho.maxDigits === 1 ? '' : 's'}`);
  if (schema.maximum !== undefined) limits.push(`${schema.minimum ?? 0} to ${schema.maximum}`);
  if (zoho.characters) limits.push(zoho.characters.replace(/ \(.*\)$/, ''));
  // A long list (25 data types) would fill the hover: the completion lists it.
  if (schema.enum)
    limits.push(
      schema.enum.length > MAX_VALUES_SHOWN
        ? `One of ${schema.enum.length} values (Ctrl+Space lists them)`
        : `One of ${schema.enum.map((value) => `\`${value}\``).join(', ')}`,
    );
  if (zoho.reserved) limits.push(`[Reserved words](${createModulePage(apiVersion)}) refused`);
  return limits.map((limit, index) => (index === 0 ? capitalise(limit) : limit));
}

const MAX_VALUES_SHOWN = 6;

/** The first few of a long list, and how many more (the full list is on Zoho's page, linked). */
export const RESERVED_SHOWN = 5;

function shortList(words: string[], page: string): string {
  if (words.length <= RESERVED_SHOWN + 1) return words.join(', ');
  return `${words.slice(0, RESERVED_SHOWN).join(', ')} … [${words.length - RESERVED_SHOWN} more](${page})`;
}

/** `__` in a rule's words is two underscores, shown as code: not emphasis, and not lost on the baseline. */
function escapeMarkdown(text: string): string {
  return text.replace(/([_*]{2,})/g, '`$1`');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

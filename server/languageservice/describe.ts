/** What a key is, in markdown: shared by hovers and completion documentation. */
import { ApiVersion, createModulePage, DEFAULT_API_VERSION } from './apiVersion';
import { JSONSchema, resolve, typesOf } from './schema';

/** `apiVersion`: the version the file is checked for; links go to its page. */
export function describeKey(
  key: string,
  schemaRef: JSONSchema,
  mandatory: boolean,
  apiVersion: ApiVersion = DEFAULT_API_VERSION,
): string {
  const schema = resolve(schemaRef);
  const zoho = schema['x-zoho'] ?? {};
  const types = typesOf(schema).join(' or ') || 'any';
  const lines: string[] = [`**${key}** · \`${types}\` · ${mandatory ? 'mandatory' : 'optional'}`];
  if (schema.description) lines.push('', schema.description);
  if (zoho.since) lines.push('', `Zoho CRM API v${zoho.since} and later (setting \`zohoCrm.apiVersion\`).`);
  const limits: string[] = [];
  if (schema.maxLength !== undefined)
    limits.push(
      `At most ${schema.maxLength} characters${typesOf(schema).includes('string') ? ', spaces included' : ''}.`,
    );
  if (zoho.maxDigits !== undefined) limits.push(`At most ${zoho.maxDigits} digits.`);
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

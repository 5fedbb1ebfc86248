/**
 * Fixes written in the schema: a check's `fix` (`x-zoho.checks[].fix`) is a list of replacements, so a
 * new check and its fix are one schema entry; nothing here names a check.
 */
import { defaultValueSnippet, defaultValueText } from '../defaults';
import { isReservedWord, JSONSchema, resolve, schemaRegExp, schemaReplacement, ZohoCheck } from '../schema';
import { toApiName } from '../edits';
import { Fix } from '../types';
import { Span } from './place';

/** The check's fix applied to `value`, when it changes the value into something worth offering. */
export function checkFix(check: ZohoCheck, value: string, span: Span): Fix[] {
  const spec = check.fix;
  if (!spec) return [];
  let fixed = value;
  for (const [pattern, replacement] of spec.replace) fixed = fixed.replace(schemaReplacement(pattern), replacement);
  if (fixed === value || (fixed === '' && !spec.allowEmpty)) return [];
  if (spec.onlyIf && !schemaRegExp(spec.onlyIf).test(fixed)) return [];
  return [
    {
      title: `${spec.title}: ${JSON.stringify(fixed)}`,
      edits: [{ ...span, newText: JSON.stringify(fixed) }],
      preferred: true,
    },
  ];
}

/** Replace an empty or null list by one with a default entry. */
export function defaultEntryFix(span: Span, schema: JSONSchema, title: string): Fix[] {
  if (!schema.items) return [];
  const entry = resolve(schema.items);
  const snippet = defaultValueSnippet(entry);
  return [
    {
      title,
      edits: [{ ...span, newText: `[${defaultValueText(entry)}]`, snippet: `[${snippet}]` }],
      preferred: true,
      // The cursor lands in an empty value ({ "id": "" }): its list (the org's profiles) opens there.
      then: /^\{ "[^"]+": "\$1"/.test(snippet) ? { kind: 'suggest' } : undefined,
    },
  ];
}

/** A free API name for a reserved one: the one derived from plural_label, else the reserved one with a suffix. */
export function suggestApiName(reservedValue: string, plural: unknown, words: string[]): string | undefined {
  const candidates = [typeof plural === 'string' ? toApiName(plural) : '', toApiName(`${reservedValue}_Custom`)];
  return candidates.find(
    (candidate) =>
      candidate && candidate.toLowerCase() !== reservedValue.toLowerCase() && !isReservedWord(words, candidate),
  );
}

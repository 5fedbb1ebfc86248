/**
 * The rules a single value answers to: its type, and for strings the schema's checks (each with its fix),
 * pattern, length, digits, allowed values and reserved words; for numbers sign and digits; null where
 * Zoho names a code for it.
 */
import { codePointLength, didYouMean, sliceCodePoints } from '../edits';
import { isReservedWord, JSONSchema, schemaRegExp, typesOf, ZohoAnnotations } from '../schema';
import { Finding, Fix } from '../types';
import { annotationsOf, INVALID_DATA, RuleContext } from './context';
import { describeKind, describeTypes, quoteValue } from './messages';
import { find, Frame, Place, Span } from './place';
import { checkFix, defaultEntryFix, suggestApiName } from './schemaFixes';

/** Null where the schema names Zoho's code for it (an empty profiles list): true when reported. */
export function checkNull(context: RuleContext, place: Place, schema: JSONSchema, span: Span): boolean {
  const zoho = annotationsOf(schema);
  if (!zoho.nullCode) return false;
  context.report(
    {
      code: zoho.nullCode,
      severity: 'error',
      rule: 'null',
      message: zoho.minItemsMessage ?? `${place.name} must not be null.`,
      fixes: defaultEntryFix(span, schema, `Add an empty ${place.name} entry`),
    },
    span,
  );
  return true;
}

export function typeMismatch(context: RuleContext, place: Place, span: Span, kind: string, raw?: string): void {
  const expected = typesOf(place.schema!);
  const fixes: Fix[] = [];
  if (expected.includes('string') && (kind === 'number' || kind === 'boolean')) {
    const text = context.text.substr(span.offset, span.length);
    fixes.push({
      title: `Write ${text} as a string: "${text}"`,
      edits: [{ ...span, newText: JSON.stringify(text) }],
      preferred: true,
    });
  } else if (expected.includes('array') && kind === 'object') {
    fixes.push({
      title: 'Put the object in an array: [ … ]',
      edits: [
        { offset: span.offset, length: 0, newText: '[' },
        { offset: span.offset + span.length, length: 0, newText: ']' },
      ],
      preferred: true,
    });
  }
  const precisionNote =
    kind === 'number' && expected.includes('string') && /\d{16,}/.test(raw ?? '')
      ? ' As a number it would also lose digits (JSON numbers keep about 15).'
      : '';
  const message = place.isRoot
    ? `The request body must be a JSON object: {"${Object.keys(context.rootSchema.properties ?? {})[0] ?? 'modules'}": [ … ]}.`
    : `${place.name} must be ${describeTypes(expected)}, not ${describeKind(kind, raw)}.${precisionNote}`;
  context.report({ code: INVALID_DATA, severity: 'error', rule: 'type', message, fixes }, span);
}

/** `enclosing` is the object the string is a value of, if any: a reserved api_name's fix reads its plural_label. */
export function checkString(
  context: RuleContext,
  place: Place,
  schema: JSONSchema,
  value: string,
  span: Span,
  enclosing?: Frame,
): void {
  const zoho = annotationsOf(schema);
  const replaceWith = (text: string) => [{ ...span, newText: JSON.stringify(text) }];
  let checkFailed = false;
  for (const check of zoho.checks ?? []) {
    const matches = schemaRegExp(check.pattern).test(value);
    if (check.mustNotMatch ? !matches : matches) continue;
    checkFailed = true;
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: check.id,
        message: checkMessage(place.name, check, value),
        fixes: checkFix(check, value, span),
      },
      span,
    );
  }
  if (!zoho.checks && schema.pattern && !schemaRegExp(schema.pattern).test(value)) {
    checkFailed = true;
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: 'pattern',
        message: `${place.name} has characters Zoho does not allow: ${quoteValue(value)}.`,
      },
      span,
    );
  }
  // UTF-16 length bounds the count of characters from above: count them only when it may matter.
  const length =
    value.length > (schema.maxLength ?? Infinity) || value.length < 2 * (schema.minLength ?? 0)
      ? codePointLength(value)
      : value.length;
  const isApiName = place.segment === 'api_name';
  if (schema.maxLength !== undefined && length > schema.maxLength) {
    let trimmed = sliceCodePoints(value, schema.maxLength).trimEnd();
    if (isApiName) trimmed = trimmed.replace(/[_ ]+$/, '');
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: 'max-length',
        message: `${place.name} is ${length} characters long; Zoho allows at most ${schema.maxLength}${zoho.characters ? ` (${zoho.characters})` : ''}.`,
        fixes: trimmed
          ? [
              {
                title: `Trim to ${schema.maxLength} characters: ${JSON.stringify(trimmed)}`,
                edits: replaceWith(trimmed),
                preferred: true,
              },
            ]
          : [],
      },
      span,
    );
  }
  if (!checkFailed && schema.minLength !== undefined && length < schema.minLength) {
    context.report(
      { code: INVALID_DATA, severity: 'error', rule: 'min-length', message: `${place.name} must not be empty.` },
      span,
    );
  }
  if (zoho.maxDigits !== undefined && /^\d+$/.test(value) && value.length > zoho.maxDigits) {
    tooManyDigits(context, place, value, zoho.maxDigits, span, JSON.stringify);
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const values = schema.enum;
    const close =
      values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ??
      zoho.enumAliases?.[value.trim().toLowerCase()] ??
      didYouMean(value, values);
    const ordered = close ? [close, ...values.filter((candidate) => candidate !== close)] : values;
    // A short list is named whole, with a fix per value; a long one (25 data types) is one line of the Problems
    // panel: the closest value, and where the list is.
    const short = values.length <= MAX_VALUES_LISTED;
    const message = short
      ? `${JSON.stringify(value)} is not a valid ${place.name}: use ${values.map((v) => JSON.stringify(v)).join(' or ')}.`
      : `${JSON.stringify(value)} is not a valid ${place.name}${close ? `: did you mean "${close}"?` : ` (Ctrl+Space lists the ${values.length} values).`}`;
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: 'enum',
        message,
        fixes: (short ? ordered : close ? [close] : []).map((candidate) => ({
          title: `Change to "${candidate}"`,
          edits: replaceWith(candidate),
          preferred: candidate === close,
        })),
      },
      span,
    );
  }
  reservedWord(context, place, zoho, value, span, zoho.derivedFrom ? enclosing : undefined);
}

/** Past this many values, an enum's message names the closest one rather than all. */
const MAX_VALUES_LISTED = 6;

function reservedWord(
  context: RuleContext,
  place: Place,
  zoho: ZohoAnnotations,
  value: string,
  span: Span,
  module?: Frame,
): void {
  const reserved = zoho.reserved;
  const word = reserved ? isReservedWord(reserved.words, value) : undefined;
  if (!reserved || !word) return;
  const finding: Finding | undefined = context.report(
    {
      code: reserved.code,
      severity: 'error',
      rule: 'reserved',
      fixes: [],
      message: `${quoteValue(value)} is ${reserved.why}${word === value ? '' : ` ("${word}", in any letter case)`}; choose another ${place.name}.`,
    },
    span,
  );
  if (finding && module?.kind === 'object') {
    // The suggestion uses the key it derives from (plural_label), which may come later in the module: decide when it is read.
    (module.deferred ??= []).push(() => {
      const suggestion = suggestApiName(value, find(module, zoho.derivedFrom!)?.value, reserved.words);
      if (suggestion)
        finding.fixes!.push({
          title: `Rename to "${suggestion}"`,
          edits: [{ ...span, newText: JSON.stringify(suggestion) }],
          preferred: true,
        });
    });
  }
}

/** `plural_label allows only letters, digits and spaces, not "-": "Stock-Items".`: the characters that broke it, named. */
function checkMessage(
  name: string,
  check: { pattern: string; mustNotMatch?: boolean; message: string },
  value: string,
): string {
  if (check.mustNotMatch || !check.message.startsWith('allows only'))
    return `${name} ${check.message}: ${quoteValue(value)}.`;
  const allowed = schemaRegExp(check.pattern);
  const offending = [...new Set([...value].filter((character) => !allowed.test(character)))];
  if (!offending.length) return `${name} ${check.message}: ${quoteValue(value)}.`;
  const shown = offending
    .slice(0, 5)
    .map((character) =>
      character === ' ' ? 'space' : /\s/.test(character) ? JSON.stringify(character) : `"${character}"`,
    );
  return `${name} ${check.message}, not ${shown.join(' ')}${offending.length > 5 ? ' …' : ''}: ${quoteValue(value)}.`;
}

export function checkNumber(context: RuleContext, place: Place, schema: JSONSchema, raw: string, span: Span): void {
  const zoho = annotationsOf(schema);
  // Read the digits from the text: past 2^53 the parsed value has already lost some.
  if (schema.minimum !== undefined && raw.startsWith('-')) {
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: 'minimum',
        message: `${place.name} must not be negative: only digits are allowed.`,
      },
      span,
    );
    return;
  }
  if (zoho.maxDigits !== undefined && raw.length > zoho.maxDigits)
    tooManyDigits(context, place, raw, zoho.maxDigits, span, (digits) => digits);
  else if (schema.maximum !== undefined && /^\d+$/.test(raw) && Number(raw) > schema.maximum) {
    context.report(
      {
        code: INVALID_DATA,
        severity: 'error',
        rule: 'maximum',
        message: `${place.name} is ${schema.minimum ?? 0} to ${schema.maximum}, not ${raw}.`,
        fixes: [{ title: `Change to ${schema.maximum}`, edits: [{ ...span, newText: String(schema.maximum) }] }],
      },
      span,
    );
  }
}

function tooManyDigits(
  context: RuleContext,
  place: Place,
  digits: string,
  max: number,
  span: Span,
  write: (digits: string) => string,
): void {
  const kept = digits.slice(0, max);
  context.report(
    {
      code: INVALID_DATA,
      severity: 'error',
      rule: 'max-digits',
      message: `${place.name} has ${digits.length} digits; Zoho allows at most ${max}.`,
      fixes: [{ title: `Keep the first ${max} digits: ${kept}`, edits: [{ ...span, newText: write(kept) }] }],
    },
    span,
  );
}

/**
 * The rules of an object that depend on one of its values (`x-zoho.variants`): a field's `data_type` decides
 * which keys it needs (a picklist its options, a lookup its module), the range of its `length`, which keys go
 * together or not, and which keys belong to it at all. Each case is data in the schema; nothing here names a type.
 */
import { ZOHO_CODES } from '../codes';
import { ZohoVariants } from '../schema';
import { Fix, TextEdit } from '../types';
import { RuleContext } from './context';
import { find, ObjectFrame, Span } from './place';
import { removePropertyEdit } from '../edits';
import { Node, parseTree } from 'jsonc-parser';

export function checkVariants(
  context: RuleContext,
  frame: ObjectFrame,
  variants: ZohoVariants,
  insert: (key: string) => TextEdit,
  node: () => Node,
): void {
  const chosen = find(frame, variants.key);
  if (typeof chosen?.value !== 'string' || !chosen.valueSpan) return;
  const name = chosen.value;
  const rules = variants.cases[name];
  if (!rules) return;
  const at = chosen.valueSpan;
  const has = (key: string) => find(frame, key) !== undefined;
  for (const key of rules.requires ?? []) {
    if (has(key)) continue;
    context.report(
      {
        code: variants.requiresCode ?? ZOHO_CODES.dependentFieldMissing,
        severity: 'error',
        rule: 'variant-requires',
        message: `${article(name)} ${name} ${variants.noun} needs "${key}".`,
        fixes: [{ title: `Add "${key}"`, edits: [insert(key)], preferred: true }],
      },
      at,
    );
  }
  for (const [key, inner] of Object.entries(rules.requiresInside ?? {})) {
    const property = find(frame, key);
    const span = property?.valueSpan;
    // The walk keeps no tree of nested objects: the value's own text is read, for this one key of this case.
    const value = span ? parseTree(context.text.slice(span.offset, span.offset + span.length)) : undefined;
    if (!property || value?.type !== 'object') continue;
    const present = new Set((value.children ?? []).map((child) => child.children?.[0]?.value));
    for (const missing of inner.filter((innerKey) => !present.has(innerKey)))
      context.report(
        {
          code: variants.requiresInsideCode ?? ZOHO_CODES.expectedFieldMissing,
          severity: 'error',
          rule: 'variant-requires-inside',
          message: `The "${key}" of ${article(name).toLowerCase()} ${name} ${variants.noun} needs "${missing}".`,
        },
        property,
      );
  }
  if (rules.oneOf && !rules.oneOf.some(has)) {
    context.report(
      {
        code: variants.oneOfCode ?? ZOHO_CODES.dependentFieldMissing,
        severity: 'error',
        rule: 'variant-one-of',
        message: `${article(name)} ${name} ${variants.noun} needs ${rules.oneOf.map((key) => `"${key}"`).join(' or ')}.`,
        fixes: rules.oneOf.map((key, index): Fix => ({
          title: `Add "${key}"`,
          edits: [insert(key)],
          preferred: index === 0 || undefined,
        })),
      },
      at,
    );
  }
  if (rules.notTogether && rules.notTogether.every(has)) {
    const [first, ...others] = rules.notTogether;
    for (const key of others) {
      const property = find(frame, key)!;
      const index = frame.properties.indexOf(property);
      context.report(
        {
          code: variants.notTogetherCode ?? ZOHO_CODES.invalidData,
          severity: 'error',
          rule: 'variant-not-together',
          message: `Give "${first}" or "${key}", not both.`,
          fixes: [{ title: `Remove "${key}"`, edits: [removePropertyEdit(node().children![index])] }],
        },
        property,
      );
    }
  }
  lengthInRange(context, frame, variants, name, rules.length);
  if (rules.keys) {
    const allowed = new Set([...(variants.commonKeys ?? []), variants.key, ...rules.keys]);
    for (const property of frame.properties) {
      if (property.unknown || property.duplicate || allowed.has(property.key)) continue;
      // Zoho's spec lists the keys of each type, and its own samples send others: a warning, not an error.
      context.report(
        {
          code: variants.keysCode ?? ZOHO_CODES.invalidData,
          severity: 'warning',
          rule: 'variant-keys',
          message: `"${property.key}" is not a key of ${article(name).toLowerCase()} ${name} ${variants.noun} in Zoho's spec; Zoho may ignore or refuse it.`,
        },
        property,
      );
    }
  }
}

function lengthInRange(
  context: RuleContext,
  frame: ObjectFrame,
  variants: ZohoVariants,
  name: string,
  range: [number, number] | undefined,
): void {
  if (!range || !variants.lengthKey) return;
  const property = find(frame, variants.lengthKey);
  const raw = property?.value;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : undefined;
  if (value === undefined || (value >= range[0] && value <= range[1])) return;
  context.report(
    {
      code: variants.lengthCode ?? ZOHO_CODES.invalidData,
      severity: 'error',
      rule: 'variant-length',
      message: `The ${variants.lengthKey} of ${article(name).toLowerCase()} ${name} ${variants.noun} is ${range[0]} to ${range[1]}, not ${value}.`,
    },
    property!.valueSpan as Span,
  );
}

/** "A picklist", "An email", "A userlookup". */
function article(word: string): string {
  return /^(?:[aeio]|u(?!s))/i.test(word) ? 'An' : 'A';
}

/** The rules an array answers to once all its entries are read: how few, how many, and no repeats. */
import { RuleContext, INVALID_DATA } from './context';
import { ArrayFrame, Span } from './place';
import { defaultEntryFix } from './schemaFixes';

export function checkArray(context: RuleContext, frame: ArrayFrame, span: Span): void {
  const schema = frame.place.schema!;
  const zoho = schema['x-zoho'] ?? {};
  if (schema.minItems !== undefined && frame.count < schema.minItems) {
    context.report({
      code: zoho.minItemsCode ?? INVALID_DATA, severity: 'error', rule: 'min-items',
      message: zoho.minItemsMessage ?? `${frame.place.name} needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`,
      fixes: defaultEntryFix(span, schema, `Add an empty ${frame.place.name} entry`),
    }, span);
  }
  for (const extra of frame.extra) {
    context.report({
      code: zoho.maxItemsCode ?? INVALID_DATA, severity: 'error', rule: 'max-items',
      message: zoho.maxItemsMessage ?? `${frame.place.name} takes at most ${schema.maxItems} entries.`,
    }, extra);
  }
  if (schema.uniqueItems) checkUniqueEntries(context, frame);
}

/** Entries that repeat an earlier one (by `x-zoho.uniqueBy`, or as values): each repeat, with a fix that removes it. */
export function checkUniqueEntries(context: RuleContext, frame: ArrayFrame): void {
  const zoho = frame.place.schema!['x-zoho'] ?? {};
  const seen = new Set<string>();
  frame.entries?.forEach((entry, index) => {
    const keyed = zoho.uniqueBy ? entry.properties?.find((property) => property.key === zoho.uniqueBy) : undefined;
    const value = zoho.uniqueBy ? keyed?.value : entry.value;
    if (value === undefined) return;
    const identity = JSON.stringify(value);
    if (!seen.has(identity)) return void seen.add(identity);
    const previous = frame.entries![index - 1].span;
    context.report({
      code: zoho.uniqueCode ?? INVALID_DATA, severity: 'error', rule: 'unique-items',
      message: `${zoho.uniqueBy ? `${zoho.uniqueBy} ${identity}` : identity} ${zoho.uniqueMessage ?? 'appears twice in the list'}.`,
      // From the end of the entry before it: the comma goes with the repeat.
      fixes: [{ title: 'Remove the repeated entry', edits: [{ offset: previous.offset + previous.length, length: entry.span.offset + entry.span.length - previous.offset - previous.length, newText: '' }], preferred: true }],
    }, keyed?.valueSpan ?? entry.span);
  });
}

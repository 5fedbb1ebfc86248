/** The rules an array answers to once all its entries are read: how few and how many. */
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
}

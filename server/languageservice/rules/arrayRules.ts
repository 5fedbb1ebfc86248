/** The rules an array answers to once all its entries are read: how few, how many, and no repeats. */
import { annotationsOf, INVALID_DATA, RuleContext } from './context';
import { ArrayFrame, Property, Span } from './place';
import { EntryLimit } from '../schema';
import { defaultEntryFix } from './schemaFixes';

export function checkArray(context: RuleContext, frame: ArrayFrame, span: Span): void {
  const schema = frame.place.schema!;
  const zoho = annotationsOf(schema);
  if (schema.minItems !== undefined && frame.count < schema.minItems) {
    context.report(
      {
        code: zoho.minItemsCode ?? INVALID_DATA,
        severity: 'error',
        rule: 'min-items',
        message:
          zoho.minItemsMessage ??
          `${frame.place.name} needs at least ${schema.minItems} entr${schema.minItems === 1 ? 'y' : 'ies'}.`,
        fixes: defaultEntryFix(span, schema, `Add an empty ${frame.place.name} entry`),
      },
      span,
    );
  }
  for (const extra of frame.extra) {
    context.report(
      {
        code: zoho.maxItemsCode ?? INVALID_DATA,
        severity: 'error',
        rule: 'max-items',
        message: zoho.maxItemsMessage ?? `${frame.place.name} takes at most ${schema.maxItems} entries.`,
      },
      extra,
    );
  }
  if (frame.unique) checkUniqueEntries(context, frame);
}

/**
 * Counts an entry towards the list's limits (`x-zoho.entryLimits`: at most 1 autonumber field, 2 unique ones)
 * and reports each entry past one, on the key that makes it count.
 */
export function countEntry(
  context: RuleContext,
  frame: ArrayFrame,
  limits: EntryLimit[],
  properties: Property[],
): void {
  frame.limitCounts ??= new Map();
  for (const limit of limits) {
    const property = properties.find((candidate) => candidate.key === limit.key);
    if (!property || property.value === false || (limit.value !== undefined && property.value !== limit.value))
      continue;
    const count = (frame.limitCounts.get(limit) ?? 0) + 1;
    frame.limitCounts.set(limit, count);
    if (count > limit.max)
      context.report({ code: limit.code, severity: 'error', rule: 'entry-limit', message: limit.message }, property);
  }
}

/** Notes a complete entry of an array whose entries must differ: where its identity is in the text. */
export function entryDone(frame: ArrayFrame, span: Span, properties: Property[] | undefined): void {
  const by = annotationsOf(frame.place.schema!).uniqueBy;
  const identity = by ? properties?.find((property) => property.key === by)?.valueSpan : span;
  if (identity) frame.unique!.add(identity, span.offset + span.length);
  else frame.unique!.previousEnd = span.offset + span.length;
}

/**
 * Each entry whose identity repeats an earlier one's, with a fix that removes it. Identities are compared
 * by their text (decoded when it holds an escape), through a hash table of entry numbers: one pass, and
 * strings are made only for entries whose hashes meet.
 */
function checkUniqueEntries(context: RuleContext, frame: ArrayFrame): void {
  const { text } = context;
  const { spans, count } = frame.unique!;
  const identityOf = (entry: number) => {
    const raw = text.substr(spans[entry * 4], spans[entry * 4 + 1]);
    return raw.includes('\\') ? decoded(raw) : raw;
  };
  const hashes = new Int32Array(count);
  const mask = (1 << Math.ceil(Math.log2(count * 2 + 2))) - 1;
  const slots = new Int32Array(mask + 1).fill(-1);
  const repeats: number[] = [];
  // Entries come in text order: one forward scan finds every backslash.
  let nextBackslash = -1;
  for (let entry = 0; entry < count; entry++) {
    const from = spans[entry * 4];
    const end = from + spans[entry * 4 + 1];
    if (nextBackslash < from) {
      const found = text.indexOf('\\', from);
      nextBackslash = found < 0 ? Infinity : found;
    }
    // Hash what is compared: an entry written with an escape hashes as its decoded text.
    const identity = nextBackslash < end ? identityOf(entry) : undefined;
    const hash = identity === undefined ? fnv1a(text, from, end) : fnv1a(identity, 0, identity.length);
    hashes[entry] = hash;
    let slot = hash & mask;
    for (; slots[slot] !== -1; slot = (slot + 1) & mask) {
      const other = slots[slot];
      if (hashes[other] === hash && identityOf(other) === identityOf(entry)) break;
    }
    if (slots[slot] === -1) slots[slot] = entry;
    else repeats.push(entry);
  }
  const zoho = annotationsOf(frame.place.schema!);
  for (const entry of repeats) {
    const [offset, length, removeFrom, removeTo] = spans.subarray(entry * 4, entry * 4 + 4);
    const shown = identityOf(entry);
    context.report(
      {
        code: zoho.uniqueCode ?? INVALID_DATA,
        severity: 'error',
        rule: 'unique-items',
        message: `${zoho.uniqueBy ? `${zoho.uniqueBy} ${shown}` : shown} ${zoho.uniqueMessage ?? 'appears twice in the list'}.`,
        // From the end of the entry before it: the comma goes with the repeat.
        fixes: [
          {
            title: 'Remove the repeated entry',
            edits: [{ offset: removeFrom, length: removeTo - removeFrom, newText: '' }],
            preferred: true,
          },
        ],
      },
      { offset, length },
    );
  }
}

function fnv1a(text: string, from: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
  return hash;
}

/** A string literal with its escapes decoded, written back plainly; as it is when an escape is invalid (a syntax error already says so). */
function decoded(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw));
  } catch {
    return raw;
  }
}

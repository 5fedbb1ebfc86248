/**
 * Re-checks a file after an edit that stayed inside one string value (typing in a label, an id): only
 * that value's rules run again, and every other finding moves with the text. Anything else (an edit that
 * touches structure, quotes or escapes, or a value other rules read) is re-checked in full. Equivalence
 * with a full check is what the tests assert, over random edits.
 */
import { documentOf, ParsedDocument } from './parse';
import { DERIVATION_SOURCES, KEYS_READ_BY_OTHER_RULES } from './schema';
import { Finding, TextEdit } from './types';
import { MAX_FINDINGS, SchemaValidator } from './rules/validator';
import { ZOHO_CODES } from './codes';

export function reanalyzeEdit(
  previous: { parsed: ParsedDocument; findings: Finding[] },
  text: string,
): { parsed: ParsedDocument; findings: Finding[] } | undefined {
  const old = previous.parsed;
  const strings = old.strings;
  // A capped list (see MAX_FINDINGS) cannot be patched: which findings it dropped is not known.
  if (!strings || old.syntaxFindings.length || old.ruleFindings.length >= MAX_FINDINGS) return undefined;
  const change = changedRange(old.text, text);
  if (!change) return previous;
  const removed = old.text.slice(change.offset, change.offset + change.removed);
  const inserted = text.slice(change.offset, change.offset + change.inserted);
  if (/["\\\u0000-\u001f]/.test(removed) || /["\\\u0000-\u001f]/.test(inserted)) return undefined;

  const index = lastAtOrBefore(strings.offsets, strings.count, change.offset - 1);
  if (index < 0) return undefined;
  const valueOffset = strings.offsets[index];
  const valueEnd = valueOffset + strings.lengths[index];
  // Strictly between the quotes: the token's boundaries do not move.
  if (change.offset < valueOffset + 1 || change.offset + change.removed > valueEnd - 1) return undefined;
  const { schema, key } = strings.table[strings.kinds[index]];
  if (KEYS_READ_BY_OTHER_RULES.has(key)) return undefined;
  // A key another is derived from (plural_label) feeds the rename offered for a reserved derived value (api_name).
  if (DERIVATION_SOURCES.has(key) && old.ruleFindings.some((finding) => finding.code === ZOHO_CODES.reservedKeyword))
    return undefined;

  const delta = change.inserted - change.removed;
  const newLength = strings.lengths[index] + delta;
  let value: string;
  try {
    value = JSON.parse(text.substr(valueOffset, newLength));
  } catch {
    return undefined;
  }
  const kept = old.ruleFindings
    .filter((finding) => !(finding.offset === valueOffset && finding.length === strings.lengths[index]))
    .map((finding) => moveFinding(finding, valueOffset, valueEnd, delta));
  const own = new SchemaValidator(text, old.apiVersion).checkString(schema, key, value, {
    offset: valueOffset,
    length: newLength,
  });
  const ruleFindings = [...kept, ...own].sort((a, b) => a.offset - b.offset);

  // The positions move to the new analysis in place (copying them each keystroke costs memory); the
  // previous analysis stays valid for its findings but can no longer be re-used.
  old.strings = undefined;
  strings.lengths[index] = newLength;
  if (delta !== 0) for (let at = index + 1; at < strings.count; at++) strings.offsets[at] += delta;
  const parsed = documentOf(text, [], ruleFindings, true, old.apiVersion, old.kind);
  parsed.strings = strings;
  return { parsed, findings: ruleFindings };
}

/** The one span where the texts differ: common prefix and suffix, in one linear scan. */
export function changedRange(
  before: string,
  after: string,
): { offset: number; removed: number; inserted: number } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return { offset: start, removed: before.length - start - end, inserted: after.length - start - end };
}

function lastAtOrBefore(sorted: Int32Array, count: number, offset: number): number {
  let low = 0;
  let high = count - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Findings after the edited value move by `delta`; edits that span it grow or shrink with it. */
function moveFinding(finding: Finding, valueOffset: number, valueEnd: number, delta: number): Finding {
  const moveEdit = (edit: TextEdit): TextEdit => {
    if (edit.offset >= valueEnd) return { ...edit, offset: edit.offset + delta };
    if (edit.offset <= valueOffset && edit.offset + edit.length >= valueEnd)
      return { ...edit, length: edit.length + delta };
    return edit;
  };
  const offset = finding.offset >= valueEnd ? finding.offset + delta : finding.offset;
  const length =
    finding.offset <= valueOffset && finding.offset + finding.length >= valueEnd
      ? finding.length + delta
      : finding.length;
  if (
    offset === finding.offset &&
    length === finding.length &&
    !finding.fixes?.some((fix) => fix.edits.some((edit) => edit.offset + edit.length >= valueEnd))
  )
    return finding;
  return {
    ...finding,
    offset,
    length,
    fixes: finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map(moveEdit) })),
  };
}

/** The editor's structural JSON features: outline, folding, selection ranges and formatting. */
import { findNodeAtOffset, format as formatJson, Node } from 'jsonc-parser';
import { firstTooDeep, MAX_DEPTH, ParsedDocument } from './parse';
import { TextEdit } from './types';

export type SymbolKind = 'module' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'property';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  offset: number;
  length: number;
  selectionOffset: number;
  selectionLength: number;
  children: DocumentSymbol[];
}

/** Outline entries stop here, so a huge or deep file cannot blow the stack or the response size. */
const MAX_SYMBOL_DEPTH = 32;
const MAX_SYMBOLS = 5000;

export function documentSymbols(parsed: ParsedDocument): DocumentSymbol[] {
  if (!parsed.root) return [];
  const budget = { left: MAX_SYMBOLS };
  return childSymbols(parsed.root, 0, budget);
}

function childSymbols(node: Node, depth: number, budget: { left: number }): DocumentSymbol[] {
  if (depth > MAX_SYMBOL_DEPTH || (node.type !== 'object' && node.type !== 'array')) return [];
  const symbols: DocumentSymbol[] = [];
  (node.children ?? []).forEach((child, index) => {
    if (budget.left-- <= 0) return;
    if (node.type === 'object') {
      const [key, value] = child.children ?? [];
      if (!key) return;
      symbols.push(symbolFor(String(key.value), child, key, value, depth, budget));
    } else {
      const label = child.type === 'object' ? (moduleName(child) ?? String(index)) : String(index);
      symbols.push(symbolFor(label, child, child, child, depth, budget));
    }
  });
  return symbols;
}

function symbolFor(
  name: string,
  whole: Node,
  selection: Node,
  value: Node | undefined,
  depth: number,
  budget: { left: number },
): DocumentSymbol {
  const isModule = value?.type === 'object' && value.parent?.type === 'array' && moduleName(value) !== undefined;
  return {
    name,
    kind: isModule ? 'module' : (value?.type ?? 'null'),
    detail:
      value && (value.type === 'string' || value.type === 'number' || value.type === 'boolean')
        ? String(value.value)
        : undefined,
    offset: whole.offset,
    length: whole.length,
    selectionOffset: selection.offset,
    selectionLength: selection.length,
    children: value ? childSymbols(value, depth + 1, budget) : [],
  };
}

/** An entry's name in the outline: a module's plural_label, a field's field_label. */
function moduleName(node: Node): string | undefined {
  const label = node.children?.find((property) => NAME_KEYS.has(property.children?.[0]?.value))?.children?.[1];
  return typeof label?.value === 'string' ? label.value : undefined;
}
const NAME_KEYS = new Set<unknown>(['plural_label', 'field_label']);

export interface FoldingRegion {
  startOffset: number;
  endOffset: number;
}

export function foldingRegions(parsed: ParsedDocument): FoldingRegion[] {
  const regions: FoldingRegion[] = [];
  const stack: Node[] = parsed.root ? [parsed.root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object' || node.type === 'array') {
      regions.push({ startOffset: node.offset, endOffset: node.offset + node.length - 1 });
    }
    if (regions.length > MAX_SYMBOLS) break;
    for (const child of node.children ?? []) stack.push(child);
  }
  return regions.sort((a, b) => a.startOffset - b.startOffset);
}

/** Innermost first: the value, its property, the enclosing object, … up to the whole document. */
export function selectionChain(parsed: ParsedDocument, offset: number): { offset: number; length: number }[] {
  const chain: { offset: number; length: number }[] = [];
  let node = parsed.root ? findNodeAtOffset(parsed.root, offset, true) : undefined;
  while (node) {
    const last = chain[chain.length - 1];
    if (!last || last.offset !== node.offset || last.length !== node.length)
      chain.push({ offset: node.offset, length: node.length });
    node = node.parent;
  }
  return chain;
}

/**
 * Formatting writes each line's indentation, so its output grows with the square of the nesting (a 10 KB
 * file nested 5,000 deep would become hundreds of megabytes), and its edits with the number of tokens.
 * Past these bounds, which no module or fields file comes near, the file is left as it is.
 */
export const MAX_FORMAT_CHARACTERS = 4 * 1024 * 1024;

/** Why a file is not formatted, or undefined when it may be. Linear, without recursion, at any depth. */
export function formatRefusal(text: string): string | undefined {
  if (text.length > MAX_FORMAT_CHARACTERS)
    return `it has ${text.length.toLocaleString('en-US')} characters, more than the ${MAX_FORMAT_CHARACTERS.toLocaleString('en-US')} formatting handles`;
  return firstTooDeep(text) === undefined ? undefined : `it is nested more than ${MAX_DEPTH} levels deep`;
}

/** The edits that format `text` (or `range` of it); none when formatRefusal says no. */
export function formatDocument(
  text: string,
  options: { tabSize: number; insertSpaces: boolean },
  range?: { offset: number; length: number },
): TextEdit[] {
  if (formatRefusal(text) !== undefined) return [];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return formatJson(text, range, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    eol,
    keepLines: false,
  }).map((edit) => ({
    offset: edit.offset,
    length: edit.length,
    newText: edit.content,
  }));
}

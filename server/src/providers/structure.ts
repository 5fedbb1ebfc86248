/** Outline, folding, selection ranges and formatting: the JSON basics, so our language id loses nothing. */
import {
  DocumentSymbol, FoldingRange, FormattingOptions, Range, SelectionRange, SymbolKind, TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf, toTextEdit } from '../convert';
import { AnalysisCache } from '../documentCache';
import { documentSymbols, DocumentSymbol as PureSymbol, foldingRegions, formatDocument, selectionChain } from '../languageservice';

const KINDS: Record<PureSymbol['kind'], SymbolKind> = {
  module: SymbolKind.Module, object: SymbolKind.Object, array: SymbolKind.Array, string: SymbolKind.String,
  number: SymbolKind.Number, boolean: SymbolKind.Boolean, null: SymbolKind.Null, property: SymbolKind.Property,
};

export class StructureProvider {
  constructor(private readonly cache: AnalysisCache) {}

  symbols(document: TextDocument): DocumentSymbol[] {
    const convert = (symbol: PureSymbol): DocumentSymbol => ({
      name: symbol.name || '""',
      detail: symbol.detail,
      kind: KINDS[symbol.kind],
      range: rangeOf(document, symbol.offset, symbol.length),
      selectionRange: rangeOf(document, symbol.selectionOffset, symbol.selectionLength),
      children: symbol.children.map(convert),
    });
    return documentSymbols(this.cache.get(document).parsed).map(convert);
  }

  folding(document: TextDocument): FoldingRange[] {
    const ranges: FoldingRange[] = [];
    for (const region of foldingRegions(this.cache.get(document).parsed)) {
      const startLine = document.positionAt(region.startOffset).line;
      const endLine = document.positionAt(region.endOffset).line;
      // The closing bracket stays visible, as in VS Code's JSON.
      if (endLine - 1 > startLine) ranges.push({ startLine, endLine: endLine - 1 });
    }
    return ranges;
  }

  selectionRanges(document: TextDocument, positions: { line: number; character: number }[]): SelectionRange[] {
    const { parsed } = this.cache.get(document);
    return positions.map((position) => {
      const offset = document.offsetAt(position);
      const chain = selectionChain(parsed, offset);
      let result: SelectionRange | undefined;
      for (let index = chain.length - 1; index >= 0; index--) {
        result = { range: rangeOf(document, chain[index].offset, chain[index].length), parent: result };
      }
      return result ?? { range: { start: position, end: position } };
    });
  }

  format(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
    const span = range ? { offset: document.offsetAt(range.start), length: document.offsetAt(range.end) - document.offsetAt(range.start) } : undefined;
    return formatDocument(document.getText(), options, span).map((edit) => toTextEdit(document, edit));
  }
}

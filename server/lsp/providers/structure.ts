/** Outline, folding, selection ranges and formatting: the JSON basics, so our language id loses nothing. */
import {
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Range,
  SelectionRange,
  SymbolInformation,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientFeatures } from '../clientFeatures';
import { rangeOf, toTextEdit } from '../convert';
import { AnalysisCache } from '../analysisCache';
import {
  documentSymbols,
  DocumentSymbol as PureSymbol,
  foldingRegions,
  formatDocument,
  formatRefusal,
  selectionChain,
} from '@crm/languageservice';

const KINDS: Record<PureSymbol['kind'], SymbolKind> = {
  module: SymbolKind.Module,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  property: SymbolKind.Property,
};

export class StructureProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly features: () => ClientFeatures,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** A tree for editors that show one; otherwise the flat list, each symbol naming its container. */
  symbols(document: TextDocument): DocumentSymbol[] | SymbolInformation[] {
    const pure = documentSymbols(this.cache.get(document).parsed);
    const name = (symbol: PureSymbol) => symbol.name || '""';
    if (!this.features().hierarchicalSymbols) {
      const flat: SymbolInformation[] = [];
      const walk = (symbol: PureSymbol, container?: string) => {
        flat.push({
          name: name(symbol),
          kind: KINDS[symbol.kind],
          location: { uri: document.uri, range: rangeOf(document, symbol.offset, symbol.length) },
          containerName: container,
        });
        for (const child of symbol.children) walk(child, name(symbol));
      };
      for (const symbol of pure) walk(symbol);
      return flat;
    }
    const convert = (symbol: PureSymbol): DocumentSymbol => ({
      name: name(symbol),
      detail: symbol.detail,
      kind: KINDS[symbol.kind],
      range: rangeOf(document, symbol.offset, symbol.length),
      selectionRange: rangeOf(document, symbol.selectionOffset, symbol.selectionLength),
      children: symbol.children.map(convert),
    });
    return pure.map(convert);
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
    const refusal = formatRefusal(document.getText());
    if (refusal) {
      this.warn(`${document.uri} was not formatted: ${refusal}.`);
      return [];
    }
    const span = range
      ? {
          offset: document.offsetAt(range.start),
          length: document.offsetAt(range.end) - document.offsetAt(range.start),
        }
      : undefined;
    return formatDocument(document.getText(), options, span).map((edit) => toTextEdit(document, edit));
  }
}

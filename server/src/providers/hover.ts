import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf } from '../convert';
import { AnalysisCache } from '../documentCache';
import { hover } from '../languageservice';

export class HoverProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provide(document: TextDocument, params: HoverParams): Hover | null {
    const result = hover(this.cache.get(document).parsed, document.offsetAt(params.position));
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: rangeOf(document, result.offset, result.length) };
  }
}

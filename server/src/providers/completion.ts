import { CompletionItem, CompletionItemKind, CompletionParams, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf } from '../convert';
import { AnalysisCache } from '../documentCache';
import { complete } from '../languageservice';

export class CompletionProvider {
  constructor(private readonly cache: AnalysisCache) {}

  provide(document: TextDocument, params: CompletionParams): CompletionItem[] {
    const { parsed } = this.cache.get(document);
    return complete(parsed, document.offsetAt(params.position)).map((item) => ({
      label: item.label,
      kind: item.kind === 'property' ? CompletionItemKind.Property : item.kind === 'snippet' ? CompletionItemKind.Snippet : CompletionItemKind.Value,
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: rangeOf(document, item.replace.offset, item.replace.length), newText: item.insertText },
      filterText: item.filterText,
      sortText: item.sortText,
      preselect: item.preselect,
    }));
  }
}

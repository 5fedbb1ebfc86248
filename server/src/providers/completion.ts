import { CompletionItem, CompletionItemKind, CompletionParams, InsertTextFormat, MarkupContent, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientFeatures } from '../clientFeatures';
import { rangeOf } from '../convert';
import { AnalysisCache } from '../analysisCache';
import { complete, keyDocumentation, KeyReference, OrgSnapshot } from '../languageservice';
import { markdownToPlainText, snippetToPlainText } from '../plainText';

/**
 * Completion items carry a key's description only when the editor asks for it (completionItem/resolve):
 * every key's full text in every answer would be most of the bytes sent while typing.
 */
export class CompletionProvider {
  constructor(private readonly cache: AnalysisCache, private readonly features: () => ClientFeatures, private readonly org: () => OrgSnapshot | undefined = () => undefined) {}

  provide(document: TextDocument, params: CompletionParams): CompletionItem[] {
    const { parsed } = this.cache.get(document);
    const features = this.features();
    return complete(parsed, document.offsetAt(params.position), this.org()).map((item) => {
      const documentation = item.documentation ?? (item.documentationOf && !features.resolveDocumentation ? keyDocumentation(item.documentationOf) : undefined);
      return {
        label: item.label,
        kind: item.kind === 'property' ? CompletionItemKind.Property : item.kind === 'snippet' ? CompletionItemKind.Snippet : CompletionItemKind.Value,
        detail: item.detail,
        documentation: documentation ? this.markup(documentation) : undefined,
        insertTextFormat: features.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: rangeOf(document, item.replace.offset, item.replace.length), newText: features.snippets ? item.insertText : snippetToPlainText(item.insertText) },
        filterText: item.filterText,
        sortText: item.sortText,
        preselect: item.preselect,
        data: documentation === undefined ? item.documentationOf : undefined,
      };
    });
  }

  resolve(item: CompletionItem): CompletionItem {
    const reference = item.data as KeyReference | undefined;
    if (item.documentation || !reference || !Array.isArray(reference.objectPath) || typeof reference.key !== 'string') return item;
    const documentation = keyDocumentation(reference);
    return documentation ? { ...item, documentation: this.markup(documentation) } : item;
  }

  private markup(markdown: string): MarkupContent {
    return this.features().completionMarkdown
      ? { kind: MarkupKind.Markdown, value: markdown }
      : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
  }
}

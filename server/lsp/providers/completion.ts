import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  InsertTextFormat,
  MarkupContent,
  MarkupKind,
  Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientFeatures } from '../clientFeatures';
import { rangeOf } from '../convert';
import { AnalysisCache } from '../analysisCache';
import { completeAt, EditorActionKind, keyDocumentation, KeyReference, OrgSnapshot } from '@crm/languageservice';
import { toCommand } from '../editorCommands';
import { markdownToPlainText, snippetToPlainText } from '../plainText';

/**
 * Completion items carry a key's description only when the editor asks for it (completionItem/resolve):
 * every key's full text in every answer would be most of the bytes sent while typing.
 */
/** From this many items sharing one range, the list states it once (when the editor can read that). */
const SHARED_RANGE_FROM = 20;

export class CompletionProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly features: () => ClientFeatures,
    private readonly org: () => OrgSnapshot | undefined = () => undefined,
    private readonly runs: () => ReadonlySet<EditorActionKind> = () => new Set(),
  ) {}

  provide(document: TextDocument, params: CompletionParams): CompletionItem[] | CompletionList {
    const { parsed } = this.cache.get(document);
    const features = this.features();
    const runs = this.runs();
    const { items, incomplete } = completeAt(parsed, document.offsetAt(params.position), this.org(), runs);
    // Most items replace the same text: convert each distinct range once (500 profiles share one).
    const ranges = new Map<string, Range>();
    const rangeFor = (offset: number, length: number) => {
      const key = `${offset}:${length}`;
      let range = ranges.get(key);
      if (!range) ranges.set(key, (range = rangeOf(document, offset, length)));
      return range;
    };
    const converted = items.map((item): CompletionItem => {
      const documentation =
        item.documentation ??
        (item.documentationOf && !features.resolveDocumentation ? keyDocumentation(item.documentationOf) : undefined);
      return {
        label: item.label,
        kind:
          item.kind === 'property'
            ? CompletionItemKind.Property
            : item.kind === 'snippet'
              ? CompletionItemKind.Snippet
              : CompletionItemKind.Value,
        detail: item.detail,
        documentation: documentation ? this.markup(documentation) : undefined,
        insertTextFormat: features.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: {
          range: rangeFor(item.replace.offset, item.replace.length),
          newText: features.snippets ? item.insertText : snippetToPlainText(item.insertText),
        },
        additionalTextEdits: item.additionalEdits?.map((edit) => ({
          range: rangeFor(edit.offset, edit.length),
          newText: edit.newText,
        })),
        filterText: item.filterText,
        sortText: item.sortText,
        preselect: item.preselect,
        command: toCommand(item.then, item.label, document.uri, runs),
        data: documentation === undefined ? item.documentationOf : undefined,
      };
    });
    const shared =
      items.length >= SHARED_RANGE_FROM &&
      features.defaultEditRange &&
      ranges.size === 1 &&
      items.every((item) => !item.additionalEdits)
        ? [...ranges.values()][0]
        : undefined;
    if (shared) {
      // A long list (an org's profiles) states its one range and format once: a third fewer bytes to send and parse.
      return {
        isIncomplete: incomplete,
        itemDefaults: { editRange: shared, insertTextFormat: converted[0].insertTextFormat },
        items: converted.map(({ textEdit, insertTextFormat: _format, ...item }) => ({
          ...item,
          textEditText: textEdit!.newText,
        })),
      };
    }
    return incomplete ? { isIncomplete: true, items: converted } : converted;
  }

  resolve(item: CompletionItem): CompletionItem {
    const reference = item.data as KeyReference | undefined;
    if (item.documentation || !reference || !Array.isArray(reference.objectPath) || typeof reference.key !== 'string')
      return item;
    const documentation = keyDocumentation(reference);
    return documentation ? { ...item, documentation: this.markup(documentation) } : item;
  }

  private markup(markdown: string): MarkupContent {
    return this.features().completionMarkdown
      ? { kind: MarkupKind.Markdown, value: markdown }
      : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };
  }
}

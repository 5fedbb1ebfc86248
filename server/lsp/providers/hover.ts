import { Hover, HoverParams, MarkupKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientFeatures } from '../clientFeatures';
import { rangeOf } from '../convert';
import { AnalysisCache } from '../analysisCache';
import { hover, OrgSnapshot } from '@crm/languageservice';
import { markdownToPlainText } from '../plainText';

export class HoverProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly features: () => ClientFeatures,
    private readonly org: () => OrgSnapshot | undefined = () => undefined,
  ) {}

  provide(document: TextDocument, params: HoverParams): Hover | null {
    const result = hover(this.cache.get(document).parsed, document.offsetAt(params.position), this.org());
    if (!result) return null;
    const contents = this.features().hoverMarkdown
      ? { kind: MarkupKind.Markdown, value: result.markdown }
      : { kind: MarkupKind.PlainText, value: markdownToPlainText(result.markdown) };
    return { contents, range: rangeOf(document, result.offset, result.length) };
  }
}

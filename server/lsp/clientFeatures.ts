/**
 * What the connected editor says it can show, read once at initialize. A client that does not list a
 * feature gets the plain form: no snippet syntax, plain-text hovers and documentation, flat symbols.
 */
import { ClientCapabilities, MarkupKind } from 'vscode-languageserver';

export interface ClientFeatures {
  snippets: boolean;
  completionMarkdown: boolean;
  hoverMarkdown: boolean;
  hierarchicalSymbols: boolean;
  /** completionItem/resolve can fill in documentation later (the client asks for `documentation`). */
  resolveDocumentation: boolean;
  /** A completion list may state the edit range once for all its items (LSP 3.17 itemDefaults.editRange). */
  defaultEditRange: boolean;
}

/** Before initialize, and for tests that call providers directly: everything an editor like VS Code has. */
export const FULL_FEATURES: ClientFeatures = {
  snippets: true,
  completionMarkdown: true,
  hoverMarkdown: true,
  hierarchicalSymbols: true,
  resolveDocumentation: true,
  defaultEditRange: true,
};

export function clientFeatures(capabilities: ClientCapabilities): ClientFeatures {
  const completionItem = capabilities.textDocument?.completion?.completionItem;
  return {
    snippets: completionItem?.snippetSupport === true,
    completionMarkdown: completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false,
    hoverMarkdown: capabilities.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? false,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    resolveDocumentation: completionItem?.resolveSupport?.properties.includes('documentation') ?? false,
    defaultEditRange:
      capabilities.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange') ?? false,
  };
}

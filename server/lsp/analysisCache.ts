/** One analysis per document version: diagnostics, completions, hovers and fixes share it. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ApiVersion, DEFAULT_API_VERSION, Analysis, documentKindOf, reanalyze } from '@crm/languageservice';

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  /** `apiVersion`: the Zoho CRM API version to check for, read at each check (a client may change it). */
  constructor(private readonly apiVersion: () => ApiVersion = () => DEFAULT_API_VERSION) {}

  get(document: TextDocument): Analysis {
    const entry = this.entries.get(document.uri);
    const apiVersion = this.apiVersion();
    if (entry && entry.version === document.version && entry.analysis.parsed.apiVersion === apiVersion)
      return entry.analysis;
    // The previous version's analysis lets an edit inside one value be re-checked alone.
    // The file's name says what it holds: a module's body, or a module's fields.
    const analysis = reanalyze(entry?.analysis, document.getText(), apiVersion, documentKindOf(document.uri));
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

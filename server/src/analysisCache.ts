/** One analysis per document version: diagnostics, completions, hovers and fixes share it. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, reanalyze } from './languageservice';

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: Analysis }>();

  get(document: TextDocument): Analysis {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.analysis;
    // The previous version's analysis lets an edit inside one value be re-checked alone.
    const analysis = reanalyze(entry?.analysis, document.getText());
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}

/** Pushes diagnostics (textDocument/publishDiagnostics), so clients without pull support get them too. */
import { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../convert';
import { AnalysisCache } from '../analysisCache';
import { failureText } from '../failureText';
import { checkAgainstOrg, isBlank, OrgSnapshot } from '@crm/languageservice';

export class DiagnosticsProvider {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Opened and not yet checked: TextDocuments follows each open with a content change, checked at once. */
  private readonly opening = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: AnalysisCache,
    private readonly delayMs: () => number,
    private readonly org: () => OrgSnapshot | undefined = () => undefined,
    /** A snapshot still being read (a file named at start): checks wait for it instead of publishing twice. */
    private readonly orgPending: () => Promise<void> | undefined = () => undefined,
    /** A fields file's module, whose fields the snapshot may hold. */
    private readonly fieldsModule: (uri: string) => string | undefined = () => undefined,
  ) {
    documents.onDidOpen((event) => this.opening.add(event.document.uri));
    documents.onDidChangeContent((event) => {
      if (this.opening.delete(event.document.uri)) this.publish(event.document);
      else this.schedule(event.document);
    });
    documents.onDidClose((event) => {
      this.opening.delete(event.document.uri);
      clearTimeout(this.timers.get(event.document.uri));
      this.timers.delete(event.document.uri);
      cache.delete(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });
  }

  private schedule(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    const delay = this.delayMs();
    if (delay <= 0) return this.publish(document);
    // Typing fast re-checks once, after the pause, and against the latest text.
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        const latest = this.documents.get(document.uri);
        if (latest) this.publish(latest);
      }, delay),
    );
  }

  /** Re-checks every open file now (the org snapshot changed). */
  publishAll(): void {
    for (const document of this.documents.all()) this.publish(document);
  }

  private publish(document: TextDocument): void {
    const pending = this.orgPending();
    if (pending) {
      void pending.then(() => {
        const latest = this.documents.get(document.uri);
        if (latest) this.publish(latest);
      });
      return;
    }
    try {
      const analysis = this.cache.get(document);
      const snapshot = this.org();
      const org = snapshot
        ? checkAgainstOrg(analysis.parsed, snapshot, Date.now(), this.fieldsModule(document.uri))
        : [];
      // A file just made is not a mistake yet: its lenses offer the snippets (sending it still refuses it).
      const findings = isBlank(analysis.parsed)
        ? []
        : org.length
          ? [...analysis.findings, ...org].sort((a, b) => a.offset - b.offset)
          : analysis.findings;
      void this.connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics: findings.map((finding) =>
          toDiagnostic(document, finding, analysis.parsed.apiVersion, analysis.parsed.kind),
        ),
      });
    } catch (error) {
      this.connection.console.error(`Checking ${document.uri} failed: ${failureText(error)}`);
    }
  }
}

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE, rangeOf, sameRange, toDiagnostic, toTextEdit } from '../convert';
import { AnalysisCache } from '../analysisCache';
import { checkAgainstOrg, EditorActionKind, fixAll, fixesAt, OrgSnapshot, withOrgFixes } from '@crm/languageservice';
import { toCommand } from '../editorCommands';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.zoho-crm`;

export class CodeActionProvider {
  constructor(
    private readonly cache: AnalysisCache,
    private readonly org: () => OrgSnapshot | undefined = () => undefined,
    private readonly runs: () => ReadonlySet<EditorActionKind> = () => new Set(),
    private readonly fieldsModule: (uri: string) => string | undefined = () => undefined,
  ) {}

  provide(document: TextDocument, params: CodeActionParams): CodeAction[] {
    const analysis = this.cache.get(document);
    const snapshot = this.org();
    const orgFindings = snapshot
      ? checkAgainstOrg(analysis.parsed, snapshot, Date.now(), this.fieldsModule(document.uri))
      : [];
    const findings = withOrgFixes(
      orgFindings.length ? [...analysis.findings, ...orgFindings] : analysis.findings,
      analysis.parsed,
      this.org(),
    );
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const wantsQuickFix =
      !only ||
      only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix));
    if (wantsQuickFix) {
      const start = document.offsetAt(params.range.start);
      const end = document.offsetAt(params.range.end);
      for (const { finding, fix } of fixesAt(findings, start, end)) {
        const command = toCommand(fix.then, fix.title, document.uri, this.runs());
        // A fix that is only an action (switch the API version) needs a client that runs it.
        if (!fix.edits.length && !command) continue;
        const diagnostic = toDiagnostic(document, finding, analysis.parsed.apiVersion, analysis.parsed.kind);
        // Link the action to the diagnostic the client already shows, so "Quick Fix…" lists it there.
        const shown = params.context.diagnostics.find(
          (candidate: Diagnostic) =>
            candidate.source === DIAGNOSTIC_SOURCE &&
            candidate.code === finding.code &&
            sameRange(candidate.range, diagnostic.range),
        );
        const snippets = fix.edits.filter((edit) => edit.snippet !== undefined);
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [shown ?? diagnostic],
          isPreferred: fix.preferred,
          edit: fix.edits.length
            ? { changes: { [document.uri]: fix.edits.map((edit) => toTextEdit(document, edit)) } }
            : undefined,
          command,
          // LSP 3.17 has no snippet edits: VS Code's client turns these into SnippetTextEdits (cursor in place).
          data:
            snippets.length && snippets.length === fix.edits.length
              ? {
                  snippets: snippets.map((edit) => ({
                    range: rangeOf(document, edit.offset, edit.length),
                    snippet: edit.snippet,
                  })),
                }
              : undefined,
        });
      }
    }
    const wantsFixAll = only?.some((kind) => FIX_ALL_KIND.startsWith(kind)) ?? false;
    if (wantsFixAll) {
      const edits = fixAll(findings);
      if (edits.length) {
        actions.push({
          title: 'Fix all auto-fixable Zoho CRM problems',
          kind: FIX_ALL_KIND,
          edit: { changes: { [document.uri]: edits.map((edit) => toTextEdit(document, edit)) } },
        });
      }
    }
    return actions;
  }
}

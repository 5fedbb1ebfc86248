/** Offsets (the language service) to and from LSP positions and types. */
import { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApiVersion,
  CREATE_BODY_CODES,
  createPage,
  DocumentKind,
  DEFAULT_API_VERSION,
  Finding,
  TextEdit,
} from '@crm/languageservice';

export const DIAGNOSTIC_SOURCE = 'zoho-crm';

export function rangeOf(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

/** `apiVersion`, `kind`: a Zoho code links to that version's page of the request the file holds. */
export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  apiVersion: ApiVersion = DEFAULT_API_VERSION,
  kind: DocumentKind = 'module',
): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.length),
    severity:
      finding.severity === 'error'
        ? DiagnosticSeverity.Error
        : finding.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    code: finding.code,
    codeDescription: CREATE_BODY_CODES.has(finding.code) ? { href: createPage(apiVersion, kind) } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

export function toTextEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return { range: rangeOf(document, edit.offset, edit.length), newText: edit.newText };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

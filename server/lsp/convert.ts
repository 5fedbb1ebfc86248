/** Offsets (the language service) to and from LSP positions and types. */
import { Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding, TextEdit } from '@crm/languageservice';

export const DIAGNOSTIC_SOURCE = 'zoho-crm';
const DOCS_URL = 'https://www.zoho.com/crm/developer/docs/api/v7/create-custom-module-api.html';
const ZOHO_CODES = new Set([
  'INVALID_DATA',
  'DUPLICATE_DATA',
  'MANDATORY_NOT_FOUND',
  'MINIMUM_DATA_NOT_FOUND',
  'RESERVED_KEYWORD_NOT_ALLOWED',
  'EXPECTED_FIELD_MISSING',
  'DEPENDENT_FIELD_MISSING',
]);

export function rangeOf(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.offset, finding.length),
    severity:
      finding.severity === 'error'
        ? DiagnosticSeverity.Error
        : finding.severity === 'warning'
          ? DiagnosticSeverity.Warning
          : DiagnosticSeverity.Information,
    code: finding.code,
    codeDescription: ZOHO_CODES.has(finding.code) ? { href: DOCS_URL } : undefined,
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

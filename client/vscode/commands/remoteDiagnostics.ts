/**
 * Zoho's own answers as diagnostics, apart from the language server's: set after a failed Create
 * Module, cleared for a file when it is edited or created successfully, other files untouched.
 */
import * as vscode from 'vscode';
import { OWN_CODES } from '@crm/languageservice';
import { describeApiError, locateError, ZohoErrorEntry } from '@crm/zoho';

export const REMOTE_SOURCE = 'zoho-crm (server)';

export class RemoteDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('zoho-crm-remote');
  private readonly subscription = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.contentChanges.length && this.collection.has(event.document.uri))
      this.collection.delete(event.document.uri);
  });

  /** `redact`: Zoho's words may echo a secret; the Problems panel shows them only through the log's redactor. */
  constructor(private readonly redact: (text: string) => string = (text) => text) {}

  /** `describe`: an error in words (a module's explanations by default; a field's refusal says its own). */
  show(
    document: vscode.TextDocument,
    errors: ZohoErrorEntry[],
    summary: string,
    describe: (error: ZohoErrorEntry) => string = describeApiError,
  ): vscode.Diagnostic[] {
    const text = document.getText();
    const list = errors.length ? errors : [{ code: OWN_CODES.error, message: summary }];
    const diagnostics = list.map((error) => {
      const place = locateError(text, error);
      const range = new vscode.Range(
        document.positionAt(place.offset),
        document.positionAt(place.offset + place.length),
      );
      const diagnostic = new vscode.Diagnostic(
        range,
        this.redact(`Zoho answered: ${errors.length ? describe(error) : summary}`),
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = REMOTE_SOURCE;
      diagnostic.code = error.code;
      return diagnostic;
    });
    this.collection.set(document.uri, diagnostics);
    return diagnostics;
  }

  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}

/**
 * Restricted Mode: in a folder the user has not trusted, the editor features run (they are only our
 * bundled code), but nothing signs in or sends to Zoho. Checked when a command runs, so the person who
 * asks is told why instead of finding a command missing.
 */
import * as vscode from 'vscode';

export class RestrictedModeError extends Error {
  constructor(action: string) {
    super(
      `${action} is not available in Restricted Mode: this folder is not trusted. Trust it to sign in to Zoho or send modules from it.`,
    );
    this.name = 'RestrictedModeError';
  }
}

/** Throws RestrictedModeError when the workspace is not trusted. */
export function requireTrust(action: string): void {
  if (!vscode.workspace.isTrusted) throw new RestrictedModeError(action);
}

/** Shows the Restricted Mode message with a way to trust the folder. */
export function explainRestricted(error: RestrictedModeError): void {
  void vscode.window.showWarningMessage(error.message, 'Manage Workspace Trust').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
  });
}

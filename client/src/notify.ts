/**
 * Notifications say one short thing; the whole message is in the log (callers write it there), one click
 * away behind "Details". A toast that wraps or is cut off ("…the token was re…") helps nobody.
 */
import * as vscode from 'vscode';
import { brief } from './brief';

export function notify(level: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined> {
  const short = brief(message);
  const items = short === message ? actions : [...actions, 'Details'];
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(short, ...items).then((choice) => {
    if (choice === 'Details') void vscode.commands.executeCommand('zohoCrm.showLog');
    return choice;
  });
}

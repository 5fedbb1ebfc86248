/**
 * Notifications say one short thing; the whole message is in the log (callers write it there), one click
 * away behind "Details". A toast that wraps or is cut off ("…the token was re…") helps nobody.
 */
import * as vscode from 'vscode';

const SHORT = 110;

export function notify(level: 'info' | 'warning' | 'error', message: string, ...actions: string[]): Thenable<string | undefined> {
  const short = brief(message);
  const items = short === message ? actions : [...actions, 'Details'];
  const show = level === 'error' ? vscode.window.showErrorMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  return show(short, ...items).then((choice) => {
    if (choice === 'Details') void vscode.commands.executeCommand('zohoCrm.showLog');
    return choice;
  });
}

/** The first sentence when the message is long, else the message; never cut in the middle of a word. */
export function brief(message: string): string {
  if (message.length <= SHORT) return message;
  const sentence = /^(.{20,}?[.!?])(\s|$)/.exec(message)?.[1];
  if (sentence && sentence.length <= SHORT + 40) return sentence;
  const cut = message.slice(0, SHORT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

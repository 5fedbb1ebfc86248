/**
 * Notifications say one short thing; the whole message is in the log (callers write it there), one click
 * away behind "Details". A toast that wraps or is cut off ("…the token was re…") helps nobody.
 * Every message passes the log's redactor (it may quote Zoho, which may echo a secret) and loses its link
 * syntax: a notification renders `[text](command:…)` as a link, and org names or Zoho's words must not.
 */
import * as vscode from 'vscode';
import { brief } from './brief';
import { notificationText } from './notificationText';

export { notificationText, redactNotificationsWith } from './notificationText';

export function notify(
  level: 'info' | 'warning' | 'error',
  message: string,
  ...actions: string[]
): Thenable<string | undefined> {
  const safe = notificationText(message);
  const short = brief(safe);
  const items = short === safe ? actions : [...actions, 'Details'];
  const show =
    level === 'error'
      ? vscode.window.showErrorMessage
      : level === 'warning'
        ? vscode.window.showWarningMessage
        : vscode.window.showInformationMessage;
  return show(short, ...items).then((choice) => {
    if (choice === 'Details') void vscode.commands.executeCommand('zohoCrm.showLog');
    return choice;
  });
}

/**
 * What a notification may show of a message: secrets redacted (it may quote Zoho, which may echo one), and
 * no link syntax (VS Code renders `[text](command:…)` in a notification as a link, and an org's names or
 * Zoho's words must not become one). Without VS Code types, so it is tested on its own.
 */
import { Redactor, redactPatterns } from '@crm/zoho';

let redactor: Redactor | undefined;

/** The extension's one redactor (its log's), set at activation: it learns each secret as it is entered or loaded. */
export function redactNotificationsWith(shared: Redactor): void {
  redactor = shared;
}

export function notificationText(text: string): string {
  return (redactor ? redactor.redact(text) : redactPatterns(text)).replace(/\]\s*\(/g, '] (');
}

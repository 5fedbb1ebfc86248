/**
 * The CLI's one way to the terminal: every string it prints (results, Zoho's words, errors, the verbose
 * log) passes here. Secrets are redacted, known from the environment before the first request, and
 * control characters are shown as `\u001b`, so an org's names or a server's answer cannot clear the
 * screen, retitle the window or write the clipboard (OSC 52). The same escape is valid inside JSON strings.
 */
import { escapeControls } from '@crm/languageservice';
import { Redactor } from '@crm/zoho';

/** The secrets of the CLI's environment, registered before anything can echo them. */
export function redactorFor(env: NodeJS.ProcessEnv): Redactor {
  const redactor = new Redactor();
  for (const name of ['ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN']) redactor.add(env[name]);
  return redactor;
}

export function terminalText(text: string, redactor: Redactor): string {
  return escapeControls(redactor.redact(text));
}

export function terminalWriter(write: (text: string) => void, redactor: Redactor): (text: string) => void {
  return (text) => write(terminalText(text, redactor));
}

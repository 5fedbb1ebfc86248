/**
 * What the language server accepts beyond LSP, declared once for the server and every client that sends it
 * (the VS Code extension; any LSP editor sends the same JSON). The server still reads each payload as
 * untrusted: these types say what a well-behaved client sends.
 */
import { NotificationType } from 'vscode-languageserver-protocol';
import type { ApiVersion, OrgSnapshot } from '@crm/languageservice';

export { SERVER_NODE_FLAGS } from './nodeFlags';

/** `initializationOptions` of `initialize`. */
export interface InitializationOptions {
  /** Pause after a keystroke before re-checking; 0 checks on every change. */
  diagnosticsDelayMs?: number;
  /** The org's profiles and modules, for clients that send them once. */
  orgSnapshot?: OrgSnapshot | null;
  /** A file holding the org snapshot (`crm-module snapshot -o <file>`), read again when it changes. */
  orgSnapshotFile?: string;
  /** The Zoho CRM API version to check for: "v7" (the default) or "v8". */
  apiVersion?: string;
}

/** The org's profiles and modules, or none (signed out): open files are re-checked. */
export interface OrgSnapshotParams {
  snapshot: OrgSnapshot | null;
}
export const OrgSnapshotNotification = new NotificationType<OrgSnapshotParams>('zohoCrm/orgSnapshot');

/** The Zoho CRM API version files are checked for: open files are re-checked. */
export interface ApiVersionParams {
  apiVersion: ApiVersion;
}
export const ApiVersionNotification = new NotificationType<ApiVersionParams>('zohoCrm/apiVersion');

/**
 * What the language server accepts beyond LSP, declared once for the server and every client that sends it
 * (the VS Code extension; any LSP editor sends the same JSON). The server still reads each payload as
 * untrusted: these types say what a well-behaved client sends.
 */
import { NotificationType } from 'vscode-languageserver-protocol';
import type { ApiVersion, EditorActionKind, OrgSnapshot } from '@crm/languageservice';

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
  /**
   * The editor actions this client runs (keys of EDITOR_COMMANDS): fixes, completions and lenses then come with
   * their commands. Any other client gets the edits and the lenses' text alone.
   */
  editorActions?: string[];
}

/**
 * The command behind each editor action: VS Code's own for suggest and snippets, the extension's for the rest.
 * A lens or fix about a file passes its URI (a string) as the first argument.
 */
export const EDITOR_COMMANDS: Record<EditorActionKind, string> = {
  suggest: 'editor.action.triggerSuggest',
  insertSnippet: 'editor.action.insertSnippet',
  signIn: 'zohoCrm.signIn',
  useApiVersion: 'zohoCrm.useApiVersion',
  createModule: 'zohoCrm.createModule',
  updateModule: 'zohoCrm.updateModule',
  compareWithOrg: 'zohoCrm.compareWithOrg',
  createFields: 'zohoCrm.createFields',
  updateFields: 'zohoCrm.updateFields',
};

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

/** What the commands on module and fields files share: which file, one send per file at a time, a sign-in. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConnectionInfo } from '../connections/connectionStore';
import { signIn } from './signIn';
import { explainRestricted, RestrictedModeError, requireTrust } from '../config/trust';
import { Logger, messageOf } from '@crm/zoho';
import { documentKindOf, MODULE_FILE, moduleOfFieldsFile, siblingModuleFile } from '@crm/languageservice';
import { Services } from '../connections/services';
import { notify } from '../messages/notify';
import { OrgData } from '../org/orgData';
import { textForConnection } from '../org/targetIds';

export type Stopped = { kind: 'failed'; message: string } | { kind: 'cancelled'; message: string };

/**
 * The module file a command is about: the one it was given (Explorer, automation, a lens's URI string) or the
 * active editor's.
 */
export function moduleFileOf(target: unknown): vscode.Uri | undefined {
  const uri =
    target instanceof vscode.Uri
      ? target
      : typeof target === 'string'
        ? parsedUri(target)
        : vscode.window.activeTextEditor?.document.uri;
  return uri && MODULE_FILE.test(uri.path) ? uri : undefined;
}

/** The fields file a command is about: the one it was given, or the active editor's. */
export function fieldsFileOf(target: unknown): vscode.Uri | undefined {
  const uri =
    target instanceof vscode.Uri
      ? target
      : typeof target === 'string'
        ? parsedUri(target)
        : vscode.window.activeTextEditor?.document.uri;
  return uri && documentKindOf(uri.path) === 'fields' ? uri : undefined;
}

/** The module of a fields file: the api_name of `<name>.crm-module.json` beside it, else `<name>`. */
export async function moduleOfFieldsUri(uri: vscode.Uri): Promise<string> {
  return moduleOfFieldsFile(uri.path, await readText(uri.with({ path: siblingModuleFile(uri.path) })));
}

/** A file's text, or undefined when there is none (or it cannot be read). */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function parsedUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** Says what a command is doing with a file now ("waiting for you to sign in"), for a second click to read. */
export type Phase = (now: string) => void;

/** One send per file at a time: a second click while the first is on its way must not send twice. */
export class OneAtATime {
  private readonly busy = new Map<string, { phase: string }>();

  constructor(private readonly command: string) {}

  async run<T>(uri: vscode.Uri, work: (phase: Phase) => Promise<T>): Promise<T | Stopped> {
    const key = uri.toString();
    const current = this.busy.get(key);
    if (current) {
      // What the first run is really doing: a sign-in or a question can be what it waits for, not Zoho.
      const message = `${this.command} is still at work on ${path.basename(uri.path)}: ${current.phase}.`;
      void notify('info', message);
      return { kind: 'cancelled', message };
    }
    const state = { phase: 'checking it' };
    this.busy.set(key, state);
    try {
      return await work((now) => (state.phase = now));
    } finally {
      this.busy.delete(key);
    }
  }
}

/**
 * The active connection, or a sign-in when the user agrees to one (never without asking). The question is
 * modal: a toast went to the notification centre unseen while the command waited on it.
 */
export async function connectionFor(
  services: Services,
  interactive: boolean,
  purpose: string,
  phase: Phase = () => {},
): Promise<ConnectionInfo | Stopped> {
  const active = services.store.active();
  if (active) return active;
  if (!interactive) return { kind: 'cancelled', message: 'Not signed in to Zoho CRM.' };
  phase('waiting for you to sign in to Zoho CRM');
  const choice = await vscode.window.showInformationMessage(
    `Sign in to Zoho CRM to ${purpose}?`,
    { modal: true, detail: 'Nothing is sent before you have signed in; then it goes to the org you sign in to.' },
    'Sign In',
  );
  if (choice !== 'Sign In') return { kind: 'cancelled', message: 'Not signed in to Zoho CRM.' };
  try {
    const connection = await signIn(services);
    return connection ?? { kind: 'cancelled', message: 'Sign-in cancelled.' };
  } catch (error) {
    const message = messageOf(error);
    services.log.warn(message);
    void notify('error', message);
    return { kind: 'failed', message };
  }
}

/** The connection a command sends to: the one named (automation, Promote), else the active one (or a sign-in). */
export async function targetConnection(
  services: Services,
  targetId: string | undefined,
  interactive: boolean,
  purpose: string,
  phase: Phase = () => {},
): Promise<ConnectionInfo | Stopped> {
  if (targetId === undefined) return connectionFor(services, interactive, purpose, phase);
  const found = services.store.list().find((connection) => connection.id === targetId);
  return found ?? failed(services.log, 'That connection is no longer signed in; nothing was sent.');
}

/** The text to send to `connection` (another org's ids mapped by name), or how the command stops. */
export async function textToSend(
  services: Services,
  org: OrgData,
  connection: ConnectionInfo,
  uri: vscode.Uri,
  text: string,
): Promise<string | Stopped> {
  const sent = await textForConnection(services, org, connection, uri, text);
  return typeof sent === 'string' ? sent : failed(services.log, sent.refused);
}

/** A command that stops: logged, said in a short notification, returned for automation. */
export function failed(log: Logger, message: string): Stopped {
  log.warn(message);
  void notify('error', message);
  return { kind: 'failed', message };
}

/** The file's document, or why it could not be read (said to the user). */
export async function openModuleDocument(uri: vscode.Uri, log: Logger): Promise<vscode.TextDocument | Stopped> {
  try {
    return await vscode.workspace.openTextDocument(uri);
  } catch (error) {
    return failed(log, `Could not read ${path.basename(uri.path)}: ${messageOf(error)}`);
  }
}

export function isStopped<T extends object>(value: T | Stopped): value is Stopped {
  return 'kind' in value && (value.kind === 'failed' || value.kind === 'cancelled');
}

/** Restricted Mode: the command stops with a way to trust the folder (undefined when trusted). */
export function refuseWhenRestricted(
  log: Logger,
  command: string,
): { kind: 'restricted'; message: string } | undefined {
  try {
    requireTrust(command);
    return undefined;
  } catch (error) {
    if (!(error instanceof RestrictedModeError)) throw error;
    log.warn(error.message);
    explainRestricted(error);
    return { kind: 'restricted', message: error.message };
  }
}

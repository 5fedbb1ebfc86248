/** What the commands that send a module file share: which file, one send per file at a time, a sign-in. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConnectionInfo } from '../connections/connectionStore';
import { signIn } from './signIn';
import { explainRestricted, RestrictedModeError, requireTrust } from '../config/trust';
import { Logger, messageOf } from '@crm/zoho';
import { Services } from '../connections/services';
import { notify } from '../messages/notify';

export const MODULE_FILE = /\.crm-module\.json$/i;

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

function parsedUri(text: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(text, true);
  } catch {
    return undefined;
  }
}

/** One send per file at a time: a second click while the first is on its way must not send twice. */
export class OneAtATime {
  private readonly busy = new Set<string>();

  async run<T>(uri: vscode.Uri, what: string, work: () => Promise<T>): Promise<T | Stopped> {
    const key = uri.toString();
    if (this.busy.has(key)) {
      const message = `${path.basename(uri.path)} is already being ${what}.`;
      void notify('info', message);
      return { kind: 'cancelled', message };
    }
    this.busy.add(key);
    try {
      return await work();
    } finally {
      this.busy.delete(key);
    }
  }
}

/** The active connection, or a sign-in when the user agrees to one (never without asking). */
export async function connectionFor(
  services: Services,
  interactive: boolean,
  purpose: string,
): Promise<ConnectionInfo | Stopped> {
  const active = services.store.active();
  if (active) return active;
  if (!interactive) return { kind: 'cancelled', message: 'Not signed in to Zoho CRM.' };
  const choice = await notify('info', `Sign in to Zoho CRM to ${purpose}.`, 'Sign In');
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

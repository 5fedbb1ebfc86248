/**
 * Zoho CRM as a VS Code authentication provider: connections show in the Accounts menu, and any code
 * can ask for a session with vscode.authentication.getSession('zoho-crm', scopes).
 */
import * as vscode from 'vscode';
import { Logger } from '../zoho/log';
import { ConnectionInfo, ConnectionStore } from './connectionStore';
import { signIn } from './signInFlow';
import { signOut } from './signOut';

export const PROVIDER_ID = 'zoho-crm';

export class ZohoAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.emitter.event;
  private known: vscode.AuthenticationSession[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ConnectionStore, private readonly log: Logger) {
    this.subscription = store.onDidChange(() => void this.announceChanges());
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const sessions: vscode.AuthenticationSession[] = [];
    for (const connection of this.store.list()) {
      if (scopes?.length && !scopes.every((scope) => connection.scopes.includes(scope))) continue;
      try {
        sessions.push(await this.sessionOf(connection));
      } catch (error) {
        this.log.warn(`No session for ${connection.label}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return sessions;
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const connection = await signIn(this.store, this.log);
    if (!connection) throw new Error('Sign-in cancelled');
    if (scopes.length && !scopes.every((scope) => connection.scopes.includes(scope))) {
      this.log.warn(`The new sign-in does not grant every scope asked for (${scopes.join(', ')})`);
    }
    return this.sessionOf(connection);
  }

  async removeSession(sessionId: string): Promise<void> {
    const connection = this.store.list().find((candidate) => candidate.id === sessionId);
    if (connection) await signOut(this.store, this.log, connection);
  }

  private async sessionOf(connection: ConnectionInfo): Promise<vscode.AuthenticationSession> {
    const tokens = await this.store.tokens(connection);
    return { id: connection.id, accessToken: await tokens.accessToken(), account: { id: connection.id, label: connection.label }, scopes: connection.scopes };
  }

  private async announceChanges(): Promise<void> {
    const ids = new Set(this.store.list().map((connection) => connection.id));
    const added = this.store.list().filter((connection) => !this.known.some((session) => session.id === connection.id));
    const removed = this.known.filter((session) => !ids.has(session.id));
    this.known = this.store.list().map((connection) => ({ id: connection.id, accessToken: '', account: { id: connection.id, label: connection.label }, scopes: connection.scopes }));
    if (added.length || removed.length) {
      this.emitter.fire({ added: this.known.filter((session) => added.some((connection) => connection.id === session.id)), removed, changed: [] });
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

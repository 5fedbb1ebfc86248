/**
 * Zoho CRM as a VS Code authentication provider: connections show in the Accounts menu, and any code
 * can ask for a session with vscode.authentication.getSession('zoho-crm', scopes).
 *
 * Sessions are listed from what is stored. A fresh access token is fetched when one is due, but a
 * connection never vanishes because Zoho is slow or the machine is offline: it is then listed with the
 * last token known (or none), and only Zoho rejecting its refresh token removes it.
 */
import * as vscode from 'vscode';
import { messageOf } from '@crm/zoho';
import { Services } from './connections/services';
import { ConnectionInfo } from './connections/connectionStore';
import { signIn } from './commands/signIn';
import { signOut } from './commands/signOut';

export const PROVIDER_ID = 'zoho-crm';

/** How long listing sessions waits for a token refresh before listing the session without a fresh one. */
const TOKEN_WAIT_MS = 3000;

export class ZohoAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.emitter.event;
  private known: vscode.AuthenticationSession[];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly services: Services) {
    this.known = services.store.list().map((connection) => this.describe(connection, ''));
    this.subscription = services.store.onDidChange(() => this.announceChanges());
  }

  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const connections = this.services.store
      .list()
      .filter((connection) => !scopes?.length || scopes.every((scope) => connection.scopes.includes(scope)));
    const sessions = await Promise.all(
      connections.map(async (connection) => this.describe(connection, await this.tokenIfAvailable(connection))),
    );
    // A refresh just now may have found the refresh token rejected, which removes the connection.
    const still = new Set(this.services.store.list().map((connection) => connection.id));
    return sessions.filter((session) => still.has(session.id));
  }

  async createSession(scopes: readonly string[]): Promise<vscode.AuthenticationSession> {
    const connection = await signIn(this.services, { scopes: [...scopes] });
    if (!connection) throw new Error('Sign-in cancelled');
    return this.describe(connection, await this.tokenIfAvailable(connection));
  }

  async removeSession(sessionId: string): Promise<void> {
    const connection = this.services.store.list().find((candidate) => candidate.id === sessionId);
    if (connection) await signOut(this.services, connection);
  }

  private async tokenIfAvailable(connection: ConnectionInfo): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const tokens = await this.services.store.tokens(connection);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no token within ${TOKEN_WAIT_MS / 1000} s`)), TOKEN_WAIT_MS);
      });
      return await Promise.race([tokens.accessToken(), timeout]);
    } catch (error) {
      this.services.log.warn(`Listing ${connection.label} without a fresh access token: ${messageOf(error)}`);
      return this.services.store.cachedTokens(connection.id)?.lastKnownToken() ?? '';
    } finally {
      clearTimeout(timer);
    }
  }

  private describe(connection: ConnectionInfo, accessToken: string): vscode.AuthenticationSession {
    return {
      id: connection.id,
      accessToken,
      account: { id: connection.id, label: connection.label },
      scopes: connection.scopes,
    };
  }

  private announceChanges(): void {
    const connections = this.services.store.list();
    const ids = new Set(connections.map((connection) => connection.id));
    const added = connections
      .filter((connection) => !this.known.some((session) => session.id === connection.id))
      .map((connection) => this.describe(connection, ''));
    const removed = this.known.filter((session) => !ids.has(session.id));
    this.known = connections.map((connection) => this.describe(connection, ''));
    if (added.length || removed.length) this.emitter.fire({ added, removed, changed: [] });
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}

/**
 * The Zoho connections this VS Code knows. What identifies a connection (org, data center, hosts) lives in
 * global state; the client id, client secret and refresh token live in SecretStorage only. When
 * SecretStorage fails, the sign-in is not kept: there is no fallback to anything else.
 */
import type { Event, Memento, SecretStorage } from 'vscode';
import { CrmClient } from '../zoho/crmClient';
import { Environment } from '../zoho/dataCenters';
import { ZohoError } from '../zoho/errors';
import { createHttp } from '../zoho/http';
import { Logger } from '../zoho/log';
import { OAuthClient } from '../zoho/oauth';
import { TokenManager } from '../zoho/tokenManager';

export interface ConnectionInfo {
  id: string;
  /** How people see it: the org's name, else the data center and environment. */
  label: string;
  dataCenter: string;
  environment: Environment;
  accountsServer: string;
  apiDomain: string;
  orgId?: string;
  scopes: string[];
  createdAt: string;
}

export interface ConnectionSecrets {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

const CONNECTIONS_KEY = 'zohoCrm.connections';
const ACTIVE_KEY = 'zohoCrm.activeConnection';
const secretKey = (id: string) => `zohoCrm.connection.${id}`;

export const SECRET_STORAGE_HELP =
  'On Linux VS Code keeps secrets in the system keyring: install and unlock one (GNOME Keyring or KWallet), or start VS Code with --password-store=gnome-libsecret.';

type Listener = () => void;

export class ConnectionStore {
  private readonly managers = new Map<string, TokenManager>();
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly state: Memento,
    private readonly secrets: SecretStorage,
    private readonly log: Logger,
    private readonly settings: () => { apiDomainOverride?: string; timeoutMs: number },
    private readonly oauth: OAuthClient = new OAuthClient(),
  ) {}

  readonly onDidChange: Event<void> = (listener: Listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  list(): ConnectionInfo[] {
    return this.state.get<ConnectionInfo[]>(CONNECTIONS_KEY, []);
  }

  active(): ConnectionInfo | undefined {
    const id = this.state.get<string>(ACTIVE_KEY);
    const connections = this.list();
    return connections.find((connection) => connection.id === id) ?? connections[0];
  }

  async setActive(id: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
    this.changed();
  }

  /** Keeps a new sign-in. Secrets first: if they cannot be stored, nothing is kept at all. */
  async add(info: ConnectionInfo, secrets: ConnectionSecrets, accessToken?: { token: string; expiresAt: number }): Promise<void> {
    try {
      await this.secrets.store(secretKey(info.id), JSON.stringify(secrets));
    } catch (error) {
      this.log.error(`SecretStorage refused to store the sign-in: ${error instanceof Error ? error.message : String(error)}`);
      throw new ZohoError(`VS Code could not save the Zoho sign-in in its secret storage (${error instanceof Error ? error.message : String(error)}), so it was not kept. ${SECRET_STORAGE_HELP}`, 'auth');
    }
    const others = this.list().filter((connection) => connection.id !== info.id);
    await this.state.update(CONNECTIONS_KEY, [...others, info]);
    await this.state.update(ACTIVE_KEY, info.id);
    const manager = this.createManager(info, secrets);
    if (accessToken) manager.seed(accessToken.token, accessToken.expiresAt);
    this.managers.set(info.id, manager);
    this.changed();
  }

  async secretsOf(id: string): Promise<ConnectionSecrets | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(secretKey(id));
    } catch (error) {
      throw new ZohoError(`VS Code could not read the Zoho sign-in from its secret storage (${error instanceof Error ? error.message : String(error)}). ${SECRET_STORAGE_HELP}`, 'auth');
    }
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as ConnectionSecrets;
    } catch {
      return undefined;
    }
  }

  /** Forgets a connection: its secrets, its token in memory and its entry. */
  async remove(id: string): Promise<void> {
    this.managers.delete(id);
    await this.secrets.delete(secretKey(id));
    await this.state.update(CONNECTIONS_KEY, this.list().filter((connection) => connection.id !== id));
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, this.list()[0]?.id);
    this.changed();
  }

  async tokens(info: ConnectionInfo): Promise<TokenManager> {
    const existing = this.managers.get(info.id);
    if (existing) return existing;
    const secrets = await this.secretsOf(info.id);
    if (!secrets) throw new ZohoError(`The sign-in for ${info.label} is missing from VS Code's secret storage. Sign in again.`, 'auth');
    const manager = this.createManager(info, secrets);
    this.managers.set(info.id, manager);
    return manager;
  }

  async crmClient(info: ConnectionInfo): Promise<CrmClient> {
    const { apiDomainOverride, timeoutMs } = this.settings();
    return new CrmClient(apiDomainOverride || info.apiDomain, await this.tokens(info), this.log, createHttp({ timeoutMs }));
  }

  private createManager(info: ConnectionInfo, secrets: ConnectionSecrets): TokenManager {
    return new TokenManager({ ...secrets, accountsServer: info.accountsServer }, this.oauth, this.log);
  }
}

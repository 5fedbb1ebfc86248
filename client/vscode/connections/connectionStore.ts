/**
 * The Zoho connections this VS Code knows. What identifies a connection (org, data center, hosts) lives in
 * global state; the client id, client secret and refresh token live in SecretStorage only. When
 * SecretStorage fails, the sign-in is not kept: there is no fallback to anything else.
 */
import type { Disposable, Event, Memento, SecretStorage } from 'vscode';
import type { ApiVersion } from '@crm/languageservice';
import {
  checkedServerUrl,
  createHttp,
  CrmClient,
  Environment,
  Logger,
  messageOf,
  OAuthClient,
  TokenManager,
  ZohoError,
} from '@crm/zoho';

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
const SECRET_PREFIX = 'zohoCrm.connection.';
const secretKey = (id: string) => `${SECRET_PREFIX}${id}`;
/** Written after every change of the list, so other windows (SecretStorage's change event) look again. */
const GENERATION_KEY = 'zohoCrm.connectionsGeneration';
/** Another window's global state can arrive a little after its secret: look again after these delays. */
const RECHECK_DELAYS_MS = [300, 1500];

export const SECRET_STORAGE_HELP =
  'On Linux VS Code keeps secrets in the system keyring: install and unlock one (GNOME Keyring or KWallet), or start VS Code with --password-store=gnome-libsecret.';

type Listener = () => void;

export class ConnectionStore implements Disposable {
  private readonly managers = new Map<string, TokenManager>();
  private readonly listeners = new Set<Listener>();
  private readonly rejectedListeners = new Set<(connection: ConnectionInfo) => void>();
  private readonly secretsSubscription: Disposable;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly state: Memento,
    private readonly secrets: SecretStorage,
    private readonly log: Logger,
    private readonly settings: () => { apiDomainOverride?: string; timeoutMs: number; apiVersion?: ApiVersion },
    private readonly oauth: OAuthClient = new OAuthClient(undefined, log),
  ) {
    // A sign-in or sign-out in another window changes SecretStorage, whose event reaches every window.
    this.secretsSubscription = secrets.onDidChange((event) => {
      if (event.key === GENERATION_KEY || event.key.startsWith(SECRET_PREFIX)) this.reconcile();
    });
  }

  readonly onDidChange: Event<void> = (listener: Listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** A connection was removed because Zoho no longer accepts its refresh token. */
  readonly onDidRejectRefreshToken: Event<ConnectionInfo> = (listener: (connection: ConnectionInfo) => void) => {
    this.rejectedListeners.add(listener);
    return { dispose: () => this.rejectedListeners.delete(listener) };
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** Brings this window in line with what another window stored: drops tokens of removed connections. */
  private reconcile(): void {
    const check = () => {
      const ids = new Set(this.list().map((connection) => connection.id));
      for (const id of [...this.managers.keys()]) if (!ids.has(id)) this.managers.delete(id);
      this.changed();
    };
    check();
    for (const delay of RECHECK_DELAYS_MS) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        check();
      }, delay);
      this.timers.add(timer);
    }
  }

  private async announceToOtherWindows(): Promise<void> {
    try {
      await this.secrets.store(GENERATION_KEY, new Date().toISOString());
    } catch {
      // Other windows then catch up at their next look; nothing here depends on it.
    }
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
  async add(
    info: ConnectionInfo,
    secrets: ConnectionSecrets,
    accessToken?: { token: string; expiresAt: number },
  ): Promise<void> {
    try {
      await this.secrets.store(secretKey(info.id), JSON.stringify(secrets));
    } catch (error) {
      this.log.error(`SecretStorage refused to store the sign-in: ${messageOf(error)}`);
      throw new ZohoError(
        `VS Code could not save the Zoho sign-in in its secret storage (${messageOf(error)}), so it was not kept. ${SECRET_STORAGE_HELP}`,
        'auth',
      );
    }
    const others = this.list().filter((connection) => connection.id !== info.id);
    await this.state.update(CONNECTIONS_KEY, [...others, info]);
    await this.state.update(ACTIVE_KEY, info.id);
    const manager = this.createManager(info, secrets);
    if (accessToken) manager.seed(accessToken.token, accessToken.expiresAt);
    this.managers.set(info.id, manager);
    this.changed();
    await this.announceToOtherWindows();
  }

  async secretsOf(id: string): Promise<ConnectionSecrets | undefined> {
    let raw: string | undefined;
    try {
      raw = await this.secrets.get(secretKey(id));
    } catch (error) {
      throw new ZohoError(
        `VS Code could not read the Zoho sign-in from its secret storage (${messageOf(error)}). ${SECRET_STORAGE_HELP}`,
        'auth',
      );
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
    await this.state.update(
      CONNECTIONS_KEY,
      this.list().filter((connection) => connection.id !== id),
    );
    if (this.state.get<string>(ACTIVE_KEY) === id) await this.state.update(ACTIVE_KEY, this.list()[0]?.id);
    this.changed();
    await this.announceToOtherWindows();
  }

  async tokens(info: ConnectionInfo): Promise<TokenManager> {
    const existing = this.managers.get(info.id);
    if (existing) return existing;
    const secrets = await this.secretsOf(info.id);
    if (!secrets)
      throw new ZohoError(
        `The sign-in for ${info.label} is missing from VS Code's secret storage. Sign in again.`,
        'auth',
      );
    const manager = this.createManager(info, secrets);
    this.managers.set(info.id, manager);
    return manager;
  }

  async crmClient(info: ConnectionInfo): Promise<CrmClient> {
    const { apiDomainOverride, timeoutMs, apiVersion } = this.settings();
    const apiDomain = apiDomainOverride
      ? checkedServerUrl(apiDomainOverride, 'The setting zohoCrm.apiDomain')
      : info.apiDomain;
    return new CrmClient(apiDomain, await this.tokens(info), this.log, createHttp({ timeoutMs }), apiVersion);
  }

  /** The token manager of a connection, if this window has one already (no SecretStorage read). */
  cachedTokens(id: string): TokenManager | undefined {
    return this.managers.get(id);
  }

  private createManager(info: ConnectionInfo, secrets: ConnectionSecrets): TokenManager {
    return new TokenManager({ ...secrets, accountsServer: info.accountsServer }, this.oauth, this.log, Date.now, () =>
      this.refreshTokenRejected(info),
    );
  }

  /** Zoho says the refresh token is no longer valid: the connection cannot work again, so it goes. */
  private async refreshTokenRejected(info: ConnectionInfo): Promise<void> {
    if (!this.list().some((connection) => connection.id === info.id)) return;
    this.log.warn(
      `Zoho no longer accepts the sign-in for ${info.label} (its refresh token was revoked or has expired); the connection was removed.`,
    );
    await this.remove(info.id);
    for (const listener of this.rejectedListeners) listener(info);
  }

  dispose(): void {
    this.secretsSubscription.dispose();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

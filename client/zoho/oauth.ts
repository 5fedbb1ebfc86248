/** Zoho's OAuth 2.0 endpoints: authorize URL, code exchange, refresh and revoke. */
import { createHash, randomBytes } from 'node:crypto';
import { AxiosInstance } from 'axios';
import { describeAccountsError, ZohoError } from './errors';
import { createHttp, networkErrorMessage, networkReason, parseJson } from './http';
import { Logger } from './log';
import { checkedServerUrl, joinUrl } from './serverUrl';

export const DEFAULT_SCOPES = [
  'ZohoCRM.settings.modules.ALL',
  'ZohoCRM.settings.fields.ALL',
  'ZohoCRM.settings.profiles.READ',
  'ZohoCRM.org.READ',
];

export interface TokenAnswer {
  accessToken: string;
  refreshToken?: string;
  apiDomain?: string;
  /** Absolute time (ms since epoch) the access token stops working. */
  expiresAt: number;
}

export function randomUrlSafe(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function authorizeUrl(options: {
  accountsUrl: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string;
  codeChallenge: string;
}): string {
  const url = new URL(joinUrl(checkedServerUrl(options.accountsUrl, 'The accounts server'), '/oauth/v2/auth'));
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', options.scopes.join(','));
  url.searchParams.set('access_type', 'offline');
  url.searchParams.set('prompt', 'consent');
  url.searchParams.set('state', options.state);
  url.searchParams.set('code_challenge', options.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/**
 * `log`: each token request and answer is logged, as CRM calls are: the endpoint and grant type, the status,
 * what came back (never a secret: the log's redactor hides any that slip into a line).
 */
export class OAuthClient {
  constructor(
    private readonly http: AxiosInstance = createHttp(),
    private readonly log?: Logger,
  ) {}

  exchangeCode(options: {
    accountsServer: string;
    clientId: string;
    clientSecret: string;
    code: string;
    redirectUri?: string;
    codeVerifier?: string;
  }): Promise<TokenAnswer> {
    const form: Record<string, string> = {
      grant_type: 'authorization_code',
      client_id: options.clientId,
      client_secret: options.clientSecret,
      code: options.code,
    };
    if (options.redirectUri) form.redirect_uri = options.redirectUri;
    if (options.codeVerifier) form.code_verifier = options.codeVerifier;
    return this.tokenRequest(options.accountsServer, form, 'Exchanging the grant code');
  }

  refresh(options: {
    accountsServer: string;
    clientId: string;
    clientSecret: string;
    refreshToken: string;
  }): Promise<TokenAnswer> {
    return this.tokenRequest(
      options.accountsServer,
      {
        grant_type: 'refresh_token',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        refresh_token: options.refreshToken,
      },
      'Refreshing the access token',
    );
  }

  async revoke(options: { accountsServer: string; refreshToken: string }): Promise<void> {
    const url = new URL(
      joinUrl(checkedServerUrl(options.accountsServer, 'The accounts server'), '/oauth/v2/token/revoke'),
    );
    // The query carries the token: the log names the endpoint only.
    this.log?.info(`→ POST ${url.toString()} (token=…)`);
    url.searchParams.set('token', options.refreshToken);
    let response;
    try {
      response = await this.http.post(url.toString());
    } catch (error) {
      this.log?.warn(`✗ POST ${url.origin}${url.pathname}: ${networkReason(error)}`);
      throw new ZohoError(networkErrorMessage(error, 'Revoking the token at Zoho failed'), 'network');
    }
    const body = parseJson(response.data) as { status?: string; error?: string } | undefined;
    this.log?.info(`← ${response.status} ${body?.status ?? body?.error ?? '(not JSON)'}`);
    if (response.status >= 400 || body?.status !== 'success') {
      throw new ZohoError(
        `Zoho did not revoke the token (HTTP ${response.status}${body?.error ? `, ${body.error}` : ''}).`,
        'auth',
        body?.error,
        response.status,
      );
    }
  }

  private async tokenRequest(accountsServer: string, form: Record<string, string>, what: string): Promise<TokenAnswer> {
    // Checked here too, whatever the caller did: this request carries the client secret.
    const url = joinUrl(checkedServerUrl(accountsServer, 'The accounts server'), '/oauth/v2/token');
    // The form holds the client secret and the code or refresh token: only the grant type is logged.
    this.log?.info(`→ POST ${url} (grant_type=${form.grant_type}, client_id=${form.client_id})`);
    let response;
    try {
      response = await this.http.post(url, new URLSearchParams(form).toString(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    } catch (error) {
      this.log?.warn(`✗ POST ${url}: ${networkReason(error)}`);
      throw new ZohoError(networkErrorMessage(error, `${what} failed`), 'network');
    }
    const body = parseJson(response.data) as Record<string, unknown> | undefined;
    this.log?.info(`← ${response.status} ${describeTokenAnswer(body)}`);
    if (!body || typeof body !== 'object') {
      throw new ZohoError(
        `${what} failed: Zoho's accounts server answered HTTP ${response.status} with something that is not JSON.`,
        'server',
        undefined,
        response.status,
      );
    }
    // Zoho sends token errors with HTTP 200 too: the body decides.
    if (typeof body.error === 'string') {
      const { message, kind } = describeAccountsError(
        body.error,
        typeof body.error_description === 'string' ? body.error_description : undefined,
      );
      throw new ZohoError(message, kind, body.error, response.status);
    }
    if (response.status >= 400 || typeof body.access_token !== 'string') {
      throw new ZohoError(
        `${what} failed: HTTP ${response.status} without an access token.`,
        response.status >= 500 ? 'server' : 'auth',
        undefined,
        response.status,
      );
    }
    return {
      accessToken: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      apiDomain: typeof body.api_domain === 'string' ? body.api_domain : undefined,
      expiresAt: Date.now() + expiresInMs(body),
    };
  }
}

/**
 * `expires_in` is seconds today; older answers carried `expires_in_sec` and `expires_in` in milliseconds.
 * Kept between a minute and a day: a negative or absurd lifetime would refresh on every call, or never.
 */
export function expiresInMs(body: Record<string, unknown>): number {
  const ms =
    typeof body.expires_in_sec === 'number'
      ? body.expires_in_sec * 1000
      : typeof body.expires_in === 'number'
        ? body.expires_in > 100_000
          ? body.expires_in
          : body.expires_in * 1000
        : 3600 * 1000;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 60_000), 24 * 3600 * 1000) : 3600 * 1000;
}

/** A token answer in a log line: what it holds, never the tokens themselves. */
function describeTokenAnswer(body: Record<string, unknown> | undefined): string {
  if (!body || typeof body !== 'object') return '(not JSON)';
  if (typeof body.error === 'string') return `error ${body.error}`;
  const parts = [
    typeof body.access_token === 'string' ? 'an access token' : 'no access token',
    typeof body.refresh_token === 'string' ? 'a refresh token' : '',
    typeof body.api_domain === 'string' ? `api_domain ${body.api_domain}` : '',
    typeof body.scope === 'string' ? `scope ${body.scope}` : '',
    `expires in ${Math.round(expiresInMs(body) / 1000)} s`,
  ];
  return parts.filter(Boolean).join(', ');
}

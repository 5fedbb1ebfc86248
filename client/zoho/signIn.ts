/** The two ways in: the browser (authorization code + PKCE + loopback) and a pasted Self Client code. */
import { ZohoError } from './errors';
import { startLoopback } from './loopback';
import { authorizeUrl, OAuthClient, pkceChallenge, randomUrlSafe, TokenAnswer } from './oauth';
import { DATA_CENTERS } from './dataCenters';

export interface SignInResult {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  accessToken: string;
  expiresAt: number;
  accountsServer: string;
  apiDomain?: string;
  /** The data center Zoho reported (browser flow), if any. */
  location?: string;
}

export interface BrowserSignInOptions {
  clientId: string;
  clientSecret: string;
  /** Where the consent page is: accounts.zoho.com for all but China, or an override. */
  accountsUrl: string;
  port: number;
  scopes: string[];
  openBrowser: (url: string) => Promise<boolean>;
  signal?: AbortSignal;
  timeoutMs?: number;
  oauth?: OAuthClient;
}

export async function browserSignIn(options: BrowserSignInOptions): Promise<SignInResult> {
  const state = randomUrlSafe();
  const verifier = randomUrlSafe(48);
  const loopback = await startLoopback({
    port: options.port,
    expectedState: state,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
  });
  const url = authorizeUrl({
    accountsUrl: options.accountsUrl,
    clientId: options.clientId,
    redirectUri: loopback.redirectUri,
    scopes: options.scopes,
    state,
    codeChallenge: pkceChallenge(verifier),
  });
  if (!(await options.openBrowser(url))) {
    loopback.close();
    throw new ZohoError('Sign-in cancelled: the browser was not opened.', 'auth');
  }
  const callback = await loopback.result;
  const accountsServer = trustedAccountsServer(callback.accountsServer, options.accountsUrl);
  const tokens = await (options.oauth ?? new OAuthClient()).exchangeCode({
    accountsServer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    code: callback.code,
    redirectUri: loopback.redirectUri,
    codeVerifier: verifier,
  });
  return complete(tokens, options.clientId, options.clientSecret, accountsServer, callback.location);
}

/** A pasted grant code as Zoho wants it: without the quotes and spaces a copy may bring along. */
export function cleanGrantCode(pasted: string): string {
  return pasted.replace(/\s+/g, '').replace(/^["'“”‘’`]+|["'“”‘’`]+$/g, '');
}

/** Why a (cleaned) grant code cannot be one, in a line short enough for an input box; undefined when it may be. */
export function grantCodeProblem(code: string): string | undefined {
  if (!code) return 'Paste the code the API console showed for your Self Client.';
  if (!/^[\w.-]+$/.test(code))
    return 'A grant code has only letters, digits, dots, dashes and underscores (it starts with "1000.").';
  return undefined;
}

export async function selfClientSignIn(options: {
  clientId: string;
  clientSecret: string;
  code: string;
  accountsServer: string;
  oauth?: OAuthClient;
}): Promise<SignInResult> {
  const code = cleanGrantCode(options.code);
  const problem = grantCodeProblem(code);
  if (problem) throw new ZohoError(problem, 'auth');
  const tokens = await (options.oauth ?? new OAuthClient()).exchangeCode({
    accountsServer: options.accountsServer,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    code,
  });
  return complete(tokens, options.clientId, options.clientSecret, options.accountsServer);
}

function complete(
  tokens: TokenAnswer,
  clientId: string,
  clientSecret: string,
  accountsServer: string,
  location?: string,
): SignInResult {
  if (!tokens.refreshToken) {
    throw new ZohoError(
      'Zoho sent no refresh token, so the sign-in could not be kept. Sign in again (the request asks for offline access; a Self Client code must be new).',
      'auth',
    );
  }
  return {
    clientId,
    clientSecret,
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    expiresAt: tokens.expiresAt,
    accountsServer,
    apiDomain: tokens.apiDomain,
    location,
  };
}

/**
 * The code is exchanged on the accounts server the callback names, but only on one of Zoho's (or the
 * configured one): a redirect cannot send our client secret elsewhere.
 */
export function trustedAccountsServer(named: string | undefined, configured: string): string {
  if (!named) return configured;
  let url: URL;
  try {
    url = new URL(named);
  } catch {
    throw new ZohoError(`Zoho named an accounts server that is not a URL: ${named}`, 'auth');
  }
  const configuredOrigin = new URL(configured).origin;
  const known = DATA_CENTERS.some((dc) => new URL(dc.accountsUrl).origin === url.origin);
  const loopbackOfConfigured = new URL(configured).hostname === '127.0.0.1' && url.hostname === '127.0.0.1';
  if (url.origin === configuredOrigin || known || loopbackOfConfigured) return url.origin;
  throw new ZohoError(
    `Zoho's answer named an accounts server that is not Zoho's (${url.origin}); the sign-in was stopped.`,
    'auth',
  );
}

/**
 * Signing in from VS Code: pick browser or Self Client, the data center and the kind of org, then the
 * client's credentials. Every answer can also come as a command argument, for tests and automation.
 */
import * as vscode from 'vscode';
import { requireTrust } from '../config/trust';
import { Services } from '../services';
import { CrmClient } from '../zoho/crmClient';
import { apiDomainFor, authorizeAccountsUrl, DATA_CENTERS, dataCenter, dataCenterOfUrl, Environment } from '../zoho/dataCenters';
import { messageOf } from '../zoho/errors';
import { OAuthClient, randomUrlSafe } from '../zoho/oauth';
import { browserSignIn, selfClientSignIn, SignInResult } from '../zoho/signIn';
import { TokenManager } from '../zoho/tokenManager';
import { ConnectionInfo } from './connectionStore';

export interface SignInArgs {
  method?: 'browser' | 'selfClient';
  dataCenter?: string;
  environment?: Environment;
  clientId?: string;
  clientSecret?: string;
  /** Self Client grant code. */
  code?: string;
  /** Scopes asked for besides the configured ones (an extension's getSession, for example). */
  scopes?: string[];
}

const ENVIRONMENTS: { id: Environment; label: string; detail: string }[] = [
  { id: 'production', label: 'Production', detail: 'Your live CRM org' },
  { id: 'sandbox', label: 'Sandbox', detail: 'A sandbox copy of your org' },
  { id: 'developer', label: 'Developer', detail: 'A developer edition org' },
];

/**
 * Runs the sign-in and keeps the connection. Undefined when the person cancelled a prompt. Throws
 * RestrictedModeError in a folder that is not trusted.
 */
export async function signIn(services: Services, args: SignInArgs = {}): Promise<ConnectionInfo | undefined> {
  requireTrust('Zoho CRM sign-in');
  const { log } = services;
  const method = args.method ?? (await pick([
    { id: 'browser' as const, label: '$(globe) Sign in with the browser', detail: 'Zoho\'s consent page opens; VS Code receives the answer on 127.0.0.1. Needs a "Server-based" or "Desktop" client in the Zoho API console.' },
    { id: 'selfClient' as const, label: '$(key) Paste a Self Client grant code', detail: 'Generate a code in the Zoho API console (Self Client › Generate Code) and paste it here. No browser redirect.' },
  ], 'How do you want to sign in to Zoho CRM?'));
  if (!method) return undefined;
  const dcId = args.dataCenter ?? (await pick(DATA_CENTERS.map((dc) => ({ id: dc.id, label: dc.label, description: dc.id.toUpperCase(), detail: dc.accountsUrl })), 'Where is your Zoho account? (the data center of your org)'));
  if (!dcId) return undefined;
  const dc = dataCenter(dcId);
  const environment = args.environment ?? (await pick(ENVIRONMENTS, 'Which org?'));
  if (!environment) return undefined;
  const settings = services.settings.read();
  const scopes = [...new Set([...settings.scopes, ...(args.scopes ?? [])])];
  const accountsUrl = settings.accountsUrl ?? (method === 'browser' ? authorizeAccountsUrl(dc.id) : dc.accountsUrl);
  const redirectUri = `http://127.0.0.1:${settings.redirectPort}/callback`;
  // Name the server that will really be used when the user's settings point elsewhere.
  const apiConsole = settings.accountsUrl ? `your Zoho accounts server, ${settings.accountsUrl} (zohoCrm.accountsUrl)` : dc.accountsUrl.replace('accounts', 'api-console');

  const clientId = args.clientId ?? (await vscode.window.showInputBox({
    title: 'Zoho CRM: Client ID', prompt: method === 'browser'
      ? `The client id from the API console of ${apiConsole}. Its redirect URI must be ${redirectUri}.`
      : `The client id of your Self Client in the API console of ${apiConsole}.`,
    placeHolder: '1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'The client id is needed.'),
  }))?.trim();
  if (!clientId) return undefined;
  const clientSecret = args.clientSecret ?? (await vscode.window.showInputBox({
    title: 'Zoho CRM: Client Secret', prompt: 'The client secret. It is kept in VS Code\'s secret storage only.', password: true, ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'The client secret is needed.'),
  }))?.trim();
  if (!clientSecret) return undefined;
  log.redactor.add(clientSecret);

  let result: SignInResult;
  if (method === 'selfClient') {
    const code = args.code ?? (await vscode.window.showInputBox({
      title: 'Zoho CRM: Self Client grant code',
      prompt: `Generate it in the API console with the scopes ${scopes.join(',')} and paste it within its time limit (it works once).`,
      password: true, ignoreFocusOut: true, placeHolder: '1000.xxxxxxxx.xxxxxxxx',
    }))?.trim();
    if (!code) return undefined;
    log.redactor.add(code);
    log.info(`Signing in with a Self Client code at ${accountsUrl}`);
    result = await selfClientSignIn({ clientId, clientSecret, code, accountsServer: accountsUrl, oauth: new OAuthClient(undefined, log) });
  } else {
    log.info(`Signing in with the browser at ${accountsUrl}, redirect ${redirectUri}`);
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Signing in to Zoho CRM: finish in your browser…', cancellable: true },
      (_progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        return browserSignIn({
          clientId, clientSecret, accountsUrl, port: settings.redirectPort, scopes, signal: controller.signal,
          openBrowser: (url) => openBrowser(url), oauth: new OAuthClient(undefined, log),
        });
      },
    );
  }
  log.redactor.add(result.refreshToken);
  log.redactor.add(result.accessToken);
  return keep(services, result, dc.id, environment, scopes);
}

async function keep({ store, log, settings: reader }: Services, result: SignInResult, dcId: string, environment: Environment, scopes: string[]): Promise<ConnectionInfo> {
  const settings = reader.read();
  const reportedDc = (result.location && DATA_CENTERS.find((dc) => dc.id === result.location)) || dataCenterOfUrl(result.accountsServer);
  const dc = reportedDc ?? dataCenter(dcId);
  const apiDomain = settings.apiDomain ?? apiDomainFor(result.apiDomain ?? dc.apiDomains.production ?? 'https://www.zohoapis.com', environment);
  const info: ConnectionInfo = {
    id: randomUrlSafe(9), label: `${dc.id.toUpperCase()} · ${environment}`, dataCenter: dc.id, environment,
    accountsServer: result.accountsServer, apiDomain, scopes, createdAt: new Date().toISOString(),
  };
  // Name the connection after the org, when the sign-in may read it.
  try {
    const tokens = new TokenManager({ ...result }, new OAuthClient(undefined, log), log);
    tokens.seed(result.accessToken, result.expiresAt);
    const org = await new CrmClient(apiDomain, tokens, log).org();
    if (org?.company_name) info.label = `${org.company_name} (${dc.id.toUpperCase()} · ${environment})`;
    info.orgId = org?.id;
  } catch (error) {
    log.warn(`Could not read the org's name: ${messageOf(error)}`);
  }
  await store.add(info, { clientId: result.clientId, clientSecret: result.clientSecret, refreshToken: result.refreshToken }, { token: result.accessToken, expiresAt: result.expiresAt });
  log.info(`Signed in: ${info.label}, API ${apiDomain}, accounts ${info.accountsServer}`);
  return info;
}

/**
 * Opens Zoho's consent page, and offers the link to copy: the browser may not open (no default browser,
 * a remote or web VS Code that rewrites loopback addresses), and a person can then paste it themselves.
 */
async function openBrowser(url: string): Promise<boolean> {
  const opened = await vscode.env.openExternal(vscode.Uri.parse(url));
  void vscode.window.showInformationMessage('Zoho\'s sign-in page should be open in your browser. If it is not, copy the link and open it there.', 'Copy Link')
    .then((choice) => choice && vscode.env.clipboard.writeText(url));
  return opened;
}

async function pick<T extends string>(items: { id: T; label: string; description?: string; detail?: string }[], placeHolder: string): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, { placeHolder, ignoreFocusOut: true, matchOnDetail: true });
  return chosen?.id;
}


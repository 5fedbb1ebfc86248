/**
 * Signing in from VS Code: pick browser or Self Client, the data center and the kind of org, then the
 * client's credentials. Every answer can also come as a command argument, for tests and automation.
 */
import * as vscode from 'vscode';
import { requireTrust } from '../config/trust';
import { Services } from '../connections/services';
import {
  apiDomainFor,
  authorizeAccountsUrl,
  browserSignIn,
  checkedServerUrl,
  cleanGrantCode,
  CrmClient,
  DATA_CENTERS,
  dataCenter,
  dataCenterOfUrl,
  Environment,
  grantCodeProblem,
  messageOf,
  OAuthClient,
  randomUrlSafe,
  selfClientSignIn,
  SignInResult,
  TokenManager,
  ZohoError,
} from '@crm/zoho';
import { ConnectionInfo } from '../connections/connectionStore';
import { oneLine } from '@crm/languageservice';

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
  // Before any prompt: an unsafe server setting stops the sign-in with the setting's name, nothing asked or sent.
  checkServerSettings(services.settings.read());
  if (!(await defaultServerAllowed(services))) return undefined;
  // A user setting may send sign-in elsewhere (a proxy, the local stand-in): every prompt names that server.
  const override = services.settings.read().accountsUrl;
  // A retry starts from the last answers (never secrets): the pickers focus them, the client id is filled in.
  const last = services.signInMemory.read();
  const consentPage = override
    ? `The consent page of ${override} (zohoCrm.accountsUrl) opens`
    : "Zoho's consent page opens";
  const method =
    args.method ??
    (await pick(
      [
        {
          id: 'browser' as const,
          label: '$(globe) Sign in with the browser',
          detail: `${consentPage}; VS Code receives the answer on 127.0.0.1. Needs a "Server-based" or "Desktop" client in the API console.`,
        },
        {
          id: 'selfClient' as const,
          label: '$(key) Paste a Self Client grant code',
          detail: `Generate a code in the API console${override ? ` of ${override}` : ''} (Self Client › Generate Code) and paste it here. No browser redirect.`,
        },
      ],
      'How do you want to sign in to Zoho CRM?',
      last.method,
    ));
  if (!method) return undefined;
  const dcId =
    args.dataCenter ??
    (await pick(
      DATA_CENTERS.map((dc) => ({
        id: dc.id,
        label: dc.label,
        description: dc.id.toUpperCase(),
        detail: override ? `signs in at ${override} (zohoCrm.accountsUrl)` : dc.accountsUrl,
      })),
      'Where is your Zoho account? (the data center of your org)',
      last.dataCenter,
    ));
  if (!dcId) return undefined;
  const dc = dataCenter(dcId);
  const environment = args.environment ?? (await pick(ENVIRONMENTS, 'Which org?', last.environment));
  if (!environment) return undefined;
  const settings = services.settings.read();
  const scopes = [...new Set([...settings.scopes, ...(args.scopes ?? [])])];
  const accountsUrl = settings.accountsUrl ?? (method === 'browser' ? authorizeAccountsUrl(dc.id) : dc.accountsUrl);
  const redirectUri = `http://127.0.0.1:${settings.redirectPort}/callback`;
  // Name the server that will really be used when the user's settings point elsewhere.
  const apiConsole = settings.accountsUrl
    ? `your Zoho accounts server, ${settings.accountsUrl} (zohoCrm.accountsUrl)`
    : dc.accountsUrl.replace('accounts', 'api-console');

  const clientId =
    args.clientId ??
    (
      await vscode.window.showInputBox({
        title: 'Zoho CRM: Client ID',
        prompt:
          method === 'browser'
            ? `The client id from the API console of ${apiConsole}. Its redirect URI must be ${redirectUri}.`
            : `The client id of your Self Client in the API console of ${apiConsole}.`,
        placeHolder: '1000.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
        value: last.clientId,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : 'The client id is needed.'),
      })
    )?.trim();
  if (!clientId) return undefined;
  if (!args.clientId) await services.signInMemory.remember({ method, dataCenter: dc.id, environment, clientId });
  const clientSecret =
    args.clientSecret ??
    (
      await vscode.window.showInputBox({
        title: 'Zoho CRM: Client Secret',
        prompt: "The client secret. It is kept in VS Code's secret storage only.",
        password: true,
        ignoreFocusOut: true,
        validateInput: (value) => (value.trim() ? undefined : 'The client secret is needed.'),
      })
    )?.trim();
  if (!clientSecret) return undefined;
  log.redactor.add(clientSecret);

  let result: SignInResult;
  if (method === 'selfClient') {
    const signedIn = await selfClientWithRetries(services, args.code, scopes, (code) => {
      log.redactor.add(code);
      log.info(`Signing in with a Self Client code at ${accountsUrl}`);
      return selfClientSignIn({
        clientId,
        clientSecret,
        code,
        accountsServer: accountsUrl,
        oauth: new OAuthClient(undefined, log),
      });
    });
    if (!signedIn) return undefined;
    result = signedIn;
  } else {
    log.info(`Signing in with the browser at ${accountsUrl}, redirect ${redirectUri}`);
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Signing in to Zoho CRM in your browser',
        cancellable: true,
      },
      (progress, cancel) => {
        const controller = new AbortController();
        cancel.onCancellationRequested(() => controller.abort());
        return browserSignIn({
          clientId,
          clientSecret,
          accountsUrl,
          port: settings.redirectPort,
          scopes,
          signal: controller.signal,
          openBrowser: async (url) => {
            signInLink = url;
            // One notification says it all, the way out included: the progress itself carries the link.
            const opens = canOpen(url);
            progress.report({
              message: opens
                ? `Not open? [Copy the link](command:${COPY_LINK_COMMAND}) and open it in your browser.`
                : `[Copy the link](command:${COPY_LINK_COMMAND}) and open it in a new browser tab.`,
            });
            if (opens) return vscode.env.openExternal(vscode.Uri.parse(url));
            log.info(
              'This VS Code runs in the browser and would rewrite the 127.0.0.1 sign-in link: offering it to copy instead.',
            );
            return true;
          },
          oauth: new OAuthClient(undefined, log),
        }).finally(() => {
          signInLink = undefined;
        });
      },
    );
  }
  log.redactor.add(result.refreshToken);
  log.redactor.add(result.accessToken);
  return keep(services, result, dc.id, environment, scopes);
}

/**
 * Asks for the grant code (as pasted: quotes and spaces dropped, checked as it is typed) and signs in with it.
 * A code Zoho refuses (used, or past its few minutes) asks for a new one and keeps every earlier answer: the
 * person has a new code within its time limit instead of five questions to answer again.
 */
async function selfClientWithRetries(
  services: Services,
  given: string | undefined,
  scopes: string[],
  signInWith: (code: string) => Promise<SignInResult>,
): Promise<SignInResult | undefined> {
  if (given !== undefined) return signInWith(given);
  let refused: string | undefined;
  for (;;) {
    const pasted = await vscode.window.showInputBox({
      title: 'Zoho CRM: Self Client grant code',
      prompt: refused
        ? `${refused} Generate a new code and paste it; your other answers are kept.`
        : `Generate it in the API console with the scopes ${scopes.join(',')} and paste it within its time limit (it works once).`,
      password: true,
      ignoreFocusOut: true,
      placeHolder: '1000.xxxxxxxx.xxxxxxxx',
      validateInput: (value) => grantCodeProblem(cleanGrantCode(value)),
    });
    if (pasted === undefined) return undefined;
    try {
      return await signInWith(cleanGrantCode(pasted));
    } catch (error) {
      if (!(error instanceof ZohoError && error.code === 'invalid_code')) throw error;
      services.log.warn(error.message);
      refused = 'Zoho refused that code: it works once and for a few minutes.';
    }
  }
}

async function keep(
  { store, log, settings: reader }: Services,
  result: SignInResult,
  dcId: string,
  environment: Environment,
  scopes: string[],
): Promise<ConnectionInfo> {
  const settings = reader.read();
  const reportedDc =
    (result.location && DATA_CENTERS.find((dc) => dc.id === result.location)) || dataCenterOfUrl(result.accountsServer);
  const dc = reportedDc ?? dataCenter(dcId);
  const apiDomain = settings.apiDomain
    ? checkedServerUrl(settings.apiDomain, 'The setting zohoCrm.apiDomain')
    : apiDomainFor(
        result.apiDomain
          ? checkedServerUrl(result.apiDomain, "The api_domain of Zoho's token answer")
          : (dc.apiDomains.production ?? 'https://www.zohoapis.com'),
        environment,
      );
  const info: ConnectionInfo = {
    id: randomUrlSafe(9),
    label: `${dc.id.toUpperCase()} · ${environment}`,
    dataCenter: dc.id,
    environment,
    accountsServer: result.accountsServer,
    apiDomain,
    scopes,
    createdAt: new Date().toISOString(),
  };
  // Name the connection after the org, when the sign-in may read it.
  try {
    const tokens = new TokenManager({ ...result }, new OAuthClient(undefined, log), log);
    tokens.seed(result.accessToken, result.expiresAt);
    const org = await new CrmClient(apiDomain, tokens, log).org();
    // The org's name is the org's text: one line, bounded, before it reaches the status bar, pickers and messages.
    if (org?.company_name) info.label = `${oneLine(org.company_name, 60)} (${dc.id.toUpperCase()} · ${environment})`;
    info.orgId = org?.id;
  } catch (error) {
    log.warn(`Could not read the org's name: ${messageOf(error)}`);
  }
  await store.add(
    info,
    { clientId: result.clientId, clientSecret: result.clientSecret, refreshToken: result.refreshToken },
    { token: result.accessToken, expiresAt: result.expiresAt },
  );
  log.info(`Signed in: ${info.label}, API ${apiDomain}, accounts ${info.accountsServer}`);
  return info;
}

/**
 * A configured accounts server that no longer reads is never replaced by Zoho's default silently: in a
 * remote window (code-server, SSH, WSL) VS Code keeps machine settings in the Remote tab, and drops the
 * user's copy after a change in the Settings editor.
 */
async function defaultServerAllowed(services: Services): Promise<boolean> {
  const vanished = services.settings.vanishedAccountsUrl();
  if (!vanished) return true;
  services.log.warn(`zohoCrm.accountsUrl read ${vanished} earlier in this window and now reads nothing.`);
  const choice = await vscode.window.showWarningMessage(
    `zohoCrm.accountsUrl was ${vanished} and now reads nothing. Sign in at Zoho's own server instead?`,
    {
      modal: true,
      detail:
        "In a remote window (code-server, SSH, WSL, containers) VS Code keeps this setting in the Remote tab of the Settings editor and ignores the User tab's copy. Set it there to keep signing in at your server.",
    },
    'Sign In at Zoho',
    'Open Remote Settings',
  );
  if (choice === 'Open Remote Settings') void vscode.commands.executeCommand('workbench.action.openRemoteSettings');
  if (choice !== 'Sign In at Zoho') return false;
  services.settings.forgetVanishedAccountsUrl();
  return true;
}

/** The user's server settings, each checked under its own name (https, or http to this machine only). */
export function checkServerSettings(settings: { accountsUrl?: string; apiDomain?: string }): void {
  if (settings.accountsUrl) checkedServerUrl(settings.accountsUrl, 'The setting zohoCrm.accountsUrl');
  if (settings.apiDomain) checkedServerUrl(settings.apiDomain, 'The setting zohoCrm.apiDomain');
}

export const COPY_LINK_COMMAND = 'zohoCrm.copySignInLink';
/** The consent page of the browser sign-in under way (it holds no secret: state and the PKCE challenge only). */
let signInLink: string | undefined;

/** Copies the link of the sign-in under way, and says so; returns it (undefined when none is). */
export async function copySignInLink(): Promise<string | undefined> {
  if (!signInLink) {
    void vscode.window.showInformationMessage('No browser sign-in is under way.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(signInLink);
  void vscode.window.setStatusBarMessage('$(check) Sign-in link copied: paste it into a new browser tab', 10_000);
  return signInLink;
}

/**
 * Whether VS Code can open Zoho's consent page itself. One that runs in the browser (code-server, vscode.dev)
 * rewrites a 127.0.0.1 link to its own port proxy and drops its path, so the page would never load: there the
 * link is offered to copy instead (the local stand-in of `npm start` is such a link).
 */
function canOpen(url: string): boolean {
  return !(vscode.env.uiKind === vscode.UIKind.Web && isLoopback(url));
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** A quick pick that opens on `focused` (the last answer) without moving it from its place in the list. */
async function pick<T extends string>(
  items: { id: T; label: string; description?: string; detail?: string }[],
  placeHolder: string,
  focused?: string,
): Promise<T | undefined> {
  const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
  quickPick.items = items;
  quickPick.placeholder = placeHolder;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDetail = true;
  const last = items.find((item) => item.id === focused);
  if (last) quickPick.activeItems = [last];
  try {
    return await new Promise<T | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.id ?? quickPick.activeItems[0]?.id));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
  } finally {
    quickPick.dispose();
  }
}

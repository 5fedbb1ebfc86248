/** Wires the extension: the language client, Zoho sign-in, Create Module and the status bar. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ZohoAuthenticationProvider, PROVIDER_ID } from './authProvider';
import { ConnectionInfo, ConnectionStore } from './connections/connectionStore';
import { COPY_LINK_COMMAND, copySignInLink, SignInArgs, signIn } from './commands/signIn';
import { signOut } from './commands/signOut';
import { ConnectionStatusBar } from './statusBar';
import { Settings, SettingsReader, useApiVersion } from './config/settings';
import { explainRestricted, RestrictedModeError } from './config/trust';
import { CreateModuleCommand } from './commands/createModule';
import { CreateFieldsCommand } from './commands/createFields';
import { RemoteDiagnostics } from './commands/remoteDiagnostics';
import { startLanguageClient } from './languageClient';
import { openWalkthroughOnce } from './firstRun';
import { CompareWithOrg } from './commands/compareWithOrg';
import { OrgView } from './orgView';
import { ApplyOptions, PlanApplyCommands } from './commands/planApply';
import { moduleOfFieldsUri } from './commands/kit';
import { OrgData } from './org/orgData';
import { PullModuleCommand, PullOptions } from './commands/pullModule';
import { UpdateModuleCommand } from './commands/updateModule';
import { UpdateFieldsCommand, UpdateFieldsOptions } from './commands/updateFields';
import { Services } from './connections/services';
import { SignInMemory } from './connections/signInMemory';
import { errorSentence, Logger, messageOf, ModulePlan } from '@crm/zoho';
import { documentKindOf, type OrgSnapshot } from '@crm/languageservice';
import { notify, redactNotificationsWith } from './messages/notify';

let client: LanguageClient | undefined;

/** What the extension hands to tests (and other extensions): nothing secret. */
export interface ExtensionApi {
  connections(): ConnectionInfo[];
  activeConnection(): ConnectionInfo | undefined;
  /** Every line written to the log channel in this session, as written (already redacted). */
  logLines(): string[];
  statusBarText(): string;
  statusBarTooltip(): string;
  /** Everything this extension keeps in global state (descriptions of connections, never secrets). */
  globalState(): Record<string, unknown>;
  /** The settings in effect (user level only for where requests go). */
  settings(): Settings;
  /** The active connection's org data (profiles, modules), as the language server has it. */
  orgSnapshot(): OrgSnapshot | undefined;
  /** Settles when the first-run walkthrough is open (at once when it was shown before). */
  walkthrough: Promise<void>;
  /** Runs the background refresh of the org data now, whatever its age (what the timer does). */
  refreshInBackground(): Promise<void>;
  /** Milliseconds that activate() took (the language server starts after it, in the background). */
  activationMs: number;
  /** The Zoho CRM view's modules and fields with their states, once computed again (after a refresh). */
  orgViewStates(): Promise<ReturnType<OrgView['states']>>;
}

/** An item of the Zoho CRM view, as its actions receive it. */
type ViewItem = { apiName?: string; plan?: ModulePlan } | undefined;

const LOG_MEMORY = 5000;

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const activateStarted = performance.now();
  const channel = vscode.window.createOutputChannel('Zoho CRM', { log: true });
  const lines: string[] = [];
  const remember = (level: string, message: string) => {
    lines.push(`${level} ${message}`);
    if (lines.length > LOG_MEMORY) lines.shift();
  };
  const log = new Logger({
    info: (message) => {
      channel.info(message);
      remember('info', message);
    },
    warn: (message) => {
      channel.warn(message);
      remember('warn', message);
    },
    error: (message) => {
      channel.error(message);
      remember('error', message);
    },
    // Whole bodies: shown when the channel's level is Trace (Output › Zoho CRM › Set Log Level).
    trace: (message) => {
      channel.trace(message);
      remember('trace', message);
    },
  });
  redactNotificationsWith(log.redactor);
  const settings = new SettingsReader(log);
  const store = new ConnectionStore(context.globalState, context.secrets, log, () => {
    const current = settings.read();
    return { apiDomainOverride: current.apiDomain, timeoutMs: current.timeoutMs, apiVersion: current.apiVersion };
  });
  const services: Services = { store, log, settings, signInMemory: new SignInMemory(context.globalState) };
  const remote = new RemoteDiagnostics((text) => log.redactor.redact(text));
  // The fields files open in a tab (VS Code keeps closed documents a while: those are not what the person has open).
  const openFieldsModules = async () =>
    Promise.all(
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri] : []))
        .filter((uri) => documentKindOf(uri.path) === 'fields')
        .map((uri) => moduleOfFieldsUri(uri)),
    );
  const org = new OrgData(services, context.globalState, openFieldsModules);
  const create = new CreateModuleCommand(services, remote, org);
  const createFields = new CreateFieldsCommand(services, remote, org);
  const update = new UpdateModuleCommand(services, remote, org);
  const updateFieldsCommand = new UpdateFieldsCommand(services, remote, org);
  const pull = new PullModuleCommand(services, org);
  const compare = new CompareWithOrg(services, org);
  const planApply = new PlanApplyCommands(services, org, remote);
  const orgView = new OrgView(services, org);
  // The view's items carry their module's plan: each action runs the command that fits on the module's file.
  const fileOfItem = (item: ViewItem, kind: 'module' | 'fields' | 'any' = 'any') => {
    const local = item?.plan?.local;
    const file =
      kind === 'module'
        ? local?.moduleFile
        : kind === 'fields'
          ? local?.fieldsFile
          : (local?.moduleFile ?? local?.fieldsFile);
    return file && vscode.Uri.file(file.path);
  };
  const statusBar = new ConnectionStatusBar(store, org);
  const authProvider = new ZohoAuthenticationProvider(services);
  // Say at once in the log when this workspace's settings try to redirect requests.
  void settings.reportWorkspaceOverrides();

  context.subscriptions.push(
    channel,
    remote,
    statusBar,
    authProvider,
    store,
    org,
    compare,
    planApply,
    orgView,
    vscode.commands.registerCommand('zohoCrm.refreshOrgView', () => orgView.refresh()),
    vscode.commands.registerCommand('zohoCrm.view.pull', (item: ViewItem) =>
      pull.run(undefined, { apiName: item?.apiName, overwrite: false }),
    ),
    vscode.commands.registerCommand('zohoCrm.view.compare', (item: ViewItem) => compare.run(fileOfItem(item))),
    vscode.commands.registerCommand('zohoCrm.view.create', (item: ViewItem) => create.run(fileOfItem(item, 'module'))),
    vscode.commands.registerCommand('zohoCrm.view.update', (item: ViewItem) =>
      fileOfItem(item, 'module')
        ? update.run(fileOfItem(item, 'module'))
        : updateFieldsCommand.run(fileOfItem(item, 'fields')),
    ),
    vscode.authentication.registerAuthenticationProvider(PROVIDER_ID, 'Zoho CRM', authProvider, {
      supportsMultipleAccounts: true,
    }),
    vscode.commands.registerCommand(
      'zohoCrm.createModule',
      (uri?: vscode.Uri | string, options?: { interactive?: boolean; confirm?: boolean } | vscode.Uri[]) =>
        create.run(uri, options),
    ),
    vscode.commands.registerCommand(
      'zohoCrm.createFields',
      (uri?: vscode.Uri | string, options?: { confirm?: boolean } | vscode.Uri[]) => createFields.run(uri, options),
    ),
    vscode.commands.registerCommand(
      'zohoCrm.updateFields',
      (uri?: vscode.Uri | string, options?: UpdateFieldsOptions | vscode.Uri[]) =>
        updateFieldsCommand.run(uri, options),
    ),
    vscode.commands.registerCommand(
      'zohoCrm.updateModule',
      (uri?: vscode.Uri | string, options?: { confirm?: boolean; interactive?: boolean } | vscode.Uri[]) =>
        update.run(uri, options),
    ),
    vscode.commands.registerCommand('zohoCrm.pullModule', (folder?: vscode.Uri, options?: PullOptions | vscode.Uri[]) =>
      pull.run(folder, options),
    ),
    vscode.commands.registerCommand('zohoCrm.pullFields', (folder?: vscode.Uri, options?: PullOptions | vscode.Uri[]) =>
      pull.run(folder, { ...(Array.isArray(options) ? {} : options), fieldsOnly: true }),
    ),
    vscode.commands.registerCommand('zohoCrm.compareWithOrg', (uri?: vscode.Uri | string) => compare.run(uri)),
    vscode.commands.registerCommand('zohoCrm.plan', (folder?: vscode.Uri, target?: string) =>
      planApply.plan(folder, typeof target === 'string' ? target : undefined),
    ),
    vscode.commands.registerCommand('zohoCrm.promote', (folder?: vscode.Uri, options?: ApplyOptions | vscode.Uri[]) =>
      planApply.promote(folder, options),
    ),
    vscode.commands.registerCommand('zohoCrm.apply', (folder?: vscode.Uri, options?: ApplyOptions | vscode.Uri[]) =>
      planApply.apply(folder, options),
    ),
    vscode.commands.registerCommand('zohoCrm.refreshOrgData', () => refreshOrgData(services, org)),
    vscode.commands.registerCommand('zohoCrm.signIn', (args?: SignInArgs) => runSignIn(services, args)),
    vscode.commands.registerCommand(COPY_LINK_COMMAND, () => copySignInLink()),
    vscode.commands.registerCommand('zohoCrm.signOut', (args?: { connectionId?: string; confirm?: boolean }) =>
      runSignOut(services, args?.connectionId, args?.confirm !== false),
    ),
    vscode.commands.registerCommand('zohoCrm.switchConnection', () => switchConnection(services)),
    vscode.commands.registerCommand('zohoCrm.showLog', () => channel.show()),
    vscode.commands.registerCommand('zohoCrm.useApiVersion', (apiVersion?: unknown) => useApiVersion(apiVersion)),
    // New org data (a sign-in, a switch, a refresh): the open fields files' modules get their fields if it lacks them.
    org.onDidChange((snapshot) => {
      if (snapshot)
        void openFieldsModules().then((modules) => (modules.length ? org.ensureFields(modules) : undefined));
    }),
    // A fields file opened: its module's fields join the org data, so its labels are checked against them.
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (documentKindOf(document.uri.path) === 'fields')
        void moduleOfFieldsUri(document.uri).then((module) => org.ensureFields([module]));
    }),
    store.onDidRejectRefreshToken((connection) => {
      void notify(
        'warning',
        `Zoho no longer accepts the sign-in for ${connection.label}, so it was removed. Sign in again to use it.`,
        'Sign In',
      ).then((choice) => choice && vscode.commands.executeCommand('zohoCrm.signIn'));
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('zohoCrm')) void settings.reportWorkspaceOverrides();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void settings.reportWorkspaceOverrides()),
  );

  // The palette offers Sign Out, Switch Org, Refresh, Update and Compare only when signed in (package.json `when`).
  const reflectSignedIn = () =>
    void vscode.commands.executeCommand('setContext', 'zohoCrm.signedIn', store.list().length > 0);
  reflectSignedIn();
  context.subscriptions.push(store.onDidChange(reflectSignedIn));

  // Activation does not wait for the server: commands and sign-in are usable at once.
  startLanguageClient(context, channel, org, settings).then(
    (started) => {
      client = started;
    },
    (error) => {
      log.error(`The language server did not start: ${messageOf(error)}`);
      void notify(
        'error',
        'Zoho CRM: the language server did not start. See the "Zoho CRM" output for why.',
        'Show Log',
      ).then((choice) => choice && channel.show());
    },
  );

  const walkthrough = openWalkthroughOnce(context).catch((error) =>
    log.warn(`The walkthrough did not open: ${messageOf(error)}`),
  );

  const activationMs = performance.now() - activateStarted;
  log.info(`Activated in ${activationMs.toFixed(0)} ms`);
  return {
    activationMs,
    connections: () => store.list(),
    activeConnection: () => store.active(),
    logLines: () => [...lines],
    statusBarText: () => statusBar.text,
    statusBarTooltip: () => statusBar.tooltip,
    settings: () => settings.read(),
    orgSnapshot: () => org.current(),
    refreshInBackground: () => org.refreshIfStale(true),
    orgViewStates: async () => {
      await orgView.refresh();
      return orgView.states();
    },
    walkthrough,
    globalState: () => Object.fromEntries(context.globalState.keys().map((key) => [key, context.globalState.get(key)])),
  };
}

async function refreshOrgData(services: Services, org: OrgData): Promise<OrgSnapshot | undefined> {
  const connection = services.store.active();
  if (!connection) {
    void notify('info', 'Sign in to Zoho CRM first: org data comes from the org you sign in to.', 'Sign In').then(
      (choice) => choice && vscode.commands.executeCommand('zohoCrm.signIn'),
    );
    return undefined;
  }
  try {
    const snapshot = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Zoho CRM: fetching org data of ${connection.label}` },
      () => org.refresh(connection),
    );
    if (snapshot)
      void vscode.window.setStatusBarMessage(
        `$(check) Zoho CRM org data: ${snapshot.profiles.length} profiles, ${snapshot.modules.length} modules`,
        5000,
      );
    return snapshot;
  } catch (error) {
    const message = services.log.redactor.redact(
      `Org data of ${connection.label} was not refreshed${org.current() ? ' (the last one stays in use)' : ''}: ${messageOf(error)}`,
    );
    services.log.warn(message);
    void notify('error', message);
    return undefined;
  }
}

async function runSignIn(services: Services, args?: SignInArgs): Promise<ConnectionInfo | undefined> {
  const { log } = services;
  try {
    const connection = await signIn(services, args);
    if (connection) void notify('info', `Signed in to ${connection.label}.`);
    return connection;
  } catch (error) {
    if (error instanceof RestrictedModeError) {
      log.warn(error.message);
      explainRestricted(error);
      return undefined;
    }
    const message = log.redactor.redact(errorSentence(error, 'Sign-in'));
    log.error(message);
    void notify('error', message);
    return undefined;
  }
}

async function runSignOut(
  services: Services,
  connectionId?: string,
  confirm = true,
): Promise<{ revoked: boolean; message: string } | undefined> {
  const connections = services.store.list();
  let connection = connections.find((candidate) => candidate.id === connectionId);
  if (!connection && !connectionId) {
    if (connections.length === 1) connection = connections[0];
    else {
      const chosen = await vscode.window.showQuickPick(
        connections.map((candidate) => ({
          label: candidate.label,
          description: candidate.apiDomain,
          connection: candidate,
        })),
        { placeHolder: 'Sign out of which Zoho org?' },
      );
      connection = chosen?.connection;
    }
  }
  if (!connection) {
    if (!connections.length) void notify('info', 'You are not signed in to Zoho CRM.');
    return undefined;
  }
  if (confirm) {
    const choice = await vscode.window.showWarningMessage(
      `Sign out of ${connection.label}?`,
      {
        modal: true,
        detail: 'The sign-in is revoked at Zoho; signing in again needs the client id and secret.',
      },
      'Sign Out',
    );
    if (choice !== 'Sign Out') return undefined;
  }
  return signOut(services, connection);
}

async function switchConnection(services: Services): Promise<void> {
  const { store } = services;
  const active = store.active();
  type Item = vscode.QuickPickItem & { action: () => Promise<unknown> };
  const items: Item[] = [
    ...store.list().map((connection) => ({
      label: `${connection.id === active?.id ? '$(check) ' : ''}${connection.label}`,
      description: connection.apiDomain,
      action: () => store.setActive(connection.id),
    })),
    { label: '$(add) Sign in to another org…', action: () => runSignIn(services) },
    ...(store.list().length ? [{ label: '$(sign-out) Sign out…', action: () => runSignOut(services) }] : []),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    placeHolder: 'Where should Zoho CRM: Create Module send modules?',
  });
  await chosen?.action();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

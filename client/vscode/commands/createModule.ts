/**
 * Zoho CRM: Create Module. Checks the file with the editor's rules, makes sure there is a sign-in, sends
 * the file's JSON once, and turns the answer into a notification and, on failure, diagnostics.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Finding } from '@crm/languageservice';
import { ConnectionInfo } from '../connections/connectionStore';
import { OrgData } from '../org/orgData';
import { Services } from '../connections/services';
import {
  checkOrg,
  checkRules,
  createModule,
  CreateOutcome,
  dataCenter,
  errorSentence,
  messageOf,
  ZohoError,
} from '@crm/zoho';
import {
  connectionFor,
  failed,
  isStopped,
  moduleFileOf,
  OneAtATime,
  openModuleDocument,
  Phase,
  refuseWhenRestricted,
  Stopped,
} from './kit';
import { RemoteDiagnostics } from './remoteDiagnostics';
import { notify, notificationText } from '../messages/notify';

export type CommandResult =
  | CreateOutcome
  | { kind: 'blocked'; message: string }
  | { kind: 'restricted'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled'; message: string }
  /** The org already has the module: nothing was sent; Update Module is the way. */
  | { kind: 'exists'; message: string };

export class CreateModuleCommand {
  private readonly oneAtATime = new OneAtATime('Create Module');

  constructor(
    private readonly services: Services,
    private readonly remote: RemoteDiagnostics,
    private readonly org: OrgData,
  ) {}

  private get store() {
    return this.services.store;
  }
  private get log() {
    return this.services.log;
  }

  /** `options` is for automation (a second argument that is not the Explorer's selection). */
  /** `options.confirm: false` is for automation: no question before a production send. */
  async run(
    target?: vscode.Uri | string,
    options?: { interactive?: boolean; confirm?: boolean } | vscode.Uri[],
  ): Promise<CommandResult> {
    const restricted = refuseWhenRestricted(this.log, 'Zoho CRM: Create Module');
    if (restricted) return restricted;
    const interactive = Array.isArray(options) || options?.interactive !== false;
    const confirm = Array.isArray(options) || options?.confirm !== false;
    const uri = moduleFileOf(target);
    if (!uri)
      return this.fail('Open a *.crm-module.json file (or pick one in the Explorer) to create its module in Zoho CRM.');
    return this.oneAtATime.run(uri, (phase) => this.send(uri, interactive, confirm, phase));
  }

  private async send(uri: vscode.Uri, interactive: boolean, confirm: boolean, phase: Phase): Promise<CommandResult> {
    const name = path.basename(uri.path);
    const document = await openModuleDocument(uri, this.log);
    if (isStopped(document)) return document;
    const text = document.getText();
    const rules = checkRules(text, this.services.settings.read().apiVersion);
    if (rules.kind === 'invalid') return this.blocked(name, rules.findings, false);

    const connection = await connectionFor(this.services, interactive, 'create the module', phase);
    if (isStopped(connection)) return connection;

    // What the org is known to have: the module itself (then Update is the way), or clashes Zoho would refuse.
    const snapshot = connection.id === this.services.store.active()?.id ? this.org.current() : undefined;
    const verdict = checkOrg('create', rules, snapshot, connection.environment === 'production');
    if (verdict.kind === 'exists') return this.offerUpdate(uri, connection, verdict.apiName, interactive);
    if (verdict.kind === 'clash') return this.blocked(name, verdict.findings, true);

    const label = rules.pluralLabel ?? name;
    if (confirm && verdict.askFirst && this.services.settings.read().askBeforeProductionCreate) {
      phase('waiting for your answer');
      const choice = await vscode.window.showWarningMessage(
        `Create "${label}" in ${connection.label}?`,
        {
          modal: true,
          detail:
            'This is a production org: its users see the module at once, and the API cannot delete it. (Setting: zohoCrm.askBeforeProductionCreate.)',
        },
        'Create',
      );
      if (choice !== 'Create') return { kind: 'cancelled', message: 'Create cancelled; nothing was sent.' };
    }
    this.log.info(`Create Module: ${name} → ${connection.label}`);
    phase(`sending it to ${connection.label}`);
    let outcome: CreateOutcome;
    try {
      outcome = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Creating module "${label}" in ${connection.label}…`),
        },
        async () => createModule(await this.store.crmClient(connection!), text),
      );
    } catch (error) {
      const message = errorSentence(error, 'Create Module');
      this.log.error(message);
      const actions = error instanceof ZohoError && error.kind === 'auth' ? ['Sign In Again'] : [];
      void notify('error', this.log.redactor.redact(message), ...actions).then((choice) => {
        if (choice === 'Sign In Again') void vscode.commands.executeCommand('zohoCrm.signIn');
      });
      return { kind: 'failed', message: this.log.redactor.redact(message) };
    }
    return this.report(document, connection, label, outcome);
  }

  private blocked(name: string, errors: Finding[], fromOrg: boolean): CommandResult {
    const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
    const message = fromOrg
      ? `${name} has ${count} with the org's data that Zoho would refuse; nothing was sent. Fix ${errors.length === 1 ? 'it' : 'them'}, or refresh the org data if it changed.`
      : `${name} has ${count} Zoho would refuse; nothing was sent. Fix ${errors.length === 1 ? 'it' : 'them'} first.`;
    this.log.info(message);
    const actions = fromOrg ? ['Show Problems', 'Refresh Org Data'] : ['Show Problems'];
    void notify('error', message, ...actions).then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === 'Refresh Org Data') void vscode.commands.executeCommand('zohoCrm.refreshOrgData');
    });
    return { kind: 'blocked', message };
  }

  private offerUpdate(
    uri: vscode.Uri,
    connection: ConnectionInfo,
    apiName: string,
    interactive: boolean,
  ): CommandResult {
    const message = `${connection.label} already has the module ${apiName}, so Create would fail; nothing was sent. Update Module sends the file's changes to it.`;
    this.log.info(message);
    if (interactive) {
      void notify('info', message, 'Update Module', 'Compare with Org').then((choice) => {
        if (choice === 'Update Module') void vscode.commands.executeCommand('zohoCrm.updateModule', uri);
        if (choice === 'Compare with Org') void vscode.commands.executeCommand('zohoCrm.compareWithOrg', uri);
      });
    }
    return { kind: 'exists', message };
  }

  private report(
    document: vscode.TextDocument,
    connection: ConnectionInfo,
    label: string,
    outcome: CreateOutcome,
  ): CreateOutcome {
    switch (outcome.kind) {
      case 'created': {
        this.remote.clear(document.uri);
        const message = `Created module "${label}" in ${connection.label}: id ${outcome.id}.`;
        this.log.info(message);
        void notify('info', message, 'Open in Zoho CRM').then((choice) => choice && this.openInCrm(connection));
        // The org has one module more: its snapshot must say so before the next check.
        void this.org
          .refresh(connection)
          .catch((error) => this.log.warn(`Org data not refreshed: ${messageOf(error)}`));
        return { ...outcome, message };
      }
      case 'rejected': {
        const diagnostics = this.remote.show(document, outcome.errors, outcome.message);
        this.log.error(
          `${outcome.message} (${diagnostics.length} diagnostic${diagnostics.length === 1 ? '' : 's'} in ${path.basename(document.uri.path)})`,
        );
        const actions = outcome.status === 401 ? ['Sign In Again', 'Show Problems'] : ['Show Problems'];
        void notify('error', outcome.message, ...actions).then((choice) => {
          if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
          if (choice === 'Sign In Again') void vscode.commands.executeCommand('zohoCrm.signIn');
        });
        return outcome;
      }
      case 'ambiguous': {
        if (outcome.existing) this.remote.clear(document.uri);
        this.log.warn(outcome.message);
        void notify('warning', outcome.message, ...(outcome.existing ? ['Open in Zoho CRM'] : [])).then(
          (choice) => choice && this.openInCrm(connection),
        );
        return outcome;
      }
    }
  }

  private openInCrm(connection: ConnectionInfo): void {
    const base = this.services.settings.read().crmWebUrl ?? crmWebUrl(connection);
    void vscode.env.openExternal(vscode.Uri.parse(`${base}/crm/settings/modules`));
  }

  private fail(message: string): Stopped {
    return failed(this.log, message);
  }
}

function crmWebUrl(connection: ConnectionInfo): string {
  const web = dataCenter(connection.dataCenter).crmWebUrl;
  return connection.environment === 'sandbox' ? web.replace('://crm.', '://crmsandbox.') : web;
}

/**
 * Zoho CRM: Create Module. Checks the file with the editor's rules, makes sure there is a sign-in, sends
 * the file's JSON once, and turns the answer into a notification and, on failure, diagnostics.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze, hasErrors } from '../../../server/src/languageservice';
import { ConnectionInfo } from '../auth/connectionStore';
import { signIn } from '../auth/signInFlow';
import { explainRestricted, RestrictedModeError, requireTrust } from '../config/trust';
import { Services } from '../services';
import { createModule, CreateOutcome, moduleIdentity } from '../zoho/createModule';
import { dataCenter } from '../zoho/dataCenters';
import { messageOf, ZohoError } from '../zoho/errors';
import { RemoteDiagnostics } from './remoteDiagnostics';

export type CommandResult =
  | CreateOutcome
  | { kind: 'blocked'; message: string }
  | { kind: 'restricted'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled'; message: string };

const MODULE_FILE = /\.crm-module\.json$/i;

export class CreateModuleCommand {
  private readonly inFlight = new Set<string>();

  constructor(private readonly services: Services, private readonly remote: RemoteDiagnostics) {}

  private get store() { return this.services.store; }
  private get log() { return this.services.log; }

  /** `options` is for automation (a second argument that is not the Explorer's selection). */
  async run(target?: vscode.Uri, options?: { interactive?: boolean } | vscode.Uri[]): Promise<CommandResult> {
    try {
      requireTrust('Zoho CRM: Create Module');
    } catch (error) {
      if (!(error instanceof RestrictedModeError)) throw error;
      this.log.warn(error.message);
      explainRestricted(error);
      return { kind: 'restricted', message: error.message };
    }
    const interactive = Array.isArray(options) || options?.interactive !== false;
    const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
    if (!uri || !MODULE_FILE.test(uri.path)) {
      return this.fail('Open a *.crm-module.json file (or pick one in the Explorer) to create its module in Zoho CRM.');
    }
    // One send per file at a time: a second click while the first is on its way must not create twice.
    if (this.inFlight.has(uri.toString())) {
      const message = `${path.basename(uri.path)} is already being sent to Zoho CRM.`;
      void vscode.window.showInformationMessage(message);
      return { kind: 'cancelled', message };
    }
    this.inFlight.add(uri.toString());
    try {
      return await this.send(uri, interactive);
    } finally {
      this.inFlight.delete(uri.toString());
    }
  }

  private async send(uri: vscode.Uri, interactive: boolean): Promise<CommandResult> {
    const name = path.basename(uri.path);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri);
    } catch (error) {
      return this.fail(`Could not read ${name}: ${messageOf(error)}`);
    }
    const text = document.getText();
    const errors = analyze(text).findings.filter((finding) => finding.severity === 'error');
    if (hasErrors(errors)) {
      const message = `${name} has ${errors.length} problem${errors.length === 1 ? '' : 's'} Zoho would refuse; nothing was sent. Fix ${errors.length === 1 ? 'it' : 'them'} first.`;
      this.log.info(message);
      void vscode.window.showErrorMessage(message, 'Show Problems').then((choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'));
      return { kind: 'blocked', message };
    }

    let connection = this.store.active();
    if (!connection) {
      if (!interactive) return { kind: 'cancelled', message: 'Not signed in to Zoho CRM.' };
      const choice = await vscode.window.showInformationMessage('Sign in to Zoho CRM to create the module.', 'Sign In');
      if (choice !== 'Sign In') return { kind: 'cancelled', message: 'Not signed in to Zoho CRM.' };
      try {
        connection = await signIn(this.services);
      } catch (error) {
        return this.fail(messageOf(error));
      }
      if (!connection) return { kind: 'cancelled', message: 'Sign-in cancelled.' };
    }

    const label = moduleIdentity(text).pluralLabel ?? name;
    this.log.info(`Create Module: ${name} → ${connection.label}`);
    let outcome: CreateOutcome;
    try {
      outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Creating module "${label}" in ${connection.label}…` },
        async () => createModule(await this.store.crmClient(connection!), text),
      );
    } catch (error) {
      const message = error instanceof ZohoError ? error.message : `Create Module failed: ${messageOf(error)}`;
      this.log.error(message);
      const actions = error instanceof ZohoError && error.kind === 'auth' ? ['Sign In Again'] : [];
      void vscode.window.showErrorMessage(this.log.redactor.redact(message), ...actions).then((choice) => {
        if (choice === 'Sign In Again') void vscode.commands.executeCommand('zohoCrm.signIn');
      });
      return { kind: 'failed', message: this.log.redactor.redact(message) };
    }
    return this.report(document, connection, label, outcome);
  }

  private report(document: vscode.TextDocument, connection: ConnectionInfo, label: string, outcome: CreateOutcome): CreateOutcome {
    switch (outcome.kind) {
      case 'created': {
        this.remote.clear(document.uri);
        const message = `Created module "${label}" in ${connection.label}: id ${outcome.id}.`;
        this.log.info(message);
        void vscode.window.showInformationMessage(message, 'Open in Zoho CRM').then((choice) => choice && this.openInCrm(connection));
        return { ...outcome, message };
      }
      case 'rejected': {
        const diagnostics = this.remote.show(document, outcome.errors, outcome.message);
        this.log.error(`${outcome.message} (${diagnostics.length} diagnostic${diagnostics.length === 1 ? '' : 's'} in ${path.basename(document.uri.path)})`);
        const actions = outcome.status === 401 ? ['Sign In Again', 'Show Problems'] : ['Show Problems'];
        void vscode.window.showErrorMessage(outcome.message, ...actions).then((choice) => {
          if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
          if (choice === 'Sign In Again') void vscode.commands.executeCommand('zohoCrm.signIn');
        });
        return outcome;
      }
      case 'ambiguous': {
        if (outcome.existing) this.remote.clear(document.uri);
        this.log.warn(outcome.message);
        void vscode.window.showWarningMessage(outcome.message, ...(outcome.existing ? ['Open in Zoho CRM'] : [])).then((choice) => choice && this.openInCrm(connection));
        return outcome;
      }
    }
  }

  private openInCrm(connection: ConnectionInfo): void {
    const base = this.services.settings.read().crmWebUrl ?? crmWebUrl(connection);
    void vscode.env.openExternal(vscode.Uri.parse(`${base}/crm/settings/modules`));
  }

  private fail(message: string): CommandResult {
    this.log.warn(message);
    void vscode.window.showErrorMessage(message);
    return { kind: 'failed', message };
  }
}

function crmWebUrl(connection: ConnectionInfo): string {
  const web = dataCenter(connection.dataCenter).crmWebUrl;
  return connection.environment === 'sandbox' ? web.replace('://crm.', '://crmsandbox.') : web;
}


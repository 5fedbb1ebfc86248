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
  checkFieldsRules,
  checkOrg,
  checkRules,
  createdModuleName,
  createFields,
  createModule,
  describeFieldError,
  fieldsOfBody,
  FieldsRun,
  CreateOutcome,
  dataCenter,
  errorSentence,
  messageOf,
  ZohoError,
} from '@crm/zoho';
import {
  targetConnection,
  textToSend,
  failed,
  isStopped,
  moduleFileOf,
  OneAtATime,
  openModuleDocument,
  Phase,
  readText,
  refuseWhenRestricted,
  Stopped,
} from './kit';
import { RemoteDiagnostics } from './remoteDiagnostics';
import { notify, notificationText } from '../messages/notify';

export type CommandResult =
  | (CreateOutcome & { fields?: FieldsRun })
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
    options?: { interactive?: boolean; confirm?: boolean; target?: string } | vscode.Uri[],
  ): Promise<CommandResult> {
    const restricted = refuseWhenRestricted(this.log, 'Zoho CRM: Create Module');
    if (restricted) return restricted;
    const interactive = Array.isArray(options) || options?.interactive !== false;
    const confirm = Array.isArray(options) || options?.confirm !== false;
    const uri = moduleFileOf(target);
    if (!uri)
      return this.fail('Open a *.crm-module.json file (or pick one in the Explorer) to create its module in Zoho CRM.');
    const targetId = Array.isArray(options) ? undefined : options?.target;
    return this.oneAtATime.run(uri, (phase) => this.send(uri, interactive, confirm, phase, targetId));
  }

  private async send(
    uri: vscode.Uri,
    interactive: boolean,
    confirm: boolean,
    phase: Phase,
    targetId: string | undefined,
  ): Promise<CommandResult> {
    const name = path.basename(uri.path);
    const document = await openModuleDocument(uri, this.log);
    if (isStopped(document)) return document;
    const text = document.getText();
    const rules = checkRules(text, this.services.settings.read().apiVersion);
    if (rules.kind === 'invalid') return this.blocked(name, rules.findings, false);
    // The fields file beside it goes with the module: checked before anything is sent, so neither half is lost.
    const fieldsDocument = await this.siblingFields(uri);
    if (fieldsDocument && isStopped(fieldsDocument)) return fieldsDocument;
    if (fieldsDocument) {
      const refused = checkFieldsRules(fieldsDocument.getText(), this.services.settings.read().apiVersion);
      if (refused.length) return this.blocked(path.basename(fieldsDocument.uri.path), refused, false);
    }

    const connection = await targetConnection(this.services, targetId, interactive, 'create the module', phase);
    if (isStopped(connection)) return connection;
    // Another org's ids (a sandbox's profiles) go as this org's, by name; the files stay as they are.
    const sent = await textToSend(this.services, this.org, connection, uri, text);
    if (typeof sent !== 'string') return sent;
    const fieldsSent = fieldsDocument
      ? await textToSend(this.services, this.org, connection, fieldsDocument.uri, fieldsDocument.getText())
      : undefined;
    if (fieldsSent !== undefined && typeof fieldsSent !== 'string') return fieldsSent;
    const mappedRules = sent === text ? rules : checkRules(sent, this.services.settings.read().apiVersion);
    const sentRules = mappedRules.kind === 'valid' ? mappedRules : rules;

    // What the org is known to have: the module itself (then Update is the way), or clashes Zoho would refuse.
    const snapshot = connection.id === this.services.store.active()?.id ? this.org.current() : undefined;
    const verdict = checkOrg('create', sentRules, snapshot, connection.environment === 'production');
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
    let fieldsRun: FieldsRun | string | undefined;
    try {
      ({ outcome, fieldsRun } = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Creating module "${label}" in ${connection.label}…`),
        },
        async (progress) => {
          const client = await this.store.crmClient(connection!);
          const created = await createModule(client, sent);
          if (created.kind !== 'created') return { outcome: created, fieldsRun: undefined };
          const moduleName = await createdModuleName(client, sent, created.id).catch(() => undefined);
          if (!fieldsDocument) {
            if (moduleName) await this.org.recordWrite(connection!, uri, moduleName);
            return { outcome: created, fieldsRun: undefined };
          }
          // One notification for the whole run: the module, then its fields in calls of 5.
          progress.report({ message: 'its fields' });
          if (!moduleName)
            return { outcome: created, fieldsRun: 'its API name could not be read back, so its fields were not sent' };
          let reported = 0;
          const fields = fieldsOfBody(fieldsSent ?? fieldsDocument.getText());
          const fieldsRun = await createFields(client, moduleName, fields, (done, total) => {
            progress.report({ message: `fields: ${done} of ${total}`, increment: ((done - reported) / total) * 100 });
            reported = done;
          }).finally(() => this.org.recordWrite(connection!, uri, moduleName));
          return { outcome: created, fieldsRun };
        },
      ));
    } catch (error) {
      const message = errorSentence(error, 'Create Module');
      this.log.error(message);
      const actions = error instanceof ZohoError && error.kind === 'auth' ? ['Sign In Again'] : [];
      void notify('error', this.log.redactor.redact(message), ...actions).then((choice) => {
        if (choice === 'Sign In Again') void vscode.commands.executeCommand('zohoCrm.signIn');
      });
      return { kind: 'failed', message: this.log.redactor.redact(message) };
    }
    return this.report(document, connection, label, outcome, fieldsDocument, fieldsRun);
  }

  /** `<name>.crm-fields.json` beside the module file, opened (unsaved edits included), when there is one. */
  private async siblingFields(uri: vscode.Uri): Promise<vscode.TextDocument | Stopped | undefined> {
    const sibling = uri.with({ path: uri.path.replace(/\.crm-module\.json$/i, '.crm-fields.json') });
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === sibling.toString());
    if (open) return open;
    if ((await readText(sibling)) === undefined) return undefined;
    return openModuleDocument(sibling, this.log);
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
    fieldsDocument?: vscode.TextDocument,
    fieldsRun?: FieldsRun | string,
  ): CommandResult {
    switch (outcome.kind) {
      case 'created': {
        this.remote.clear(document.uri);
        const created = `Created module "${label}" in ${connection.label}: id ${outcome.id}.`;
        const refused =
          typeof fieldsRun === 'object'
            ? fieldsRun.outcomes.flatMap((field) => (field.kind === 'refused' ? [field.error] : []))
            : [];
        const fieldsSaid =
          typeof fieldsRun === 'string'
            ? ` ${fieldsRun[0].toUpperCase()}${fieldsRun.slice(1)}: run Create Fields on ${path.basename(fieldsDocument!.uri.path)}.`
            : fieldsRun
              ? ` ${fieldsRun.message}`
              : '';
        const message = `${created}${fieldsSaid}`;
        if (fieldsDocument && refused.length)
          this.remote.show(fieldsDocument, refused, (fieldsRun as FieldsRun).message, describeFieldError);
        else if (fieldsDocument) this.remote.clear(fieldsDocument.uri);
        const fieldsTrouble =
          typeof fieldsRun === 'string' || (fieldsRun?.outcomes.some((field) => field.kind !== 'created') ?? false);
        if (fieldsTrouble) this.log.warn(message);
        else this.log.info(message);
        void notify(
          fieldsTrouble ? 'warning' : 'info',
          message,
          ...(refused.length ? ['Show Problems'] : []),
          'Open in Zoho CRM',
        ).then((choice) => {
          if (choice === 'Open in Zoho CRM') this.openInCrm(connection);
          if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
        // The org has one module more: its snapshot must say so before the next check.
        void this.org
          .refresh(connection)
          .catch((error) => this.log.warn(`Org data not refreshed: ${messageOf(error)}`));
        return { ...outcome, message, fields: typeof fieldsRun === 'object' ? fieldsRun : undefined };
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

/**
 * Zoho CRM: Create Fields. A fields file's fields added to its module (the sibling module file's api_name, else
 * the file's name), checked with the editor's rules first, sent in calls of at most 5 under one progress
 * notification; each refusal of a partial answer lands on its field's line in Problems, and a re-run sends
 * only the fields the module does not have yet.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkFieldsRules, createFields, describeFieldError, errorSentence, fieldsOfBody, FieldsRun } from '@crm/zoho';
import { Services } from '../connections/services';
import { OrgData } from '../org/orgData';
import {
  targetConnection,
  textToSend,
  failed,
  fieldsFileOf,
  isStopped,
  moduleOfFieldsUri,
  OneAtATime,
  openModuleDocument,
  refuseWhenRestricted,
  Stopped,
} from './kit';
import { RemoteDiagnostics } from './remoteDiagnostics';
import { notify, notificationText } from '../messages/notify';

export type CreateFieldsResult =
  (FieldsRun & { kind: 'done' }) | Stopped | { kind: 'restricted' | 'blocked'; message: string };

export class CreateFieldsCommand {
  private readonly oneAtATime = new OneAtATime('Create Fields');

  constructor(
    private readonly services: Services,
    private readonly remote: RemoteDiagnostics,
    private readonly org: OrgData,
  ) {}

  /** `options.confirm: false` is for automation: no question before a production send. */
  async run(
    target?: vscode.Uri | string,
    options?: { confirm?: boolean; target?: string } | vscode.Uri[],
  ): Promise<CreateFieldsResult> {
    const restricted = refuseWhenRestricted(this.services.log, 'Zoho CRM: Create Fields');
    if (restricted) return restricted;
    const uri = fieldsFileOf(target);
    if (!uri) return this.fail('Open a *.crm-fields.json file (or pick one in the Explorer) to create its fields.');
    const confirm = Array.isArray(options) || options?.confirm !== false;
    const targetId = Array.isArray(options) ? undefined : options?.target;
    return this.oneAtATime.run(uri, (phase) => this.send(uri, confirm, phase, targetId));
  }

  private async send(
    uri: vscode.Uri,
    confirm: boolean,
    phase: (now: string) => void,
    targetId: string | undefined,
  ): Promise<CreateFieldsResult> {
    const { log, settings } = this.services;
    const name = path.basename(uri.path);
    const document = await openModuleDocument(uri, log);
    if (isStopped(document)) return document;
    const text = document.getText();
    const errors = checkFieldsRules(text, settings.read().apiVersion);
    if (errors.length) {
      const message = `${name} has ${errors.length} problem${errors.length === 1 ? '' : 's'} Zoho would refuse; nothing was sent.`;
      void notify('error', message, 'Show Problems').then(
        (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
      );
      return { kind: 'blocked', message };
    }
    const moduleName = await moduleOfFieldsUri(uri);
    const connection = await targetConnection(this.services, targetId, true, 'create the fields', phase);
    if (isStopped(connection)) return connection;
    // Another org's ids go as this org's, by name; the file stays as it is.
    const sent = await textToSend(this.services, this.org, connection, uri, text);
    if (typeof sent !== 'string') return sent;
    const fields = fieldsOfBody(sent);
    if (confirm && connection.environment === 'production' && settings.read().askBeforeProductionCreate) {
      phase('waiting for your answer');
      const choice = await vscode.window.showWarningMessage(
        `Create ${fields.length} field${fields.length === 1 ? '' : 's'} in ${moduleName} of ${connection.label}?`,
        {
          modal: true,
          detail:
            'This is a production org: its users see the fields at once. (Setting: zohoCrm.askBeforeProductionCreate.)',
        },
        'Create',
      );
      if (choice !== 'Create') return { kind: 'cancelled', message: 'Create Fields cancelled; nothing was sent.' };
    }
    phase(`sending its fields to ${connection.label}`);
    log.info(`Create Fields: ${name} → ${moduleName} in ${connection.label}`);
    let run: FieldsRun;
    try {
      run = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: notificationText(`Creating fields in ${moduleName}`) },
        async (progress) => {
          const client = await this.services.store.crmClient(connection);
          let reported = 0;
          return createFields(client, moduleName, fields, (done, total) => {
            progress.report({ message: `${done} of ${total}`, increment: ((done - reported) / total) * 100 });
            reported = done;
          });
        },
      );
    } catch (error) {
      return this.fail(log.redactor.redact(errorSentence(error, 'Create Fields')));
    }
    // The module has new fields: the org data's copy of them is read again, so the clash rules know them.
    void this.org.ensureFields([moduleName], true);
    await this.org.recordWrite(connection, uri, moduleName);
    const refused = run.outcomes.flatMap((outcome) => (outcome.kind === 'refused' ? [outcome.error] : []));
    if (refused.length) this.remote.show(document, refused, run.message, describeFieldError);
    else this.remote.clear(uri);
    const unsure = run.outcomes.some((outcome) => outcome.kind === 'unknown' || outcome.kind === 'not sent');
    if (refused.length || unsure) {
      log.warn(run.message);
      void notify('warning', run.message, ...(refused.length ? ['Show Problems'] : [])).then(
        (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
      );
    } else {
      log.info(run.message);
      void notify('info', run.message);
    }
    return { ...run, kind: 'done' };
  }

  private fail(message: string): Stopped {
    return failed(this.services.log, message);
  }
}

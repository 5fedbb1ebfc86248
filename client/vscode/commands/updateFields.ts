/**
 * Zoho CRM: Update Fields. Reads the module's fields fresh, shows field by field what would change, asks,
 * then creates the new fields and PATCHes the changed ones under one progress notification. The module's
 * fields (and options) the file no longer has are deleted only after a second question that names each one.
 * Zoho's refusals land on their fields' lines, as for Create Fields.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  checkFieldsRules,
  describeFieldError,
  errorSentence,
  fieldsOfBody,
  FieldsPlan,
  FieldStep,
  FieldSummary,
  listFields,
  ModuleDetails,
  planFieldsUpdate,
  updateFields,
  ZohoErrorEntry,
} from '@crm/zoho';
import { Services } from '../connections/services';
import { OrgData } from '../org/orgData';
import { notify, notificationText } from '../messages/notify';
import {
  targetConnection,
  textToSend,
  failed,
  fieldsFileOf,
  isStopped,
  moduleOfFieldsUri,
  OneAtATime,
  openModuleDocument,
  Phase,
  refuseWhenRestricted,
  Stopped,
} from './kit';
import { RemoteDiagnostics } from './remoteDiagnostics';

export type UpdateFieldsResult =
  | { kind: 'done'; message: string; steps: FieldStep[]; plan: FieldsPlan }
  | { kind: 'restricted' | 'blocked' | 'unchanged' | 'missing' | 'conflict'; message: string; plan?: FieldsPlan }
  | Stopped;

/** For automation: no questions; which of the org's fields (API names) to delete, and whether options go. */
export interface UpdateFieldsOptions {
  confirm?: boolean;
  /** Send even over fields someone changed in the org since they were last pulled or sent from here. */
  overwrite?: boolean;
  deleteFields?: string[];
  removeOptions?: boolean;
  /** The connection to send to (its id); the active one unless given. */
  target?: string;
}

export class UpdateFieldsCommand {
  private readonly oneAtATime = new OneAtATime('Update Fields');

  constructor(
    private readonly services: Services,
    private readonly remote: RemoteDiagnostics,
    private readonly org: OrgData,
  ) {}

  private get log() {
    return this.services.log;
  }

  async run(target?: vscode.Uri | string, options?: UpdateFieldsOptions | vscode.Uri[]): Promise<UpdateFieldsResult> {
    const restricted = refuseWhenRestricted(this.log, 'Zoho CRM: Update Fields');
    if (restricted) return restricted;
    const uri = fieldsFileOf(target);
    if (!uri) return this.fail('Open a *.crm-fields.json file (or pick one in the Explorer) to update its fields.');
    const settings = Array.isArray(options) ? {} : (options ?? {});
    return this.oneAtATime.run(uri, (phase) => this.send(uri, settings, phase));
  }

  private async send(uri: vscode.Uri, options: UpdateFieldsOptions, phase: Phase): Promise<UpdateFieldsResult> {
    const name = path.basename(uri.path);
    const version = this.services.settings.read().apiVersion;
    const document = await openModuleDocument(uri, this.log);
    if (isStopped(document)) return document;
    const text = document.getText();
    const errors = checkFieldsRules(text, version);
    if (errors.length) {
      const message = `${name} has ${errors.length} problem${errors.length === 1 ? '' : 's'} Zoho would refuse; nothing was sent.`;
      void notify('error', message, 'Show Problems').then(
        (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
      );
      return { kind: 'blocked', message };
    }
    const moduleName = await moduleOfFieldsUri(uri);
    const connection = await targetConnection(
      this.services,
      options.target,
      options.confirm !== false,
      'update the fields',
      phase,
    );
    if (isStopped(connection)) return connection;
    // Another org's ids go as this org's, by name: what is planned is what is sent; the file stays as it is.
    const sent = await textToSend(this.services, this.org, connection, uri, text);
    if (typeof sent !== 'string') return sent;
    phase(`reading the fields of ${moduleName} from ${connection.label}`);
    const fields = fieldsOfBody(sent);
    const activeData = connection.id === this.services.store.active()?.id ? this.org.current() : undefined;
    let plan: FieldsPlan;
    let org: FieldSummary[];
    let orgModule: ModuleDetails;
    try {
      const read = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Reading the fields of ${moduleName} from ${connection.label}…`),
        },
        async () => {
          const client = await this.services.store.crmClient(connection);
          const module = await client.getModule(moduleName);
          return module && { module, fields: await listFields(client, module.api_name) };
        },
      );
      if (!read) {
        const message = `${connection.label} has no module ${moduleName} (the module of ${name}: its sibling module file's api_name, else its name); nothing was sent.`;
        this.log.warn(message);
        void notify('warning', message);
        return { kind: 'missing', message };
      }
      org = read.fields;
      orgModule = read.module;
      const names = new Map((activeData?.profiles ?? []).map((profile) => [profile.id, profile.name]));
      plan = planFieldsUpdate(read.module.api_name, fields, org, version, (id) => names.get(id));
    } catch (error) {
      return this.fail(this.log.redactor.redact(errorSentence(error, 'Reading the fields')));
    }

    const removals = plan.changes.filter((change) => change.optionRemovals.length);
    const sendable = plan.creates.length || plan.changes.some((change) => change.patch);
    if (!sendable && !plan.orgOnly.length && !removals.length) {
      const message = `Nothing to update: the fields of ${plan.module} in ${connection.label} already match ${name}${plan.differences.length ? ` as far as Zoho lets them change (${plan.differences[0]})` : ''}.`;
      this.log.info(message);
      if (options.confirm !== false) void notify('info', message);
      return { kind: 'unchanged', message, plan };
    }
    this.log.info(
      `Update Fields: ${name} → ${plan.module} in ${connection.label}:\n  ${plan.differences.join('\n  ')}`,
    );
    // Fields someone changed in Zoho since they were last pulled or sent from here: never overwritten silently.
    const conflicts = await this.org.conflicts(
      connection,
      uri,
      { name: plan.module, fieldsFile: { path: uri.fsPath, text } },
      { module: orgModule, fields: org },
    );
    if (conflicts.length && !options.overwrite) {
      const message = `${conflicts.join(', ')} changed in ${plan.module} of ${connection.label} since last pulled or sent from here: Update Fields would overwrite those changes. Compare with Org shows them; Pull Fields takes them.`;
      this.log.warn(message);
      if (options.confirm === false) return { kind: 'conflict', message, plan };
      phase('waiting for your answer');
      const choice = await vscode.window.showWarningMessage(message, { modal: true }, 'Compare with Org', 'Overwrite');
      if (choice === 'Compare with Org') void vscode.commands.executeCommand('zohoCrm.compareWithOrg', uri);
      if (choice !== 'Overwrite') return { kind: 'conflict', message, plan };
    }
    let deleteIds = plan.orgOnly
      .filter((field) => options.deleteFields?.includes(field.apiName))
      .map((field) => field.id);
    let removeOptions = options.removeOptions ?? false;
    if (options.confirm !== false) {
      phase('waiting for your answer');
      const deletable = plan.orgOnly.length + removals.length > 0;
      const choice = await vscode.window.showWarningMessage(
        `Update the fields of ${plan.module} in ${connection.label}?`,
        { modal: true, detail: plan.differences.join('\n') },
        ...(sendable ? ['Update'] : []),
        ...(deletable ? ['Update and Delete…'] : []),
      );
      if (!choice) return { kind: 'cancelled', message: 'Update Fields cancelled; nothing was sent.' };
      deleteIds = [];
      removeOptions = false;
      if (choice === 'Update and Delete…') {
        // A deletion loses data: a second question, naming each field and option.
        const named = [
          ...plan.orgOnly.map((field) => `the field ${field.label} (${field.apiName})`),
          ...removals.flatMap((change) =>
            change.optionRemovals.map(
              (option) => `the option ${JSON.stringify(option.display_value)} of ${change.apiName}`,
            ),
          ),
        ];
        const sure = await vscode.window.showWarningMessage(
          `Delete ${named.length} thing${named.length === 1 ? '' : 's'} from ${plan.module} in ${connection.label}?`,
          {
            modal: true,
            detail: `${named.join('\n')}\n\nThe values records hold in them are lost. Zoho cannot undo this.`,
          },
          'Delete',
        );
        if (sure !== 'Delete') return { kind: 'cancelled', message: 'Update Fields cancelled; nothing was sent.' };
        deleteIds = plan.orgOnly.map((field) => field.id);
        removeOptions = true;
      }
    }
    phase(`sending the changes to ${connection.label}`);
    let steps: FieldStep[];
    let message: string;
    try {
      ({ steps, message } = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Updating the fields of ${plan.module}`),
        },
        async (progress) => {
          const client = await this.services.store.crmClient(connection);
          let reported = 0;
          return updateFields(client, plan, fields, org, version, { deleteIds, removeOptions }, (done, total) => {
            progress.report({ message: `${done} of ${total}`, increment: ((done - reported) / total) * 100 });
            reported = done;
          });
        },
      ));
    } catch (error) {
      return this.fail(this.log.redactor.redact(errorSentence(error, 'Update Fields')));
    }
    void this.org.ensureFields([plan.module], true);
    await this.org.recordWrite(connection, uri, plan.module);
    const refusedHere: ZohoErrorEntry[] = [];
    const refusedElsewhere: string[] = [];
    for (const step of steps)
      if (step.kind === 'refused') {
        if (step.index === undefined) refusedElsewhere.push(`${step.name}: ${describeFieldError(step.error)}`);
        else refusedHere.push(step.error);
      }
    const said = [message, ...refusedElsewhere].join(' ');
    if (refusedHere.length) this.remote.show(document, refusedHere, message, describeFieldError);
    else this.remote.clear(uri);
    const trouble = steps.some((step) => step.kind !== 'created' && step.kind !== 'updated' && step.kind !== 'deleted');
    if (trouble) {
      this.log.warn(said);
      void notify('warning', said, ...(refusedHere.length ? ['Show Problems'] : [])).then(
        (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
      );
    } else {
      this.log.info(said);
      void notify('info', said);
    }
    return { kind: 'done', message: said, steps, plan };
  }

  private fail(message: string): Stopped {
    return failed(this.log, message);
  }
}

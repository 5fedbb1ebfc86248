/**
 * Zoho CRM: Update Module. Reads the org's module fresh, shows what would change, asks, then sends one
 * PUT; Zoho's errors land on the file's own lines, as for Create.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

import { ConnectionInfo } from '../connections/connectionStore';
import {
  targetConnection,
  textToSend,
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
import { Services } from '../connections/services';
import {
  checkOrg,
  checkRules,
  errorInFile,
  errorSentence,
  findOrgModule,
  messageOf,
  planUpdate,
  readModuleFile,
  updateModule,
  UpdateOutcome,
  UpdatePlan,
  ModuleDetails,
} from '@crm/zoho';
import { OrgData } from '../org/orgData';
import { notify, notificationText } from '../messages/notify';

export type UpdateResult =
  | UpdateOutcome
  | Stopped
  | { kind: 'restricted' | 'blocked' | 'unchanged' | 'missing' | 'conflict'; message: string; plan?: UpdatePlan };

export class UpdateModuleCommand {
  private readonly oneAtATime = new OneAtATime('Update Module');

  constructor(
    private readonly services: Services,
    private readonly remote: RemoteDiagnostics,
    private readonly org: OrgData,
  ) {}

  private get log() {
    return this.services.log;
  }

  /** `options.confirm: false` is for automation: no question before sending. */
  async run(
    target?: vscode.Uri | string,
    options?: { confirm?: boolean; interactive?: boolean; overwrite?: boolean; target?: string } | vscode.Uri[],
  ): Promise<UpdateResult> {
    const restricted = refuseWhenRestricted(this.log, 'Zoho CRM: Update Module');
    if (restricted) return restricted;
    const settings = Array.isArray(options) ? {} : (options ?? {});
    const uri = moduleFileOf(target);
    if (!uri)
      return this.fail('Open a *.crm-module.json file (or pick one in the Explorer) to update its module in Zoho CRM.');
    return this.oneAtATime.run(uri, (phase) =>
      this.send(
        uri,
        settings.confirm !== false,
        settings.interactive !== false,
        phase,
        settings.overwrite ?? false,
        settings.target,
      ),
    );
  }

  private async send(
    uri: vscode.Uri,
    confirm: boolean,
    interactive: boolean,
    phase: Phase,
    overwrite: boolean,
    targetId?: string,
  ): Promise<UpdateResult> {
    const name = path.basename(uri.path);
    const document = await openModuleDocument(uri, this.log);
    if (isStopped(document)) return document;
    const written = document.getText();
    const writtenRules = checkRules(written, this.services.settings.read().apiVersion);
    if (writtenRules.kind === 'invalid') return this.blocked(name, writtenRules.findings.length, false);
    const apiName = readModuleFile(written)!.api_name;
    if (!apiName)
      return this.fail(
        `${name} has no api_name: Update needs it to know which module of the org the file is. Add the module's API name (Pull Module writes it).`,
      );

    const connection = await targetConnection(this.services, targetId, interactive, 'update the module', phase);
    if (isStopped(connection)) return connection;
    // Another org's ids go as this org's, by name: what is planned and compared is what is sent.
    const text = await textToSend(this.services, this.org, connection, uri, written);
    if (typeof text !== 'string') return text;
    const mappedRules = text === written ? writtenRules : checkRules(text, this.services.settings.read().apiVersion);
    const rules = mappedRules.kind === 'valid' ? mappedRules : writtenRules;
    const file = readModuleFile(text)!;
    const activeData = connection.id === this.services.store.active()?.id ? this.org.current() : undefined;
    phase(`reading ${apiName} from ${connection.label}`);

    let plan: UpdatePlan;
    let orgModule: ModuleDetails;
    try {
      const client = await this.services.store.crmClient(connection);
      const found = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Reading ${apiName} from ${connection.label}…`),
        },
        () => findOrgModule(client, apiName, activeData),
      );
      if (!found) return this.missing(uri, connection, apiName, interactive);
      if (found.generated_type && found.generated_type !== 'custom') {
        return this.fail(
          `${apiName} is one of Zoho's ${found.generated_type === 'default' ? 'standard' : found.generated_type} modules, not a custom one: Update Module changes only custom modules.`,
        );
      }
      const names = new Map((activeData?.profiles ?? []).map((profile) => [profile.id, profile.name]));
      for (const profile of found.profiles ?? []) if (profile.name) names.set(String(profile.id), profile.name);
      plan = planUpdate(file, found, (id) => names.get(id));
      orgModule = found;
    } catch (error) {
      return this.failWithError(error, 'Reading the module');
    }

    // Once the module is known to be there and custom: the same check before sending as Create's (labels
    // another module uses, profiles the org lacks).
    const verdict = checkOrg('update', rules, activeData, connection.environment === 'production');
    if (verdict.kind === 'clash') return this.blocked(name, verdict.findings.length, true);

    if (!plan.changes.length) {
      const message = `Nothing to update: ${plan.apiName} in ${connection.label} already matches ${name}.${plan.differences.length ? ` (${plan.differences[0].text})` : ''}`;
      this.log.info(message);
      if (interactive) void notify('info', message);
      return { kind: 'unchanged', message, plan };
    }
    this.log.info(
      `Update Module: ${name} → ${plan.apiName} in ${connection.label}:\n  ${plan.differences.map((difference) => difference.text).join('\n  ')}`,
    );
    // Someone changed the module in Zoho since it was last pulled or sent from here: never overwrite silently.
    const conflicts = await this.org.conflicts(
      connection,
      uri,
      { name: plan.apiName, moduleFile: { path: uri.fsPath, text } },
      { module: orgModule, fields: [] },
    );
    if (conflicts.length && !overwrite) {
      const message = `${plan.apiName} changed in ${connection.label} since it was last pulled or sent from here: Update would overwrite those changes. Compare with Org shows them; Pull Module takes them.`;
      this.log.warn(message);
      if (!confirm) return { kind: 'conflict', message, plan };
      phase('waiting for your answer');
      const choice = await vscode.window.showWarningMessage(
        message,
        { modal: true, detail: plan.differences.map((difference) => difference.text).join('\n') },
        'Compare with Org',
        'Overwrite',
      );
      if (choice === 'Compare with Org') void vscode.commands.executeCommand('zohoCrm.compareWithOrg', uri);
      if (choice !== 'Overwrite') return { kind: 'conflict', message, plan };
      confirm = false; // the question was asked, with the differences
    }
    if (confirm) {
      phase('waiting for your answer');
      const choice = await vscode.window.showWarningMessage(
        `Update ${plan.apiName} in ${connection.label}?`,
        { modal: true, detail: plan.differences.map((difference) => difference.text).join('\n') },
        'Update',
      );
      if (choice !== 'Update') return { kind: 'cancelled', message: 'Update cancelled; nothing was sent.' };
    }
    phase(`sending it to ${connection.label}`);
    let outcome: UpdateOutcome;
    try {
      outcome = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Updating ${plan.apiName} in ${connection.label}…`),
        },
        async () => updateModule(await this.services.store.crmClient(connection), plan),
      );
    } catch (error) {
      return this.failWithError(error, 'Update Module');
    }
    return this.report(document, connection, plan, outcome);
  }

  private async report(
    document: vscode.TextDocument,
    connection: ConnectionInfo,
    plan: UpdatePlan,
    outcome: UpdateOutcome,
  ): Promise<UpdateResult> {
    switch (outcome.kind) {
      case 'updated': {
        this.remote.clear(document.uri);
        await this.org.recordWrite(connection, document.uri, plan.apiName);
        const message = `Updated ${plan.apiName} in ${connection.label}.`;
        this.log.info(message);
        void notify('info', message);
        void this.org
          .refresh(connection)
          .catch((error) => this.log.warn(`Org data not refreshed: ${messageOf(error)}`));
        return { ...outcome, message };
      }
      case 'rejected': {
        const errors = outcome.errors.map((error) => errorInFile(error, plan));
        this.remote.show(document, errors, outcome.message);
        this.log.error(outcome.message);
        void notify('error', outcome.message, 'Show Problems').then(
          (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
        );
        return { ...outcome, errors };
      }
      case 'ambiguous': {
        this.log.warn(outcome.message);
        void notify('warning', outcome.message, 'Compare with Org').then(
          (choice) => choice && vscode.commands.executeCommand('zohoCrm.compareWithOrg', document.uri),
        );
        return outcome;
      }
    }
  }

  private missing(uri: vscode.Uri, connection: ConnectionInfo, apiName: string, interactive: boolean): UpdateResult {
    const message = `${connection.label} has no module ${apiName} (deleted or renamed in Zoho CRM?); nothing was sent. Create Module creates it.`;
    this.log.warn(message);
    if (interactive)
      void notify('warning', message, 'Create Module').then(
        (choice) => choice && vscode.commands.executeCommand('zohoCrm.createModule', uri),
      );
    return { kind: 'missing', message };
  }

  private failWithError(error: unknown, what: string): UpdateResult {
    const message = this.log.redactor.redact(errorSentence(error, what));
    return this.fail(message);
  }

  /** Nothing was sent: Zoho would refuse the file (the rules), or refuse it in this org (its data). */
  private blocked(name: string, count: number, fromOrg: boolean): UpdateResult {
    const problems = `${count} problem${count === 1 ? '' : 's'}`;
    const message = fromOrg
      ? `${name} has ${problems} with the org's data that Zoho would refuse; nothing was sent. Fix ${count === 1 ? 'it' : 'them'}, or refresh the org data if it changed.`
      : `${name} has ${problems} Zoho would refuse; nothing was sent.`;
    this.log.info(message);
    void notify('error', message, 'Show Problems').then(
      (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
    );
    return { kind: 'blocked', message };
  }

  private fail(message: string): Stopped {
    return failed(this.log, message);
  }
}

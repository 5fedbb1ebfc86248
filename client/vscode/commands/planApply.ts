/**
 * Zoho CRM: Plan and Zoho CRM: Apply for a workspace folder: the same engine as `crm-module plan` and `apply`
 * (client/zoho/syncFolder.ts, syncApply.ts). Plan shows, per module and field, what Apply would do, in a
 * read-only document; Apply asks once with that list, then carries it out under one progress notification,
 * stopping at a conflict or the first refusal (refusals land on their files' lines), and records each module's
 * new state in the folder's `.crm-sync.json` as it goes.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  APPLY_LOCK_FILE,
  applyPlan,
  takeApplyLock,
  changes,
  describePlan,
  describeFieldError,
  errorSentence,
  groupFiles,
  ModulePlan,
  orgIdOf,
  planFolder,
  SYNC_STATE_FILE,
  SyncState,
  withBaseline,
} from '@crm/zoho';
import { documentKindOf } from '@crm/languageservice';
import { ConnectionInfo } from '../connections/connectionStore';
import { Services } from '../connections/services';
import { OrgData } from '../org/orgData';
import { notify, notificationText } from '../messages/notify';
import { connectionFor, failed, isStopped, refuseWhenRestricted, Stopped } from './kit';
import { RemoteDiagnostics } from './remoteDiagnostics';
import { moduleFilesUnder } from '../org/workspaceFiles';

export const PLAN_SCHEME = 'zoho-crm-plan';

export type PlanResult = { kind: 'planned'; plans: ModulePlan[]; text: string; uri?: vscode.Uri } | Stopped;
export type ApplyResult =
  | { kind: 'applied' | 'stopped'; message: string; modules: { name: string; outcome: string; message: string }[] }
  | { kind: 'unchanged' | 'restricted'; message: string }
  | Stopped;

/** For automation: no question; the modules whose conflicts the files may overwrite; deletions allowed. */
export interface ApplyOptions {
  confirm?: boolean;
  overwrite?: string[];
  allowDelete?: boolean;
}

interface Planned {
  folder: vscode.WorkspaceFolder;
  connection: ConnectionInfo;
  plans: ModulePlan[];
  org: string;
  state: SyncState;
  stateFile: vscode.Uri;
}

export class PlanApplyCommands implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, this);
  private running = false;

  constructor(
    private readonly services: Services,
    private readonly org: OrgData,
    private readonly remote: RemoteDiagnostics,
  ) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async plan(folder?: vscode.Uri): Promise<PlanResult> {
    const planned = await this.makePlan(folder, 'plan');
    if (isStopped(planned)) return planned;
    const { lines, summary } = describePlan(planned.plans);
    const where = folder ? vscode.workspace.asRelativePath(folder, true) : planned.folder.name;
    const text = `Plan: ${where} → ${planned.connection.label} (each difference: the org's value → the file's)\n\n${[...lines, '', summary].join('\n')}\n`;
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/Plan for ${where.replace(/[\\/]/g, ' ')}.txt` });
    this.contents.set(uri.toString(), text);
    this.emitter.fire(uri);
    await vscode.window.showTextDocument(uri, { preview: true });
    return { kind: 'planned', plans: planned.plans, text, uri };
  }

  async apply(folder?: vscode.Uri, options: ApplyOptions | vscode.Uri[] = {}): Promise<ApplyResult> {
    const restricted = refuseWhenRestricted(this.services.log, 'Zoho CRM: Apply');
    if (restricted) return restricted;
    const settings = Array.isArray(options) ? {} : options;
    // Two windows, or two clicks: one Apply at a time in this window; the state file records each module as it goes.
    if (this.running) return { kind: 'cancelled', message: 'Apply is already running in this window.' };
    this.running = true;
    try {
      return await this.applyNow(folder, settings);
    } finally {
      this.running = false;
    }
  }

  private async applyNow(folder: vscode.Uri | undefined, options: ApplyOptions): Promise<ApplyResult> {
    const planned = await this.makePlan(folder, 'apply');
    if (isStopped(planned)) return planned;
    const pending = planned.plans.filter(changes);
    if (!pending.length) {
      const message = `Nothing to apply: ${planned.connection.label} matches the files of ${planned.folder.name}.`;
      void notify('info', message);
      return { kind: 'unchanged', message };
    }
    const { lines, summary } = describePlan(pending);
    if (options.confirm !== false) {
      const choice = await vscode.window.showWarningMessage(
        `Apply ${pending.length} module${pending.length === 1 ? '' : 's'} to ${planned.connection.label}?`,
        { modal: true, detail: [...lines, '', summary].join('\n') },
        'Apply',
      );
      if (choice !== 'Apply') return { kind: 'cancelled', message: 'Apply cancelled; nothing was sent.' };
    }
    const lock = takeApplyLock(path.dirname(planned.stateFile.fsPath));
    if ('heldBy' in lock)
      return failed(
        this.services.log,
        `${lock.heldBy} is running on ${planned.folder.name}; nothing was sent. (A lock left by a crash: remove ${APPLY_LOCK_FILE}.)`,
      );
    let state = planned.state;
    let run;
    try {
      run = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Applying to ${planned.connection.label}`),
        },
        async (progress) =>
          applyPlan(
            await this.services.store.crmClient(planned.connection),
            planned.plans,
            {
              version: this.services.settings.read().apiVersion,
              force: options.overwrite ?? [],
              allowDelete: options.allowDelete ?? false,
            },
            async (module, baseline) => {
              progress.report({ message: module });
              state = withBaseline(state, planned.org, module, baseline);
              await this.org.syncStates.write(planned.stateFile, state);
            },
          ),
      );
    } catch (error) {
      return failed(this.services.log, this.services.log.redactor.redact(errorSentence(error, 'Apply')));
    } finally {
      lock.release();
    }
    for (const module of run.modules)
      for (const refusal of module.refusals ?? []) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(refusal.file));
        const fields = documentKindOf(refusal.file) === 'fields';
        this.remote.show(document, refusal.errors, module.message, fields ? describeFieldError : undefined);
      }
    const message = run.stopped
      ? `Apply stopped: ${run.stopped}. What was done is recorded in ${SYNC_STATE_FILE}; Apply again finishes the rest.`
      : `Applied ${run.modules.length} module${run.modules.length === 1 ? '' : 's'} to ${planned.connection.label}.`;
    const said = this.services.log.redactor.redact(message);
    if (run.stopped) {
      this.services.log.warn(said);
      void notify('warning', said, 'Show Problems').then(
        (choice) => choice && vscode.commands.executeCommand('workbench.actions.view.problems'),
      );
    } else {
      this.services.log.info(said);
      void notify('info', said);
    }
    void this.org.refresh(planned.connection).catch(() => undefined);
    return {
      kind: run.stopped ? 'stopped' : 'applied',
      message: said,
      modules: run.modules.map(({ name, outcome, message: text }) => ({ name, outcome, message: text })),
    };
  }

  private async makePlan(folderUri: vscode.Uri | undefined, verb: 'plan' | 'apply'): Promise<Planned | Stopped> {
    const folder = folderUri
      ? vscode.workspace.getWorkspaceFolder(folderUri)
      : (vscode.workspace.workspaceFolders ?? []).length > 1
        ? await vscode.window.showWorkspaceFolderPick({ placeHolder: `Which folder's files to ${verb}?` })
        : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return failed(this.services.log, `Open a folder of module files to ${verb} it.`);
    // A folder picked in the Explorer: its files only; the state file stays at the workspace folder's root.
    const files = await moduleFilesUnder(folderUri ?? folder.uri);
    const { modules, unnamed } = groupFiles(files);
    if (unnamed.length)
      return failed(
        this.services.log,
        `${vscode.workspace.asRelativePath(unnamed[0])} has no api_name: Plan and Apply need it to know which module of the org it is.`,
      );
    if (!modules.length)
      return failed(this.services.log, `${folder.name} has no *.crm-module.json or *.crm-fields.json.`);
    const connection = await connectionFor(this.services, true, `${verb} the folder`);
    if (isStopped(connection)) return connection;
    const stateFile = vscode.Uri.joinPath(folder.uri, SYNC_STATE_FILE);
    const state = await this.org.syncStates.read(stateFile);
    if ('error' in state)
      return failed(
        this.services.log,
        `${SYNC_STATE_FILE} in ${folder.name} ${state.error}; nothing was read or sent. Move it away to start from no baseline.`,
      );
    try {
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: notificationText(`Reading ${connection.label}…`) },
        async () => {
          const client = await this.services.store.crmClient(connection);
          const org = await orgIdOf(client, connection.label);
          const plans = await planFolder(client, modules, state, org, this.services.settings.read().apiVersion);
          return { folder, connection, plans, org, state, stateFile };
        },
      );
    } catch (error) {
      return failed(this.services.log, this.services.log.redactor.redact(errorSentence(error, `Zoho CRM: ${verb}`)));
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.emitter.dispose();
  }
}

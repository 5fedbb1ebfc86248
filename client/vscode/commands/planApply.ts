/**
 * Zoho CRM: Plan and Zoho CRM: Apply for a workspace folder: the same engine as `crm-module plan` and `apply`
 * (client/zoho/syncFolder.ts, syncApply.ts). Plan shows, per module and field, what Apply would do, in a
 * read-only document; Apply asks once with that list, then carries it out under one progress notification,
 * stopping at a conflict or the first refusal (refusals land on their files' lines), and records each module's
 * new state in the folder's `.crm-sync.json` as it goes. Each takes a target connection (the active one unless
 * told); Promote to… picks another, and the files' ids of the active org are sent as the target's, by name.
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
  describeMapping,
  directoryOfSnapshot,
  errorSentence,
  FolderPlan,
  groupFiles,
  ModulePlan,
  orgIdOf,
  planFolder,
  SYNC_STATE_FILE,
  SyncState,
  withReading,
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
  /** The connection to apply to (its id); the active one unless given. */
  target?: string;
}

interface Planned extends FolderPlan {
  folder: vscode.WorkspaceFolder;
  connection: ConnectionInfo;
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

  async plan(folder?: vscode.Uri, target?: string): Promise<PlanResult> {
    const planned = await this.makePlan(folder, 'plan', target);
    if (isStopped(planned)) return planned;
    const { lines, summary } = describePlan(planned.plans);
    const where = folder ? vscode.workspace.asRelativePath(folder, true) : planned.folder.name;
    const mapping = describeMapping(planned.mapping, planned.connection.label);
    const text = `Plan: ${where} → ${planned.connection.label} (each difference: the org's value → the file's)\n\n${[
      ...(mapping.length ? [...mapping, ''] : []),
      ...lines,
      '',
      summary,
      ...planned.unmapped.map((entry) => `Error: ${shown(entry)}`),
    ].join('\n')}\n`;
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

  /**
   * Zoho CRM: Promote to…: the folder applied to another signed-in org, the active one's ids mapped by name. The
   * same question, mapping table and production warning as Apply; the active connection stays as it was.
   */
  async promote(folder?: vscode.Uri, options: ApplyOptions | vscode.Uri[] = {}): Promise<ApplyResult> {
    const restricted = refuseWhenRestricted(this.services.log, 'Zoho CRM: Promote to…');
    if (restricted) return restricted;
    const settings = Array.isArray(options) ? {} : options;
    if (settings.target) return this.apply(folder, settings);
    const active = this.services.store.active();
    const others = this.services.store.list().filter((connection) => connection.id !== active?.id);
    if (!active || !others.length) {
      const message =
        'Promote needs two signed-in orgs: sign in to the org to promote to (Zoho CRM: Sign In), then switch back.';
      void notify('info', message, 'Sign In').then(
        (choice) => choice && vscode.commands.executeCommand('zohoCrm.signIn'),
      );
      return { kind: 'cancelled', message };
    }
    const pick = await vscode.window.showQuickPick(
      others.map((connection) => ({
        label: connection.label,
        description: `${connection.environment} · ${connection.dataCenter.toUpperCase()}`,
        detail: 'Profile ids mapped by name; the files stay as they are.',
        id: connection.id,
      })),
      { placeHolder: `Promote from ${active.label} to…`, ignoreFocusOut: true },
    );
    if (!pick) return { kind: 'cancelled', message: 'Promote cancelled; nothing was sent.' };
    return this.apply(folder, { ...settings, target: pick.id });
  }

  private async applyNow(folder: vscode.Uri | undefined, options: ApplyOptions): Promise<ApplyResult> {
    const planned = await this.makePlan(folder, 'apply', options.target);
    if (isStopped(planned)) return planned;
    if (planned.unmapped.length)
      // Before the question and any write: an id the target cannot take would be refused half-way.
      return failed(
        this.services.log,
        `Nothing was sent to ${planned.connection.label}: ${shown(planned.unmapped[0])}${planned.unmapped.length > 1 ? ` (and ${planned.unmapped.length - 1} more: Zoho CRM: Plan lists them)` : ''}`,
      );
    const pending = planned.plans.filter(changes);
    if (!pending.length) {
      const message = `Nothing to apply: ${planned.connection.label} matches the files of ${planned.folder.name}.`;
      void notify('info', message);
      return { kind: 'unchanged', message };
    }
    const { lines, summary } = describePlan(pending);
    const mapping = describeMapping(planned.mapping, planned.connection.label);
    // In the log too: what was sent in place of the files' ids stays readable after the question is gone.
    if (mapping.length) this.services.log.info(mapping.join('\n'));
    if (options.confirm !== false) {
      const production = planned.connection.environment === 'production';
      const count = `${pending.length} module${pending.length === 1 ? '' : 's'}`;
      const choice = await vscode.window.showWarningMessage(
        production
          ? `${planned.connection.label} is a production org: apply ${count} there?`
          : `Apply ${count} to ${planned.connection.label}?`,
        { modal: true, detail: [...lines, '', summary, ...(mapping.length ? ['', ...mapping] : [])].join('\n') },
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
              state = withReading(state, { id: planned.org, label: planned.connection.label }, module, baseline);
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

  private async makePlan(
    folderUri: vscode.Uri | undefined,
    verb: 'plan' | 'apply',
    targetId?: string,
  ): Promise<Planned | Stopped> {
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
    const target = targetId && this.services.store.list().find((candidate) => candidate.id === targetId);
    if (targetId && !target) return failed(this.services.log, 'That connection is no longer signed in.');
    const connection = target || (await connectionFor(this.services, true, `${verb} the folder`));
    if (isStopped(connection)) return connection;
    // Promoting: the active org's names are the source of the files' ids (its snapshot is at hand).
    const active = this.services.store.active();
    const activeSnapshot = active && active.id !== connection.id ? this.org.current() : undefined;
    const sources = activeSnapshot ? [directoryOfSnapshot(activeSnapshot, active!.label)] : [];
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
          const folderPlan = await planFolder(
            client,
            modules,
            state,
            { org, label: connection.label, sources },
            this.services.settings.read().apiVersion,
          );
          return { ...folderPlan, folder, connection, org, state, stateFile };
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

/** An unmapped id's sentence with its file as the person sees it (relative to the workspace). */
function shown(entry: { file: string; message: string }): string {
  return entry.message.replace(entry.file, vscode.workspace.asRelativePath(entry.file));
}

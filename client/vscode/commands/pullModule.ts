/**
 * Zoho CRM: Pull Module… A quick pick of the org's custom modules; writes <api_name>.crm-module.json in the
 * Create body's shape into the folder chosen (the Explorer's, else the workspace's) and opens it.
 */
import * as vscode from 'vscode';
import { notificationText } from '../messages/notify';
import { connectionFor, failed, isStopped, refuseWhenRestricted, Stopped } from './kit';
import { Services } from '../connections/services';
import { errorSentence, moduleFileText } from '@crm/zoho';
import { OrgData } from '../org/orgData';

export type PullResult =
  { kind: 'pulled'; uri: vscode.Uri; apiName: string } | { kind: 'restricted'; message: string } | Stopped;

export class PullModuleCommand {
  constructor(
    private readonly services: Services,
    private readonly org: OrgData,
  ) {}

  private get log() {
    return this.services.log;
  }

  /** `options` is for automation: the module and whether an existing file may be replaced without asking. */
  async run(
    folder?: vscode.Uri,
    options?: { apiName?: string; overwrite?: boolean } | vscode.Uri[],
  ): Promise<PullResult> {
    const restricted = refuseWhenRestricted(this.log, 'Zoho CRM: Pull Module');
    if (restricted) return restricted;
    const settings = Array.isArray(options) ? {} : (options ?? {});
    const connection = await connectionFor(this.services, settings.apiName === undefined, 'pull a module');
    if (isStopped(connection)) return connection;
    try {
      let apiName = settings.apiName;
      if (apiName === undefined) {
        const snapshot = this.org.current() ?? (await this.org.refresh(connection));
        const custom = (snapshot?.modules ?? []).filter((module) => module.generated_type === 'custom');
        if (!custom.length) return this.fail(`${connection.label} has no custom modules to pull.`);
        const chosen = await vscode.window.showQuickPick(
          custom.map((module) => ({
            label: module.plural_label ?? module.api_name,
            description: module.api_name,
            apiName: module.api_name,
          })),
          { placeHolder: `Pull which module of ${connection.label}?`, matchOnDescription: true },
        );
        if (!chosen) return { kind: 'cancelled', message: 'No module chosen.' };
        apiName = chosen.apiName;
      }
      const target = folder instanceof vscode.Uri ? folder : await this.chooseFolder();
      if (!target) return { kind: 'cancelled', message: 'No folder to write to: open a folder first.' };
      const module = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Pulling ${apiName} from ${connection.label}…`),
        },
        async () => (await this.services.store.crmClient(connection)).getModule(apiName!),
      );
      if (!module) return this.fail(`${connection.label} has no module ${apiName}.`);
      const uri = vscode.Uri.joinPath(target, `${module.api_name}.crm-module.json`);
      if ((await exists(uri)) && !settings.overwrite) {
        const choice = await vscode.window.showWarningMessage(
          `${module.api_name}.crm-module.json exists. Replace it with the org's version?`,
          { modal: true },
          'Replace',
        );
        if (choice !== 'Replace') return { kind: 'cancelled', message: 'The existing file was kept.' };
      }
      await vscode.workspace.fs.writeFile(uri, Buffer.from(moduleFileText(module), 'utf8'));
      this.log.info(`Pulled ${module.api_name} from ${connection.label} into ${uri.fsPath}`);
      await vscode.window.showTextDocument(uri);
      return { kind: 'pulled', uri, apiName: module.api_name };
    } catch (error) {
      return this.fail(this.log.redactor.redact(errorSentence(error, 'Pull Module')));
    }
  }

  private async chooseFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0]?.uri;
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Pull the module into which folder?' }))?.uri;
  }

  private fail(message: string): Stopped {
    return failed(this.log, message);
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

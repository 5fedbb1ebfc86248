/**
 * Zoho CRM: Compare with Org. VS Code's diff editor: the org's module as it is now (a read-only document
 * in the file's shape, read fresh from Zoho) on the left, the file on the right.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { notificationText } from '../messages/notify';
import { connectionFor, failed, isStopped, moduleFileOf, Stopped } from './kit';
import { Services } from '../connections/services';
import { errorSentence, findOrgModule, messageOf, moduleFileText, readModuleFile } from '@crm/zoho';
import { OrgData } from '../org/orgData';

export const ORG_SCHEME = 'zoho-crm-org';

export type CompareResult = { kind: 'compared'; left: vscode.Uri; right: vscode.Uri } | Stopped;

export class CompareWithOrg implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(ORG_SCHEME, this);
  private readonly orgSubscription: vscode.Disposable;

  constructor(
    private readonly services: Services,
    private readonly org: OrgData,
  ) {
    // The org changed (an Update, a refresh): an open diff shows the org as it is now, as GitHub Pull Requests does.
    this.orgSubscription = org.onDidChange(() => void this.rereadShown());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async run(target?: vscode.Uri | string): Promise<CompareResult> {
    const uri = moduleFileOf(target);
    if (!uri) return this.fail('Open a *.crm-module.json file to compare it with its module in Zoho CRM.');
    const name = path.basename(uri.path);
    let apiName: string | undefined;
    try {
      apiName = readModuleFile((await vscode.workspace.openTextDocument(uri)).getText())?.api_name;
    } catch (error) {
      return this.fail(`Could not read ${name}: ${messageOf(error)}`);
    }
    if (!apiName) return this.fail(`${name} has no api_name, so it names no module of the org to compare with.`);
    const connection = await connectionFor(this.services, true, 'compare with the org');
    if (isStopped(connection)) return connection;
    try {
      const module = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Reading ${apiName} from ${connection.label}…`),
        },
        async () => findOrgModule(await this.services.store.crmClient(connection), apiName!, this.org.current()),
      );
      if (!module)
        return this.fail(
          `${connection.label} has no module ${apiName}: nothing to compare with. Create Module creates it.`,
        );
      // Plain .json: the org's copy is not a file to check or send, so the language server leaves it alone.
      const left = vscode.Uri.from({
        scheme: ORG_SCHEME,
        path: `/${connection.label}/${module.api_name}.json`,
        query: connection.id,
      });
      this.contents.set(left.toString(), moduleFileText(module));
      this.emitter.fire(left);
      await vscode.commands.executeCommand(
        'vscode.diff',
        left,
        uri,
        `${module.api_name} in ${connection.label} ↔ ${name}`,
      );
      return { kind: 'compared', left, right: uri };
    } catch (error) {
      return this.fail(this.services.log.redactor.redact(errorSentence(error, 'Compare with Org')));
    }
  }

  /** Reads again the org side of each diff open in a tab for the active connection (closed ones are left alone). */
  private async rereadShown(): Promise<void> {
    const connection = this.services.store.active();
    if (!connection) return;
    const shown = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .map((tab) => tab.input)
      .filter(
        (input): input is vscode.TabInputTextDiff =>
          input instanceof vscode.TabInputTextDiff &&
          input.original.scheme === ORG_SCHEME &&
          input.original.query === connection.id,
      )
      .map((input) => input.original);
    for (const left of new Map(shown.map((uri) => [uri.toString(), uri])).values()) {
      const apiName = path.posix.basename(left.path, '.json');
      try {
        const client = await this.services.store.crmClient(connection);
        const module = await findOrgModule(client, apiName, this.org.current());
        if (!module) {
          this.services.log.warn(`${connection.label} no longer has ${apiName}: its diff shows the last version read.`);
          continue;
        }
        this.contents.set(left.toString(), moduleFileText(module));
        this.emitter.fire(left);
      } catch (error) {
        this.services.log.warn(`The org side of ${apiName}'s diff was not read again: ${messageOf(error)}`);
      }
    }
  }

  private fail(message: string): Stopped {
    return failed(this.services.log, message);
  }

  dispose(): void {
    this.registration.dispose();
    this.orgSubscription.dispose();
    this.emitter.dispose();
  }
}

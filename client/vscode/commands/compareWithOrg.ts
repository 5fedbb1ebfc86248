/**
 * Zoho CRM: Compare with Org. VS Code's diff editor: the org's module, or its fields for a fields file, as it
 * is now (a read-only document in the file's shape, read fresh from Zoho) on the left, the file on the right.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { notificationText } from '../messages/notify';
import {
  connectionFor,
  failed,
  fieldsFileOf,
  isStopped,
  moduleFileOf,
  moduleOfFieldsUri,
  readText,
  Stopped,
} from './kit';
import { Services } from '../connections/services';
import { documentKindOf } from '@crm/languageservice';
import {
  CrmClient,
  errorSentence,
  fieldsFileText,
  fieldsOfBody,
  findOrgModule,
  listFields,
  messageOf,
  moduleFileText,
  readModuleFile,
} from '@crm/zoho';
import { OrgData } from '../org/orgData';

export const ORG_SCHEME = 'zoho-crm-org';
/** The org side of a fields diff ends so: plain JSON to the language server, and told apart from a module's. */
const FIELDS_SIDE = '.fields.json';

/** `since`: the second diff, what changed in the org since the last pull or send from here, when it did. */
export type CompareResult = { kind: 'compared'; left: vscode.Uri; right: vscode.Uri; since?: vscode.Uri } | Stopped;

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
    const uri = moduleFileOf(target) ?? fieldsFileOf(target);
    if (!uri)
      return this.fail('Open a *.crm-module.json or *.crm-fields.json file to compare it with its module in Zoho CRM.');
    const name = path.basename(uri.path);
    const fields = documentKindOf(uri.path) === 'fields';
    let apiName: string | undefined;
    try {
      apiName = fields
        ? await moduleOfFieldsUri(uri)
        : readModuleFile((await vscode.workspace.openTextDocument(uri)).getText())?.api_name;
    } catch (error) {
      return this.fail(`Could not read ${name}: ${messageOf(error)}`);
    }
    if (!apiName) return this.fail(`${name} has no api_name, so it names no module of the org to compare with.`);
    const connection = await connectionFor(this.services, true, 'compare with the org');
    if (isStopped(connection)) return connection;
    try {
      const shown = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Reading ${fields ? `the fields of ${apiName}` : apiName} from ${connection.label}…`),
        },
        async () => this.orgSide(await this.services.store.crmClient(connection), apiName!, fields ? uri : undefined),
      );
      if (!shown)
        return this.fail(
          `${connection.label} has no module ${apiName}: nothing to compare with. ${fields ? 'Create the module first.' : 'Create Module creates it.'}`,
        );
      // Plain .json: the org's copy is not a file to check or send, so the language server leaves it alone.
      const left = vscode.Uri.from({
        scheme: ORG_SCHEME,
        path: `/${connection.label}/${shown.apiName}${fields ? FIELDS_SIDE : '.json'}`,
        query: connection.id,
      });
      this.contents.set(left.toString(), shown.text);
      this.emitter.fire(left);
      await vscode.commands.executeCommand(
        'vscode.diff',
        left,
        uri,
        `${fields ? `Fields of ${shown.apiName}` : shown.apiName} in ${connection.label} ↔ ${name}`,
      );
      // The org changed since the last pull or send from here: the third side, in a diff of its own.
      const baseline = await this.org.baselineText(connection, uri, shown.apiName, fields ? 'fields' : 'module');
      if (baseline === undefined || baseline === shown.plain) return { kind: 'compared', left, right: uri };
      const since = vscode.Uri.from({
        scheme: ORG_SCHEME,
        path: `/${connection.label}/last pulled/${shown.apiName}${fields ? FIELDS_SIDE : '.json'}`,
        query: connection.id,
      });
      const now = vscode.Uri.from({
        scheme: ORG_SCHEME,
        path: `/${connection.label}/now/${shown.apiName}${fields ? FIELDS_SIDE : '.json'}`,
        query: connection.id,
      });
      this.contents.set(since.toString(), baseline);
      this.contents.set(now.toString(), shown.plain);
      this.emitter.fire(since);
      this.emitter.fire(now);
      await vscode.commands.executeCommand(
        'vscode.diff',
        since,
        now,
        `${shown.apiName}: as last pulled or sent from here ↔ now in ${connection.label} (changed in Zoho since)`,
      );
      return { kind: 'compared', left, right: uri, since };
    } catch (error) {
      return this.fail(this.services.log.redactor.redact(errorSentence(error, 'Compare with Org')));
    }
  }

  /**
   * The org's side of a diff, in the file's shape: the module (a module file), or its custom fields in the
   * order of `fieldsFile` so the diff pairs field with field. Undefined when the org has no such module.
   */
  private async orgSide(
    client: CrmClient,
    apiName: string,
    fieldsFile: vscode.Uri | undefined,
  ): Promise<{ apiName: string; text: string; plain: string } | undefined> {
    const module = await findOrgModule(client, apiName, this.org.current());
    if (!module) return undefined;
    if (!fieldsFile) return { apiName: module.api_name, text: moduleFileText(module), plain: moduleFileText(module) };
    const order = fieldsOfBody((await readText(fieldsFile)) ?? '').flatMap((field) =>
      typeof field.api_name === 'string' ? [field.api_name] : [],
    );
    const fields = await listFields(client, module.api_name);
    const version = this.services.settings.read().apiVersion;
    // `plain`: in the org's order, as the baseline was recorded, for the diff of what changed since.
    return {
      apiName: module.api_name,
      text: fieldsFileText(fields, version, order),
      plain: fieldsFileText(fields, version),
    };
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
          input.original.query === connection.id &&
          // A conflict's "as last pulled" side is the past: it stays as it was.
          !input.original.path.includes('/last pulled/'),
      );
    const byLeft = new Map(shown.map((input) => [input.original.toString(), input]));
    for (const { original: left, modified: right } of byLeft.values()) {
      const fields = left.path.endsWith(FIELDS_SIDE);
      const apiName = path.posix.basename(left.path, fields ? FIELDS_SIDE : '.json');
      try {
        const client = await this.services.store.crmClient(connection);
        const side = await this.orgSide(client, apiName, fields ? right : undefined);
        if (!side) {
          this.services.log.warn(`${connection.label} no longer has ${apiName}: its diff shows the last version read.`);
          continue;
        }
        this.contents.set(left.toString(), side.text);
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

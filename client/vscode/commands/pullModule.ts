/**
 * Zoho CRM: Pull Module… and Pull Fields…. A quick pick of the org's modules (custom ones for Pull Module,
 * every module for Pull Fields); writes <api_name>.crm-module.json in the Create body's shape and its
 * custom fields beside it (<api_name>.crm-fields.json; only that for a standard module, or for Pull Fields)
 * into the folder chosen (the Explorer's, else the workspace's), asks once before replacing files that
 * differ, and opens what it wrote.
 */
import * as vscode from 'vscode';
import { notificationText, notify } from '../messages/notify';
import { connectionFor, failed, isStopped, readText, refuseWhenRestricted, Stopped } from './kit';
import { Services } from '../connections/services';
import { errorSentence, fieldsFileText, fieldsOfBody, isOwnCustomField, listFields, moduleFileText } from '@crm/zoho';
import { OrgData } from '../org/orgData';

export type PullResult =
  | { kind: 'pulled'; uri: vscode.Uri; apiName: string; fieldsUri?: vscode.Uri }
  | { kind: 'restricted'; message: string }
  | Stopped;

export interface PullOptions {
  apiName?: string;
  overwrite?: boolean;
  /** Pull Fields: only the fields file, for any module. */
  fieldsOnly?: boolean;
}

export class PullModuleCommand {
  constructor(
    private readonly services: Services,
    private readonly org: OrgData,
  ) {}

  private get log() {
    return this.services.log;
  }

  /** `options` is for automation: the module and whether an existing file may be replaced without asking. */
  async run(folder?: vscode.Uri, options?: PullOptions | vscode.Uri[]): Promise<PullResult> {
    const settings = Array.isArray(options) ? {} : (options ?? {});
    const title = settings.fieldsOnly ? 'Zoho CRM: Pull Fields' : 'Zoho CRM: Pull Module';
    const restricted = refuseWhenRestricted(this.log, title);
    if (restricted) return restricted;
    const connection = await connectionFor(
      this.services,
      settings.apiName === undefined,
      settings.fieldsOnly ? "pull a module's fields" : 'pull a module',
    );
    if (isStopped(connection)) return connection;
    try {
      let apiName = settings.apiName;
      if (apiName === undefined) {
        const snapshot = this.org.current() ?? (await this.org.refresh(connection));
        const choices = (snapshot?.modules ?? []).filter(
          (module) => settings.fieldsOnly || module.generated_type === 'custom',
        );
        if (!choices.length) return this.fail(`${connection.label} has no custom modules to pull.`);
        const chosen = await vscode.window.showQuickPick(
          choices.map((module) => ({
            label: module.plural_label ?? module.api_name,
            description: module.api_name,
            detail: settings.fieldsOnly && module.generated_type !== 'custom' ? "Zoho's standard module" : undefined,
            apiName: module.api_name,
          })),
          {
            placeHolder: settings.fieldsOnly
              ? `Pull the fields of which module of ${connection.label}?`
              : `Pull which module of ${connection.label}?`,
            matchOnDescription: true,
          },
        );
        if (!chosen) return { kind: 'cancelled', message: 'No module chosen.' };
        apiName = chosen.apiName;
      }
      const target = folder instanceof vscode.Uri ? folder : await this.chooseFolder();
      if (!target) return { kind: 'cancelled', message: 'No folder to write to: open a folder first.' };
      const version = this.services.settings.read().apiVersion;
      const pulled = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: notificationText(`Pulling ${apiName} from ${connection.label}…`),
        },
        async () => {
          const client = await this.services.store.crmClient(connection);
          const module = await client.getModule(apiName!);
          if (!module) return undefined;
          try {
            return { module, fields: await listFields(client, module.api_name) };
          } catch (error) {
            return { module, fieldsError: errorSentence(error, `Reading the fields of ${module.api_name}`) };
          }
        },
      );
      if (!pulled) return this.fail(`${connection.label} has no module ${apiName}.`);
      const { module } = pulled;
      // getModule checked that the answer names this module with a plain API name: the name is a safe file name.
      const onlyFields = settings.fieldsOnly || (module.generated_type ?? 'custom') !== 'custom';
      const moduleUri = vscode.Uri.joinPath(target, `${module.api_name}.crm-module.json`);
      const fieldsUri = vscode.Uri.joinPath(target, `${module.api_name}.crm-fields.json`);
      const files: { uri: vscode.Uri; text: string }[] = [];
      if (!onlyFields) files.push({ uri: moduleUri, text: moduleFileText(module) });
      const customFields = pulled.fields?.filter(isOwnCustomField) ?? [];
      if (pulled.fields && !customFields.length && onlyFields)
        return this.fail(`${module.api_name} has no custom fields to pull in ${connection.label}.`);
      // An empty list is not a body Zoho takes: no fields file rather than one that cannot lint clean.
      if (pulled.fields && customFields.length) {
        const order = fieldsOfBody((await readText(fieldsUri)) ?? '').flatMap((field) =>
          typeof field.api_name === 'string' ? [field.api_name] : [],
        );
        files.push({ uri: fieldsUri, text: fieldsFileText(pulled.fields, version, order) });
      } else if (onlyFields) {
        return this.fail(this.log.redactor.redact(pulled.fieldsError ?? 'The fields could not be read.'));
      }
      const differing: vscode.Uri[] = [];
      for (const file of files) {
        const existing = await readText(file.uri);
        if (existing !== undefined && existing !== file.text) differing.push(file.uri);
      }
      if (differing.length && !settings.overwrite) {
        const names = differing.map((uri) => uri.path.replace(/^.*\//, ''));
        const choice = await vscode.window.showWarningMessage(
          `${names.join(' and ')} ${names.length === 1 ? 'exists and differs' : 'exist and differ'} from the org's version. Replace ${names.length === 1 ? 'it' : 'them'}?`,
          { modal: true, detail: 'Compare with Org shows the differences first.' },
          'Replace',
        );
        if (choice !== 'Replace') return { kind: 'cancelled', message: 'The existing files were kept.' };
      }
      for (const file of files) await vscode.workspace.fs.writeFile(file.uri, Buffer.from(file.text, 'utf8'));
      this.log.info(
        `Pulled ${onlyFields ? `the fields of ${module.api_name}` : module.api_name} from ${connection.label} into ${files.map((file) => file.uri.fsPath).join(' and ')}`,
      );
      await vscode.window.showTextDocument(files[0].uri);
      await this.org.recordWrite(connection, files[0].uri, module.api_name);
      if (pulled.fieldsError) {
        const message = this.log.redactor.redact(
          `${module.api_name}.crm-module.json was pulled; ${pulled.fieldsError}`,
        );
        this.log.warn(message);
        void notify('warning', message);
      }
      return {
        kind: 'pulled',
        uri: files[0].uri,
        apiName: module.api_name,
        fieldsUri: customFields.length ? fieldsUri : undefined,
      };
    } catch (error) {
      return this.fail(
        this.log.redactor.redact(errorSentence(error, settings.fieldsOnly ? 'Pull Fields' : 'Pull Module')),
      );
    }
  }

  private async chooseFolder(): Promise<vscode.Uri | undefined> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return folders[0]?.uri;
    return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Pull into which folder?' }))?.uri;
  }

  private fail(message: string): Stopped {
    return failed(this.log, message);
  }
}

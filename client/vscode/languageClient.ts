/** Starts the bundled language server over IPC for `zoho-crm-module` documents. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import {
  ApiVersionNotification,
  EDITOR_COMMANDS,
  InitializationOptions,
  OrgSnapshotNotification,
  SERVER_NODE_FLAGS,
} from '@crm/protocol';
import { SettingsReader } from './config/settings';
import { OrgData } from './org/orgData';
import { SnapshotForwarder } from './org/snapshotForwarder';

export const LANGUAGE_ID = 'zoho-crm-module';
/** A module's fields (`*.crm-fields.json`): the same server, which tells the two apart by the file's name. */
export const FIELDS_LANGUAGE_ID = 'zoho-crm-fields';

export async function startLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.OutputChannel,
  org: OrgData,
  settings: SettingsReader,
): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] },
    },
  };
  // Subscribed before the client exists: a snapshot that comes while the server starts is sent once it has.
  const snapshots = new SnapshotForwarder(
    () => org.forServer(),
    (snapshot) => void client.sendNotification(OrgSnapshotNotification, { snapshot }),
  );
  context.subscriptions.push(org.onDidChange(() => snapshots.changed(org.forServer())));
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }, { language: FIELDS_LANGUAGE_ID }],
    outputChannel,
    middleware: {
      // The server marks fixes whose text has a place to type in (an empty profile id): apply those as snippets.
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        return actions?.map((action) =>
          action instanceof vscode.CodeAction ? withSnippetEdits(document.uri, action) : action,
        );
      },
    },
    initializationOptions: {
      diagnosticsDelayMs: vscode.workspace.getConfiguration('zohoCrm').get<number>('diagnostics.delayMs', 150),
      orgSnapshot: snapshots.initial,
      apiVersion: settings.read().apiVersion,
      // Every command the server may attach is registered by this extension or is VS Code's own.
      editorActions: Object.keys(EDITOR_COMMANDS),
    } satisfies InitializationOptions,
  };
  const client = new LanguageClient('zohoCrmModules', 'Zoho CRM Modules Language Server', serverOptions, clientOptions);
  await client.start();
  // The server knows only what it is handed: each new snapshot (or none, after sign-out) re-checks open files.
  snapshots.start();
  context.subscriptions.push(
    // Switching zohoCrm.apiVersion re-checks open files for the other version at once.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('zohoCrm.apiVersion'))
        void client.sendNotification(ApiVersionNotification, { apiVersion: settings.read().apiVersion });
    }),
  );
  return client;
}

/** A code action whose server data carries snippet edits, with its edit made of SnippetTextEdits. */
function withSnippetEdits(uri: vscode.Uri, action: vscode.CodeAction): vscode.CodeAction {
  const snippets = (
    action as vscode.CodeAction & {
      data?: {
        snippets?: {
          range: { start: { line: number; character: number }; end: { line: number; character: number } };
          snippet: string;
        }[];
      };
    }
  ).data?.snippets;
  if (!snippets?.length || !action.edit) return action;
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    uri,
    snippets.map(
      ({ range, snippet }) =>
        new vscode.SnippetTextEdit(
          new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
          new vscode.SnippetString(snippet),
        ),
    ),
  );
  action.edit = edit;
  return action;
}

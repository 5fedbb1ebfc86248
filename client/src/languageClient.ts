/** Starts the bundled language server over IPC for `zoho-crm-module` documents. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';
import { ORG_SNAPSHOT_NOTIFICATION } from '../../server/src/protocol';
import { OrgData } from './org/orgData';

export const LANGUAGE_ID = 'zoho-crm-module';

export async function startLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel, org: OrgData): Promise<LanguageClient> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel,
    initializationOptions: {
      diagnosticsDelayMs: vscode.workspace.getConfiguration('zohoCrm').get<number>('diagnostics.delayMs', 150),
      orgSnapshot: org.current() ?? null,
    },
  };
  const client = new LanguageClient('zohoCrmModules', 'Zoho CRM Modules Language Server', serverOptions, clientOptions);
  await client.start();
  // The server knows only what it is handed: each new snapshot (or none, after sign-out) re-checks open files.
  context.subscriptions.push(org.onDidChange((snapshot) => void client.sendNotification(ORG_SNAPSHOT_NOTIFICATION, { snapshot: snapshot ?? null })));
  return client;
}

/** Starts the bundled language server over IPC for `zoho-crm-module` documents. */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags';

export const LANGUAGE_ID = 'zoho-crm-module';

export async function startLanguageClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): Promise<LanguageClient> {
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
    },
  };
  const client = new LanguageClient('zohoCrmModules', 'Zoho CRM Modules Language Server', serverOptions, clientOptions);
  await client.start();
  return client;
}

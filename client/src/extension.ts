import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Zoho CRM', { log: true });
  context.subscriptions.push(output);
  client = await startLanguageClient(context, output);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

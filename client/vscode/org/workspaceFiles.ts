/** The module and fields files of a workspace folder (or a folder in it), each with the text the person sees. */
import * as vscode from 'vscode';
import { LocalFile } from '@crm/zoho';

export async function moduleFilesUnder(folder: vscode.Uri): Promise<LocalFile[]> {
  const found = await vscode.workspace.findFiles(
    new vscode.RelativePattern(folder, '**/*.crm-{module,fields}.json'),
    '**/node_modules/**',
  );
  return Promise.all(
    found.map(async (uri) => ({
      path: uri.fsPath,
      // An open editor's text, unsaved edits included, is what the person sees.
      text:
        vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.getText() ??
        new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)),
    })),
  );
}

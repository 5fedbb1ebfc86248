/**
 * `.crm-sync.json` at the root of each workspace folder: where each org stood after each Pull, Create, Update and
 * Apply of ours (see client/zoho/syncState.ts). Read and written through VS Code's file system; a state file that
 * cannot be read is said, never overwritten.
 */
import * as vscode from 'vscode';
import {
  CrmClient,
  currentBaseline,
  Logger,
  messageOf,
  orgIdOf,
  readSyncState,
  SYNC_STATE_FILE,
  SyncState,
  syncStateText,
  withReading,
} from '@crm/zoho';
import { ApiVersion } from '@crm/languageservice';

export class SyncStates {
  constructor(private readonly log: Logger) {}

  /** The state file of the folder `uri` is in (none outside a workspace folder). */
  fileOf(uri: vscode.Uri): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder && vscode.Uri.joinPath(folder.uri, SYNC_STATE_FILE);
  }

  async read(file: vscode.Uri): Promise<SyncState | { error: string }> {
    let text: string | undefined;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound'))
        return { error: `cannot be read (${messageOf(error)})` };
    }
    return readSyncState(text);
  }

  async write(file: vscode.Uri, state: SyncState): Promise<void> {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(syncStateText(state)));
  }

  /**
   * After a write of ours to one module: the org's state now becomes its baseline in the state file of the
   * folder `near` is in. A failure is logged (the next plan may then see a conflict, and says so).
   */
  async record(
    client: CrmClient,
    orgFallback: string,
    near: vscode.Uri,
    apiName: string,
    version: ApiVersion,
  ): Promise<void> {
    const file = this.fileOf(near);
    if (!file) return;
    try {
      const state = await this.read(file);
      if ('error' in state) throw new Error(`${SYNC_STATE_FILE} ${state.error}`);
      const [baseline, org] = await Promise.all([
        currentBaseline(client, apiName, version),
        orgIdOf(client, orgFallback),
      ]);
      await this.write(file, withReading(state, { id: org, label: orgFallback }, apiName, baseline));
    } catch (error) {
      this.log.warn(`${SYNC_STATE_FILE} was not updated for ${apiName}: ${messageOf(error)}`);
    }
  }
}

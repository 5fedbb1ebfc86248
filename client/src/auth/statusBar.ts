/** Shows, beside a module file, which org the next Create Module goes to; a click switches. */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../languageClient';
import { ConnectionStore } from './connectionStore';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zohoCrm.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly store: ConnectionStore) {
    this.item.name = 'Zoho CRM Connection';
    this.item.command = 'zohoCrm.switchConnection';
    this.subscriptions.push(store.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this.update();
  }

  update(): void {
    const active = this.store.active();
    this.item.text = active ? `$(cloud-upload) ${active.label}` : '$(account) Zoho CRM: Sign In';
    this.item.tooltip = active
      ? `Zoho CRM: Create Module sends to ${active.label} (${active.apiDomain}). Click to switch org or sign out.`
      : 'Not signed in to Zoho CRM. Click to sign in.';
    if (vscode.window.activeTextEditor?.document.languageId === LANGUAGE_ID) this.item.show();
    else this.item.hide();
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

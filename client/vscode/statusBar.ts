/** Shows which org the next Create Module goes to, and how old its data is; a click switches. */
import * as vscode from 'vscode';
import { snapshotAge } from '@crm/languageservice';
import { OrgData } from './org/orgData';
import { ConnectionStore } from './connections/connectionStore';

export class ConnectionStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('zohoCrm.connection', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly store: ConnectionStore,
    private readonly org?: OrgData,
  ) {
    this.item.name = 'Zoho CRM Connection';
    this.item.command = 'zohoCrm.switchConnection';
    this.subscriptions.push(store.onDidChange(() => this.update()));
    if (org)
      this.subscriptions.push(
        org.onDidChange(() => this.update()),
        org.onDidChangeFailure(() => this.update()),
      );
    // The tooltip says how old the org data is: keep that true as minutes pass.
    const ageTimer = setInterval(() => this.update(), 60_000);
    ageTimer.unref?.();
    this.subscriptions.push({ dispose: () => clearInterval(ageTimer) });
    this.update();
  }

  update(): void {
    const active = this.store.active();
    // A background fetch that failed is said here, not in a toast: the person did not ask for it.
    const failure = this.org?.failure();
    this.item.text = active
      ? `${failure ? '$(warning)' : '$(cloud-upload)'} ${active.label}`
      : '$(account) Zoho CRM: Sign In';
    this.item.backgroundColor = failure ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const snapshot = this.org?.current();
    const orgData = [
      failure,
      snapshot
        ? `Org data from ${snapshotAge(snapshot, Date.now())}: ${snapshot.profiles.length} profiles, ${snapshot.modules.length} modules.`
        : 'No org data yet (Zoho CRM: Refresh Org Data).',
    ]
      .filter(Boolean)
      .join('\n');
    this.item.tooltip = active
      ? `Zoho CRM: Create Module sends to ${active.label} (${active.apiDomain}).\n${orgData}\nClick to switch org or sign out.`
      : 'Not signed in to Zoho CRM. Click to sign in.';
    // Shown while the extension is active, whatever has focus (the Output panel, a diff, another file): which
    // org the next send goes to must never be a guess.
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return String(this.item.tooltip ?? '');
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/**
 * The Zoho CRM view (activity bar): the active org's modules against the workspace's files, each with its
 * state (up to date, differs, only in the org, only here, conflict) and, expanded, its fields with theirs; the
 * same states as letters on the files in the Explorer. Computed when the view is shown, again with the org data
 * (a sign-in, a switch, a refresh, a send of ours) while it is, and on Refresh; never while typing: the same
 * plan as Zoho CRM: Plan.
 */
import * as vscode from 'vscode';
import { errorSentence, groupFiles, ItemState, ModulePlan, orgIdOf, planFolder, SYNC_STATE_FILE } from '@crm/zoho';
import { Services } from './connections/services';
import { OrgData } from './org/orgData';
import { moduleFilesUnder } from './org/workspaceFiles';

type Node =
  | { kind: 'module'; plan?: ModulePlan; apiName: string; label: string; state: ViewState }
  | { kind: 'field'; apiName: string; state: ViewState; differences: string[] }
  | { kind: 'message'; text: string };

type ViewState = ItemState | 'only here';

const STATE_WORDS: Record<ViewState, string> = {
  create: 'not in the org yet',
  'only here': 'not in the org yet',
  update: 'differs',
  'up to date': 'up to date',
  'only in the org': 'only in the org',
  conflict: 'conflict: changed in the org too',
  'cannot change': "differs where Zoho can't change it",
};
const ICONS: Record<ViewState, [string, string?]> = {
  create: ['add'],
  'only here': ['add'],
  update: ['diff', 'charts.yellow'],
  'up to date': ['check', 'charts.green'],
  'only in the org': ['cloud'],
  conflict: ['warning', 'charts.red'],
  'cannot change': ['info'],
};
const BADGES: Partial<Record<ViewState, [string, string]>> = {
  create: ['A', 'gitDecoration.untrackedResourceForeground'],
  update: ['M', 'gitDecoration.modifiedResourceForeground'],
  conflict: ['!', 'gitDecoration.conflictingResourceForeground'],
};

export class OrgView implements vscode.TreeDataProvider<Node>, vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly decorationsChanged = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.decorationsChanged.event;
  private roots: Node[] = [];
  private byFile = new Map<string, ViewState>();
  private computing: Promise<void> | undefined;
  /** The org data changed since the states were computed: computed again when the view is next shown. */
  private stale = true;
  private readonly treeView: vscode.TreeView<Node>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly services: Services,
    private readonly org: OrgData,
  ) {
    this.treeView = vscode.window.createTreeView('zohoCrm.org', { treeDataProvider: this });
    this.subscriptions = [
      this.treeView,
      vscode.window.registerFileDecorationProvider(this),
      // The org data changed (a sign-in, a switch, a refresh, a send of ours): the states follow it, while the
      // view is shown (its reads are the plan's: not spent on a view nobody looks at).
      org.onDidChange(() => {
        this.stale = true;
        if (this.treeView.visible) void this.refresh();
      }),
      this.treeView.onDidChangeVisibility(({ visible }) => {
        if (visible && this.stale) void this.refresh();
      }),
    ];
  }

  /** Computes the states again (one at a time: a refresh asked for meanwhile joins the running one). */
  refresh(): Promise<void> {
    this.stale = false;
    this.computing ??= this.compute().finally(() => (this.computing = undefined));
    return this.computing;
  }

  /** What the view shows now, for tests: each module's name and state, and its fields'. */
  states(): { module: string; state: string; fields: { field: string; state: string }[] }[] {
    return this.roots.flatMap((node) =>
      node.kind === 'module'
        ? [
            {
              module: node.apiName,
              state: node.state,
              fields: (node.plan?.fields ?? []).map((field) => ({ field: field.apiName, state: field.state })),
            },
          ]
        : [],
    );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'field') {
      const item = new vscode.TreeItem(node.apiName);
      item.description = STATE_WORDS[node.state];
      item.tooltip = node.differences.join('\n') || STATE_WORDS[node.state];
      item.iconPath = icon(node.state);
      return item;
    }
    const expandable = (node.plan?.fields.length ?? 0) > 0;
    const item = new vscode.TreeItem(
      node.label,
      expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = STATE_WORDS[node.state];
    item.tooltip = [`${node.apiName}: ${STATE_WORDS[node.state]}`, ...(node.plan?.differences ?? [])].join('\n');
    item.iconPath = icon(node.state);
    item.contextValue = `zohoCrm.module.${node.state.replace(/ /g, '-')}`;
    const file = node.plan?.local.moduleFile?.path ?? node.plan?.local.fieldsFile?.path;
    if (file) {
      item.resourceUri = vscode.Uri.file(file);
      item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.file(file)] };
    }
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.roots;
    if (node.kind !== 'module') return [];
    return (node.plan?.fields ?? []).map((field) => ({
      kind: 'field' as const,
      apiName: field.apiName,
      state: field.state,
      differences: field.differences,
    }));
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const state = this.byFile.get(uri.fsPath);
    const badge = state && BADGES[state];
    return badge && new vscode.FileDecoration(badge[0], STATE_WORDS[state], new vscode.ThemeColor(badge[1]));
  }

  private async compute(): Promise<void> {
    const connection = this.services.store.active();
    const snapshot = this.org.current();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!connection || !snapshot) return this.show([], []);
    try {
      const client = await this.services.store.crmClient(connection);
      const orgId = await orgIdOf(client, connection.label);
      const plans: ModulePlan[] = [];
      for (const folder of folders) {
        const { modules } = groupFiles(await moduleFilesUnder(folder.uri));
        if (!modules.length) continue;
        const state = await this.org.syncStates.read(vscode.Uri.joinPath(folder.uri, SYNC_STATE_FILE));
        if ('error' in state) throw new Error(`${SYNC_STATE_FILE} in ${folder.name} ${state.error}`);
        const { plans: folderPlans } = await planFolder(
          client,
          modules,
          state,
          { org: orgId, label: connection.label },
          this.services.settings.read().apiVersion,
        );
        plans.push(...folderPlans);
      }
      const named = new Set(plans.map((plan) => plan.name.toLowerCase()));
      const onlyInOrg = snapshot.modules.filter(
        (module) => module.generated_type === 'custom' && !named.has(module.api_name.toLowerCase()),
      );
      const nodes: Node[] = [
        ...plans.map((plan): Node => {
          const known = snapshot.modules.find((module) => module.api_name.toLowerCase() === plan.name.toLowerCase());
          return {
            kind: 'module',
            plan,
            apiName: plan.name,
            label: known?.plural_label ?? plan.name,
            state: plan.state === 'create' ? 'only here' : plan.state,
          };
        }),
        ...onlyInOrg.map((module): Node => ({
          kind: 'module',
          apiName: module.api_name,
          label: module.plural_label ?? module.api_name,
          state: 'only in the org',
        })),
      ].sort((a, b) => (a.kind === 'module' && b.kind === 'module' ? a.label.localeCompare(b.label) : 0));
      this.show(nodes, plans);
    } catch (error) {
      const message = this.services.log.redactor.redact(errorSentence(error, 'The Zoho CRM view'));
      this.services.log.warn(message);
      this.show([{ kind: 'message', text: message }], []);
    }
  }

  private show(nodes: Node[], plans: ModulePlan[]): void {
    this.roots = nodes;
    const before = [...this.byFile.keys()];
    this.byFile = new Map();
    for (const plan of plans)
      for (const file of [plan.local.moduleFile, plan.local.fieldsFile])
        if (file) this.byFile.set(file.path, plan.state);
    this.changed.fire(undefined);
    this.decorationsChanged.fire([...new Set([...before, ...this.byFile.keys()])].map((file) => vscode.Uri.file(file)));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
    this.decorationsChanged.dispose();
  }
}

function icon(state: ViewState): vscode.ThemeIcon {
  const [id, color] = ICONS[state];
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

/** The extension's settings, read fresh each time (they can change while VS Code runs). */
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import * as vscode from 'vscode';
import { ApiVersion, DEFAULT_API_VERSION, parseApiVersion } from '@crm/languageservice';
import { DEFAULT_SCOPES, Logger } from '@crm/zoho';
import { Inspection, UserLevelKey, userLevelKeysSetIn, userLevelValue, VanishedValues } from './userLevel';

export interface Settings {
  accountsUrl?: string;
  apiDomain?: string;
  crmWebUrl?: string;
  redirectPort: number;
  scopes: string[];
  timeoutMs: number;
  /** Org data older than this is fetched again in the background; 0: only at sign-in and on request. */
  orgRefreshMinutes: number;
  /** Ask before Create Module sends to a production org (application scope: user settings only). */
  askBeforeProductionCreate: boolean;
  /** The Zoho CRM API version: the rules and every request's path follow it. */
  apiVersion: ApiVersion;
}

const DEFAULT_REDIRECT_PORT = 47120;

/** At least a minute between background fetches, whatever a settings file says; 0 turns them off. */
function orgRefreshMinutes(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 10;
  return value <= 0 ? 0 : Math.max(1, value);
}

export class SettingsReader {
  /** Each ignored workspace value is logged once per session (and again if it changes). */
  private readonly reported = new Map<string, string>();
  private readonly vanished = new VanishedValues();

  constructor(private readonly log: Logger) {}

  read(): Settings {
    const config = vscode.workspace.getConfiguration('zohoCrm');
    const url = (key: UserLevelKey) => {
      const value = this.userLevel<string>(config, key);
      return (typeof value === 'string' ? value : '').trim().replace(/\/+$/, '') || undefined;
    };
    const port = this.userLevel<number>(config, 'oauth.redirectPort');
    const scopes = this.userLevel<string[]>(config, 'oauth.scopes');
    const accountsUrl = url('accountsUrl');
    this.vanished.observe('accountsUrl', accountsUrl);
    return {
      accountsUrl,
      apiDomain: url('apiDomain'),
      crmWebUrl: url('crmWebUrl'),
      redirectPort: Number.isInteger(port) && port! >= 1024 && port! <= 65535 ? port! : DEFAULT_REDIRECT_PORT,
      scopes:
        Array.isArray(scopes) && scopes.length && scopes.every((scope) => typeof scope === 'string')
          ? scopes
          : DEFAULT_SCOPES,
      timeoutMs: Math.max(5, config.get<number>('requestTimeoutSeconds', 60)) * 1000,
      orgRefreshMinutes: orgRefreshMinutes(config.get<number>('org.refreshMinutes', 10)),
      // Only the user's own value counts, whatever a workspace file says (the manifest scopes it to the application too).
      askBeforeProductionCreate: config.inspect<boolean>('askBeforeProductionCreate')?.globalValue !== false,
      apiVersion: parseApiVersion(config.get<string>('apiVersion')) ?? DEFAULT_API_VERSION,
    };
  }

  /**
   * The accounts server this window read earlier and no longer reads (undefined when it reads one, or
   * never did): sign-in asks before it falls back to Zoho's default.
   */
  vanishedAccountsUrl(): string | undefined {
    return this.vanished.observe('accountsUrl', this.read().accountsUrl);
  }

  forgetVanishedAccountsUrl(): void {
    this.vanished.forget('accountsUrl');
  }

  private userLevel<T>(config: vscode.WorkspaceConfiguration, key: UserLevelKey): T | undefined {
    const inspection = config.inspect<T>(key) as Inspection<T> | undefined;
    const { value, ignoredWorkspaceValue } = userLevelValue(inspection);
    if (ignoredWorkspaceValue) {
      this.reportIgnored(
        key,
        JSON.stringify(
          inspection?.workspaceFolderValue ??
            inspection?.workspaceValue ??
            inspection?.workspaceLanguageValue ??
            inspection?.workspaceFolderLanguageValue,
        ),
      );
    }
    return value;
  }

  /**
   * Tells the user when the workspace's settings files set one of the user-level keys. VS Code drops such
   * values before `inspect()` can show them, so the files (each folder's .vscode/settings.json and the
   * .code-workspace file) are read here.
   */
  async reportWorkspaceOverrides(): Promise<void> {
    const files = [
      ...(vscode.workspace.workspaceFolders ?? []).map((folder) =>
        vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json'),
      ),
      ...(vscode.workspace.workspaceFile?.scheme === 'file' ? [vscode.workspace.workspaceFile] : []),
    ];
    for (const file of files) {
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        continue; // no settings file there
      }
      if (file.path.endsWith('.code-workspace')) text = workspaceFileSettings(text);
      for (const key of userLevelKeysSetIn(text)) this.reportIgnored(key, file.toString());
    }
  }

  private reportIgnored(key: UserLevelKey, origin: string): void {
    if (this.reported.get(key) === origin) return;
    this.reported.set(key, origin);
    this.log.warn(
      `Ignored zohoCrm.${key} from this workspace's settings: where sign-in and requests go is decided only by your user settings. Set it there if you meant it.`,
    );
  }
}

/** The `settings` object of a .code-workspace file, as text. */
function workspaceFileSettings(text: string): string {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const settings = root && findNodeAtLocation(root, ['settings']);
  return settings ? text.slice(settings.offset, settings.offset + settings.length) : '';
}

/**
 * Switches the API version files are checked for and sent to (the "Switch to API v8" fix): where the
 * setting is already set (folder, workspace), else for the user. Only ever run by the user's choice.
 */
export async function useApiVersion(apiVersion: unknown): Promise<ApiVersion | undefined> {
  const chosen = parseApiVersion(apiVersion);
  if (!chosen) return undefined;
  const config = vscode.workspace.getConfiguration('zohoCrm');
  const inspected = config.inspect<string>('apiVersion');
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update('apiVersion', chosen, target);
  void vscode.window.setStatusBarMessage(`$(check) Zoho CRM: API ${chosen} (setting zohoCrm.apiVersion)`, 5000);
  return chosen;
}

/**
 * Where sign-in and requests go (and what sign-in asks for) is decided by the user's own settings only:
 * a repository the user opens can carry `.vscode/settings.json`, and it must never be able to send the
 * client secret, a grant code or a token to another host. The manifest gives these keys `"scope":
 * "machine"`, so VS Code itself ignores workspace values; this reads the user-level value explicitly as
 * well, so the rule holds even where a scope is not enforced (older hosts, language overrides).
 */
import { Node, parseTree } from 'jsonc-parser';

/** The keys that decide where a secret goes or what is asked for. */
export const USER_LEVEL_KEYS = ['accountsUrl', 'apiDomain', 'crmWebUrl', 'oauth.redirectPort', 'oauth.scopes'] as const;
export type UserLevelKey = (typeof USER_LEVEL_KEYS)[number];

/** The shape of VS Code's `WorkspaceConfiguration.inspect()`, the parts we read. */
export interface Inspection<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
  globalLanguageValue?: T;
  workspaceLanguageValue?: T;
  workspaceFolderLanguageValue?: T;
}

/** The user's (or the machine's) value, else the default; says whether a workspace-level value was passed over. */
export function userLevelValue<T>(inspection: Inspection<T> | undefined): {
  value: T | undefined;
  ignoredWorkspaceValue: boolean;
} {
  if (!inspection) return { value: undefined, ignoredWorkspaceValue: false };
  const ignoredWorkspaceValue = [
    inspection.workspaceValue,
    inspection.workspaceFolderValue,
    inspection.workspaceLanguageValue,
    inspection.workspaceFolderLanguageValue,
  ].some((value) => value !== undefined);
  return {
    value: inspection.globalValue !== undefined ? inspection.globalValue : inspection.defaultValue,
    ignoredWorkspaceValue,
  };
}

/**
 * The keys of USER_LEVEL_KEYS that a workspace's settings file sets (top level or in a language block).
 * VS Code drops machine-scoped values from workspace settings before an extension can inspect them, so
 * the file itself is read to tell the user that their repository's setting was ignored.
 */
export function userLevelKeysSetIn(settingsText: string): UserLevelKey[] {
  const found = new Set<UserLevelKey>();
  const root = parseTree(settingsText, [], { allowTrailingComma: true, disallowComments: false });
  const visit = (node: Node | undefined, depth: number) => {
    if (node?.type !== 'object') return;
    for (const property of node.children ?? []) {
      const key = String(property.children?.[0]?.value ?? '');
      const match = USER_LEVEL_KEYS.find((candidate) => `zohoCrm.${candidate}` === key);
      if (match) found.add(match);
      if (depth === 0 && /^\[.*\]$/.test(key)) visit(property.children?.[1], 1);
    }
  };
  visit(root, 0);
  return USER_LEVEL_KEYS.filter((key) => found.has(key));
}

/**
 * Remembers, for this window, each server setting's last value: a value that was there and now reads
 * nothing may have been dropped by VS Code (in a remote window, machine-scoped settings count only in the
 * Remote settings, and the user's copy vanishes once the manifest is known), not removed by the user.
 * Sign-in then asks before it goes to Zoho's default server instead.
 */
export class VanishedValues {
  private readonly last = new Map<string, string>();

  /** Records what was read; returns the earlier value when a value was there and is gone. */
  observe(key: string, value: string | undefined): string | undefined {
    const earlier = this.last.get(key);
    if (value !== undefined) this.last.set(key, value);
    return value === undefined ? earlier : undefined;
  }

  /** The user answered: the value is gone on purpose. */
  forget(key: string): void {
    this.last.delete(key);
  }
}

/** The extension's settings, read fresh each time (they can change while VS Code runs). */
import * as vscode from 'vscode';
import { DEFAULT_SCOPES } from './zoho/oauth';

export interface Settings {
  accountsUrl?: string;
  apiDomain?: string;
  crmWebUrl?: string;
  redirectPort: number;
  scopes: string[];
  timeoutMs: number;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('zohoCrm');
  const text = (key: string) => (config.get<string>(key) ?? '').trim().replace(/\/+$/, '') || undefined;
  return {
    accountsUrl: text('accountsUrl'),
    apiDomain: text('apiDomain'),
    crmWebUrl: text('crmWebUrl'),
    redirectPort: config.get<number>('oauth.redirectPort', 47120),
    scopes: config.get<string[]>('oauth.scopes', DEFAULT_SCOPES),
    timeoutMs: Math.max(5, config.get<number>('requestTimeoutSeconds', 60)) * 1000,
  };
}

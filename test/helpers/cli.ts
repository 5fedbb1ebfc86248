/** Runs the built CLI as a pipeline would: a child process with only the environment given. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { selfClientSignIn } from '../../client/zoho/signIn';
import { OrgName, ZohoStandIn } from '../zohoStandIn/standIn';
import { DEMO_CLIENT } from './standIn';

export const CLI = path.resolve(__dirname, '../../../dist/cli.js');
/** Where a CLI run works unless told: not the repository (pull and apply write files there, .crm-sync.json too). */
const DEFAULT_CWD = mkdtempSync(path.join(tmpdir(), 'crm-cli-cwd-'));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `preload`: modules for `--require` (the loopback-only lookup, the read counter). */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  options: { cwd?: string; preload?: string[] } = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [...(options.preload ?? []).flatMap((file) => ['--require', file]), CLI, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, cwd: options.cwd ?? DEFAULT_CWD },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The environment of a CLI signed in to the stand-in's demo client (a Self Client code exchanged once). */
export async function standInEnvironment(
  standIn: ZohoStandIn,
  scopes = ['ZohoCRM.settings.modules.ALL', 'ZohoCRM.settings.fields.ALL'],
  org: OrgName = 'production',
): Promise<Record<string, string>> {
  const signIn = await selfClientSignIn({
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    code: standIn.issueSelfClientCode(DEMO_CLIENT.clientId, scopes, org),
    accountsServer: standIn.url,
  });
  return {
    ZOHO_CLIENT_ID: DEMO_CLIENT.clientId,
    ZOHO_CLIENT_SECRET: DEMO_CLIENT.clientSecret,
    ZOHO_REFRESH_TOKEN: signIn.refreshToken,
    ZOHO_ACCOUNTS_URL: standIn.url,
  };
}

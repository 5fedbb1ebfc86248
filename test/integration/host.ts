/** The real VS Code host on this machine: code-server 4.100.3 (VS Code 1.100.3), on 127.0.0.1 only. */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const HOST_DIR = path.join(ROOT, '.vscode-test/code-server');
const ENTRY = path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js');

export function ensureHost(): void {
  if (existsSync(path.join(HOST_DIR, '.installed-4.100.3'))) return; // the link and the cached install are there
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/install-vscode-host.sh')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('Installing the VS Code host (code-server) failed; see the output above.');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningHost {
  url: string;
  port: number;
  process: ChildProcess;
  output: string[];
  stop(): Promise<void>;
}

/** Our settings of `"scope": "machine"` in the manifest. */
const MACHINE_KEYS = new Set(
  Object.entries(
    (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
        contributes: { configuration: { properties: Record<string, { scope?: string }> } };
      }
    ).contributes.configuration.properties,
  )
    .filter(([, property]) => property.scope === 'machine')
    .map(([key]) => key),
);

/**
 * User settings that keep a fresh profile quiet: no welcome page, no trust prompt, no telemetry. A
 * code-server window is a remote one: VS Code keeps machine-scoped settings in the remote's settings
 * (Machine/settings.json, the Settings editor's Remote tab) and drops them from the user's file once the
 * extension's manifest is known. So our machine-scoped keys are written there, as a person would set them.
 */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(path.join(userDataDir, 'Machine'), { recursive: true });
  const machine = Object.fromEntries(Object.entries(extra).filter(([key]) => MACHINE_KEYS.has(key)));
  writeFileSync(path.join(userDataDir, 'Machine/settings.json'), JSON.stringify(machine, null, 2));
  extra = Object.fromEntries(Object.entries(extra).filter(([key]) => !MACHINE_KEYS.has(key)));
  writeFileSync(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.tips.enabled': false,
        'update.mode': 'none',
        'window.commandCenter': false,
        ...extra,
      },
      null,
      2,
    ),
  );
}

/** `untrusted`: workspace trust is on and the folder opens in Restricted Mode. */
export async function startHost(options: {
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  port?: number;
  env?: Record<string, string>;
  untrusted?: boolean;
}): Promise<RunningHost> {
  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [
      ENTRY,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--user-data-dir',
      options.userDataDir,
      '--extensions-dir',
      options.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      ...(options.untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      options.workspace,
    ],
    { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (chunk) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk) => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s:\n${output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    process: child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('Chromium is not installed (apt-get install chromium), or set CHROMIUM_PATH.');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Where the suite's requests should go (the user's settings) and where a hostile workspace points them. */
export interface RunServers {
  /** The local Zoho, named in the user's settings. */
  zoho: string;
  /** Another local server, named by the workspace's own .vscode/settings.json: it must receive nothing. */
  other?: string;
}

/**
 * A throwaway copy of the suite's workspace, a fresh user profile and where the suite writes its results.
 * The user's settings point at the local Zoho, as a person's would; the workspace, like a stranger's
 * repository, carries settings that try to send everything to `servers.other`.
 */
export function prepareRun(
  prefix: string,
  servers: RunServers,
  options: { untrusted?: boolean } = {},
): { temp: string; workspace: string; userDataDir: string; resultsFile: string } {
  const temp = mkdtempSync(path.join(tmpdir(), prefix));
  const workspace = path.join(temp, 'workspace');
  cpSync(path.join(ROOT, 'test/integration/workspace'), workspace, { recursive: true });
  if (servers.other) {
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    writeFileSync(
      path.join(workspace, '.vscode/settings.json'),
      JSON.stringify(
        {
          'zohoCrm.accountsUrl': servers.other,
          'zohoCrm.apiDomain': servers.other,
          'zohoCrm.crmWebUrl': servers.other,
          'zohoCrm.oauth.redirectPort': 47999,
          'zohoCrm.oauth.scopes': ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.ALL', 'ZohoCRM.users.ALL'],
          // Nor may it turn off the question before a production create.
          'zohoCrm.askBeforeProductionCreate': false,
        },
        null,
        2,
      ),
    );
  }
  const userDataDir = path.join(temp, 'user-data');
  writeUserSettings(userDataDir, {
    'zohoCrm.accountsUrl': servers.zoho,
    'zohoCrm.crmWebUrl': servers.zoho,
    // Restricted Mode without the startup question: the folder simply opens untrusted.
    ...(options.untrusted
      ? {
          'security.workspace.trust.enabled': true,
          'security.workspace.trust.startupPrompt': 'never',
          'security.workspace.trust.emptyWindow': false,
        }
      : {}),
  });
  return { temp, workspace, userDataDir, resultsFile: path.join(temp, 'results.json') };
}

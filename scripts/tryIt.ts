/**
 * `npm start`: a local VS Code in the browser with the packaged extension installed, the examples/
 * workspace open, and the local Zoho stand-in running and configured. Nothing needs a Zoho account.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ensureHost, freePort, HOST_DIR, ROOT, startHost, writeUserSettings } from '../test/integration/host';
import { messageOf } from '../client/zoho/errors';
import { DEMO_CLIENT, ZohoStandIn } from '../test/zohoStandIn/standIn';

async function startStandIn(): Promise<ZohoStandIn> {
  try {
    return await new ZohoStandIn().start(47110, 47111);
  } catch {
    return new ZohoStandIn().start();
  }
}

/** A fresh copy of examples/ each time: the editor auto-saves, and the repository's examples must stay as they are. */
export function copyExamples(temp: string): string {
  const workspace = path.join(temp, 'examples');
  cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
  return workspace;
}

async function main(): Promise<void> {
  ensureHost();
  const temp = mkdtempSync(path.join(tmpdir(), 'zoho-try-'));
  const extensionsDir = path.join(temp, 'extensions');
  const userDataDir = path.join(temp, 'user-data');
  const vsix = path.join(ROOT, 'dist/zoho-crm-modules.vsix');
  const install = spawnSync(
    process.execPath,
    [
      path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js'),
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--install-extension',
      vsix,
    ],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`Installing ${vsix} failed:\n${install.stdout}${install.stderr}`);

  const workspace = copyExamples(temp);

  const standIn = await startStandIn();
  writeUserSettings(userDataDir, {
    'zohoCrm.accountsUrl': standIn.url,
    'zohoCrm.crmWebUrl': standIn.url,
    'zohoCrm.oauth.redirectPort': 47120,
    'workbench.colorTheme': 'Default Light Modern',
    'git.openRepositoryInParentFolders': 'never',
  });
  const port = Number(process.env.PORT) || (await freePort());
  const host = await startHost({ workspace, userDataDir, extensionsDir, port });
  process.stdout.write(`
VS Code with Zoho CRM Modules: ${host.url}/?folder=${encodeURIComponent(workspace)}
(a copy of examples/ in ${workspace}: edit freely)

  1. Open mistakes.crm-module.json: every problem is underlined with the code Zoho would answer; hover,
     complete (Ctrl+Space) and fix them (Ctrl+.).
  2. Command palette › "Zoho CRM: Sign In" › "Paste a Self Client grant code" › United States › Production:
       Client ID      ${DEMO_CLIENT.clientId}
       Client secret  ${DEMO_CLIENT.clientSecret}
       Grant code     open ${standIn.url}/__standin/self-client-code and copy "code"
     ("Sign in with the browser" works too, with the same client id and secret: this VS Code runs in your
     browser and would rewrite a 127.0.0.1 link, so click "Copy Link" (or "Copy the link" in the
     "Signing in" notification), open it in a new tab, and the local Zoho consents at once.)
  3. Signed in, the editor knows the org: in stocks.crm-module.json put the cursor in a profile "id" and
     press Ctrl+Space for its profiles by name; a label such as "Leads" is underlined (DUPLICATE_DATA).
  4. Open stocks.crm-module.json › the cloud icon in the editor title (Zoho CRM: Create Module).
  5. "Zoho CRM: Pull Module…" › Shipments writes Shipments.crm-module.json; change a label, then
     "Zoho CRM: Compare with Org" and "Zoho CRM: Update Module".

The local Zoho (${standIn.url}) has four profiles (Administrator, Standard, a lite and a portal one),
Zoho's standard modules (Leads, Contacts, Accounts, Deals, Tasks, Products) and one custom module,
Shipments. Ctrl+C stops everything.
`);
  const stop = async () => {
    await host.stop();
    await standIn.stop();
    rmSync(temp, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
  main().catch((error) => {
    console.error(messageOf(error));
    process.exit(1);
  });
}

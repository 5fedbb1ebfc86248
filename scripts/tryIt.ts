/**
 * `npm start`: a local VS Code in the browser with the packaged extension installed, the examples/
 * workspace open, and the local Zoho stand-in running and configured. Nothing needs a Zoho account.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The demo folder's README: what the terminal says, where the editor opens (with the walkthrough beside it), so
 * the first screen says how to sign in to the local Zoho.
 */
export function writeDemoReadme(workspace: string, standInUrl: string): void {
  writeFileSync(
    path.join(workspace, 'README.md'),
    `# Try Zoho CRM Modules

This folder is a copy of the repository's \`examples/\`: edit freely. A local Zoho runs at ${standInUrl}, so nothing
needs a Zoho account. The walkthrough beside this page (Help › Welcome › *Zoho CRM modules as code*) goes
through it step by step.

1. Open \`mistakes.crm-module.json\`: every problem is underlined with the code Zoho would answer. Hover,
   complete (Ctrl+Space) and fix (Ctrl+.).
2. Sign in to the local Zoho: **Zoho CRM: Sign In** › *Paste a Self Client grant code* › United States › Production.

   | Prompt | Answer |
   | --- | --- |
   | Client ID | \`${DEMO_CLIENT.clientId}\` |
   | Client secret | \`${DEMO_CLIENT.clientSecret}\` |
   | Grant code | open ${standInUrl}/__standin/self-client-code in a new tab and copy \`code\` |

   *Sign in with the browser* works too, with the same client id and secret: this VS Code runs in your browser,
   so copy the link from the "Signing in" notification into a new tab; the local Zoho consents at once.
3. Signed in, the editor knows the org: in \`stocks.crm-module.json\`, Ctrl+Space in a profile \`"id"\` lists its
   profiles by name; a label such as "Leads" is underlined (DUPLICATE_DATA).
4. **Zoho CRM: Create Module** (the cloud icon in the editor title) creates \`stocks.crm-module.json\`'s module.
5. **Zoho CRM: Pull Module…** › Shipments writes \`Shipments.crm-module.json\`; change a label, then
   **Compare with Org** and **Update Module** (or the line above the module).
6. Fields: \`Leads.crm-fields.json\` adds fields to the Leads module. Its textarea lacks its size (Ctrl+. adds it).
   Signed in, "Company" is underlined: Leads has that field already. Run **Zoho CRM: Create Fields** (the cloud
   icon) anyway: Zoho refuses that one on its line while the others are created. Rename it and run Create Fields
   again: only it is sent.
7. Change the file: a third option in "Favourite Colour", 3 decimal places for "Budget". **Compare with Org** shows
   the fields side by side; **Zoho CRM: Update Fields** lists the changes, asks, and sends only those. Delete a field
   from the file and Update offers *Update and Delete…*, which names the field before it goes. **Zoho CRM: Pull
   Fields…** writes any module's custom fields as a file.

8. Promotion, sandbox first: sign in a second time, to the local Zoho's sandbox (**Zoho CRM: Sign In** › *Paste a
   Self Client grant code* › United States › Sandbox, the code from ${standInUrl}/__standin/self-client-code?org=sandbox).
   With the sandbox active (status bar), make a folder \`sandbox-work\` with a new \`crates.crm-module.json\` (an empty
   file offers its snippet; Ctrl+Space in a profile \`"id"\` lists the sandbox's profiles by name), right-click the
   folder › **Zoho CRM: Apply**, then **Zoho CRM: Promote to…** › Zylker Local: the plan names each sandbox id and
   the production id sent in its place, asks, and sends; the file stays as it is.

The local Zoho has four profiles (Administrator, Standard, a lite and a portal one), Zoho's standard modules
(Leads, Contacts, Accounts, Deals, Tasks, Products) and one custom module, Shipments. Its sandbox has the same
profiles under other ids, one more ("Sandbox Testers", which production lacks: promoting a file that names it
stops before anything is sent), and no Shipments.
`,
  );
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
  writeDemoReadme(workspace, standIn.url);
  writeUserSettings(userDataDir, {
    // The README above opens first; the extension opens its walkthrough as it starts (the folder has module files).
    'workbench.startupEditor': 'readme',
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

Its README (open on the first screen, beside the walkthrough) says how to sign in to the local Zoho:
  Client ID      ${DEMO_CLIENT.clientId}
  Client secret  ${DEMO_CLIENT.clientSecret}
  Grant code     open ${standIn.url}/__standin/self-client-code and copy "code"
Ctrl+C stops everything.
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

/**
 * The first screen: the walkthrough (open a file, fix it, sign in, create, pull) opens once per install, the
 * first time the extension starts where there are module files to work on. Not when another extension's
 * sign-in request woke it up in an unrelated folder.
 */
import * as vscode from 'vscode';

const SHOWN = 'zohoCrm.walkthroughShown';
const WALKTHROUGH = 'start';
const FIRST_STEP = 'open';
/** VS Code registers an extension's walkthrough seconds after start (offline, after a 5 s wait on experiments). */
const ATTEMPTS = 15;
const ATTEMPT_EVERY_MS = 1000;

export async function openWalkthroughOnce(context: vscode.ExtensionContext): Promise<void> {
  if (context.globalState.get(SHOWN)) return;
  const moduleFileOpen = vscode.workspace.textDocuments.some((document) =>
    /\.crm-module\.json$/i.test(document.uri.path),
  );
  const moduleFiles =
    moduleFileOpen || (await vscode.workspace.findFiles('**/*.crm-module.json', '**/node_modules/**', 1)).length > 0;
  if (!moduleFiles) return;
  await context.globalState.update(SHOWN, true);
  const category = `${context.extension.id}#${WALKTHROUGH}`;
  const ours = `Walkthrough: ${context.extension.packageJSON.displayName}`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    // The tab's name is how an extension sees which walkthrough shows (some hosts keep the first name: then the
    // attempts run out, the last one showing ours).
    if (tabs.some((tab) => tab.label === ours)) break;
    // Asked for before it is registered, the Welcome page shows another walkthrough and keeps it (so does VS Code's
    // own on a first launch): close that page and ask again.
    const others = tabs.filter((tab) => tab.input === undefined && /^(Welcome|Walkthrough: )/.test(tab.label));
    if (others.length) await vscode.window.tabGroups.close(others, true);
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', category, false);
    await new Promise((resolve) => setTimeout(resolve, ATTEMPT_EVERY_MS));
  }
  // On its first step: a page built before the walkthrough was registered shows no media until one is selected.
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', { category, step: FIRST_STEP }, false);
}

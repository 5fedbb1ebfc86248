/**
 * What the server attaches for an editor that runs commands (VS Code: `editorActions`), and what any other
 * LSP editor gets instead: the lenses that say a file's state in the org, the "Switch to API v8" fix, the
 * list that opens where a profile id is typed, the sign-in item of a signed-out profile list.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ClientCapabilities,
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { EDITOR_COMMANDS } from '../../server/protocol';
import { OrgSnapshot } from '../../server/languageservice';
import { LspTestClient, VSCODE_LIKE_CAPABILITIES } from '../helpers/lspClient';

const ALL_ACTIONS = Object.keys(EDITOR_COMMANDS);
const WITH_LENS_REFRESH: ClientCapabilities = {
  ...VSCODE_LIKE_CAPABILITIES,
  workspace: { codeLens: { refreshSupport: true } },
};
const SNAPSHOT: OrgSnapshot = {
  org: 'Zylker (EU · sandbox)',
  fetchedAt: Date.now() - 5 * 60_000,
  profiles: [{ id: '7770000000000000011', name: 'Administrator', type: 'normal_profile' }],
  modules: [{ api_name: 'Stocks', plural_label: 'Stocks', singular_label: 'Stock', generated_type: 'custom' }],
};
const moduleText = (plural: string, apiName: string) =>
  JSON.stringify(
    {
      modules: [
        { plural_label: plural, singular_label: 'Stock', profiles: [{ id: '7770000000000000011' }], api_name: apiName },
      ],
    },
    null,
    2,
  );
const items = (answer: CompletionItem[] | CompletionList) => (Array.isArray(answer) ? answer : answer.items);

async function lensesOf(client: LspTestClient, uri: string): Promise<CodeLens[]> {
  return client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
}

describe('editor actions, for a client that runs them (VS Code)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0, editorActions: ALL_ACTIONS }, WITH_LENS_REFRESH);
  });
  after(() => client.close());

  it('an empty file is no error: its lenses insert the snippets, named as the completion names them', async () => {
    const uri = 'file:///w/new.crm-module.json';
    assert.deepEqual((await client.open(uri, '\n')).diagnostics, []);
    const lenses = await lensesOf(client, uri);
    assert.deepEqual(
      lenses.map((lens) => lens.command?.title),
      ['Start from a snippet: Text display field module', 'Autonumber display field module'],
    );
    for (const lens of lenses) {
      assert.equal(lens.command?.command, 'editor.action.insertSnippet');
      const [{ snippet }] = lens.command!.arguments as [{ snippet: string }];
      assert.match(snippet, /^\{\n\t"modules": \[/);
    }
    // Typing into it: the lenses go, the rules speak.
    assert.ok((await client.change(uri, '{')).diagnostics.length > 0);
    assert.deepEqual(await lensesOf(client, uri), []);
  });

  it("a module's state in the org is a lens, not a Problems entry: in it (same labels or not), or not yet", async () => {
    const uri = 'file:///w/stocks.crm-module.json';
    await client.open(uri, moduleText('Stocks', 'Stocks'));
    assert.deepEqual(await lensesOf(client, uri), [], 'no lens without an org');
    const refreshed = client.nextLensRefresh();
    const next = client.nextDiagnostics(uri);
    await client.notify('zohoCrm/orgSnapshot', { snapshot: SNAPSHOT });
    after(() => client.notify('zohoCrm/orgSnapshot', { snapshot: null }));
    assert.deepEqual((await next).diagnostics, [], 'the module the org has is no finding');
    await refreshed;
    const titles = async () =>
      (await lensesOf(client, uri)).map((lens) => [lens.command?.title, lens.command?.command]);
    assert.deepEqual(await titles(), [
      ['Stocks is in Zylker (EU · sandbox): same labels (org data 5 min ago)', ''],
      ['Compare with Org', 'zohoCrm.compareWithOrg'],
      ['Update Module', 'zohoCrm.updateModule'],
    ]);
    const [, compare] = await lensesOf(client, uri);
    assert.deepEqual(compare.command?.arguments, [uri]);
    await client.change(uri, moduleText('Stock Items', 'Stocks'));
    assert.match(String((await titles())[0][0]), /: its labels differ/);
    await client.change(uri, moduleText('Parcels', 'Parcels'));
    assert.deepEqual(await titles(), [
      ['Not in Zylker (EU · sandbox) yet (org data 5 min ago)', ''],
      ['Create Module', 'zohoCrm.createModule'],
    ]);
    const cleared = client.nextLensRefresh();
    await client.notify('zohoCrm/orgSnapshot', { snapshot: null });
    await cleared;
    assert.deepEqual(await lensesOf(client, uri), [], 'signed out, no lens');
  });

  it('access_type under v7: besides Remove, "Switch to API v8" runs the setting command and edits nothing', async () => {
    const uri = 'file:///w/team.crm-module.json';
    const text = '{"modules": [{"plural_label": "Teams", "singular_label": "Team", "access_type": "team_based"}]}';
    const { diagnostics } = await client.open(uri, text);
    const later = diagnostics.find((d) => d.code === 'NEEDS_LATER_API_VERSION')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: later.range,
      context: { diagnostics: [later] },
    });
    const titled = (title: string) => actions.find((action) => action.title === title);
    assert.ok(titled('Remove "access_type"')?.edit);
    const useV8 = titled('Switch to API v8')!;
    assert.ok(useV8, actions.map((action) => action.title).join(', '));
    assert.equal(useV8.edit, undefined);
    assert.deepEqual(useV8.command, { title: 'Switch to API v8', command: 'zohoCrm.useApiVersion', arguments: ['v8'] });
  });

  it('the add-profile fix and the profiles key open the list where the id goes; signed out, the list offers Sign In', async () => {
    const uri = 'file:///w/profiles.crm-module.json';
    const text = '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock", "profiles": []}]}';
    const { diagnostics } = await client.open(uri, text);
    const empty = diagnostics.find((d) => d.code === 'MINIMUM_DATA_NOT_FOUND' || /profile/.test(d.message))!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: empty.range,
      context: { diagnostics: [empty] },
    });
    const add = actions.find((action) => /Add/.test(action.title))!;
    assert.ok(add, actions.map((action) => action.title).join(', '));
    assert.equal(add.command?.command, 'editor.action.triggerSuggest');

    const keyText = '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock", }]}';
    await client.change(uri, keyText);
    const keys = items(
      await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: keyText.indexOf('}]') - 1 },
      }),
    );
    const profiles = keys.find((item) => item.label === 'profiles')!;
    assert.match((profiles.textEdit as TextEdit).newText, /"id": "\$1"/);
    assert.equal(profiles.command?.command, 'editor.action.triggerSuggest');
    assert.equal(
      keys.find((item) => item.label === 'plural_label' || item.label === 'display_field')?.command,
      undefined,
    );

    const idText = '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock", "profiles": [{"id": ""}]}]}';
    await client.change(uri, idText);
    const signedOut = items(
      await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 0, character: idText.indexOf('""') + 1 },
      }),
    );
    assert.deepEqual(
      signedOut.map((item) => [item.label, item.command?.command]),
      [['Sign in to list the profiles', 'zohoCrm.signIn']],
    );
    assert.equal((signedOut[0].textEdit as TextEdit).newText, '', 'choosing it writes nothing');
  });
});

describe('editor actions, for a client that runs none (Neovim and other LSP editors)', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize({ diagnosticsDelayMs: 0 }, VSCODE_LIKE_CAPABILITIES);
  });
  after(() => client.close());

  it('gets the lenses as text, no command-only fix, no command on completions, no sign-in item', async () => {
    const uri = 'file:///w/new.crm-module.json';
    await client.open(uri, '');
    const lenses = await lensesOf(client, uri);
    assert.ok(lenses.length > 0);
    assert.ok(lenses.every((lens) => lens.command?.command === ''));

    const team = 'file:///w/team.crm-module.json';
    const text = '{"modules": [{"plural_label": "Teams", "singular_label": "Team", "access_type": "team_based"}]}';
    const { diagnostics } = await client.open(team, text);
    const later = diagnostics.find((d) => d.code === 'NEEDS_LATER_API_VERSION')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: team },
      range: later.range,
      context: { diagnostics: [later] },
    });
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Remove "access_type"'],
    );
    assert.ok(actions.every((action) => action.command === undefined));

    const idText = '{"modules": [{"plural_label": "Stocks", "singular_label": "Stock", "profiles": [{"id": ""}]}]}';
    await client.change(team, idText);
    const list = items(
      await client.request<CompletionItem[] | CompletionList>('textDocument/completion', {
        textDocument: { uri: team },
        position: { line: 0, character: idText.indexOf('""') + 1 },
      }),
    );
    assert.deepEqual(list, []);
  });
});

/**
 * The text Create and Update send to a connection: ids of other orgs in it (profiles; a lookup's module, a global
 * picklist) as this org's, by name, through the names recorded in the folder's `.crm-sync.json` and the active
 * org's data, as Plan and Apply do. The file never changes. With no other org known, the text as it is, and no
 * request.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  describeMapping,
  directoryOfSnapshot,
  listGlobalPicklists,
  mapFileIds,
  orgIdOf,
  readDirectory,
  recordedDirectories,
} from '@crm/zoho';
import { ConnectionInfo } from '../connections/connectionStore';
import { Services } from '../connections/services';
import { OrgData } from './orgData';

export async function textForConnection(
  services: Services,
  org: OrgData,
  connection: ConnectionInfo,
  uri: vscode.Uri,
  text: string,
): Promise<string | { refused: string }> {
  const stateFile = org.syncStates.fileOf(uri);
  const state = stateFile ? await org.syncStates.read(stateFile) : undefined;
  const active = services.store.active();
  const activeSnapshot = active && active.id !== connection.id ? org.current() : undefined;
  const known = [
    ...(activeSnapshot ? [directoryOfSnapshot(activeSnapshot, active!.label)] : []),
    ...(state && !('error' in state) ? recordedDirectories(state) : []),
  ];
  if (!known.length) return text;
  const client = await services.store.crmClient(connection);
  const orgId = connection.orgId ?? (await orgIdOf(client, connection.label));
  const sources = known.filter((directory) => directory.org !== orgId);
  if (!sources.length) return text;
  const picklists = text.includes('"global_picklist"');
  // The active org's data is at hand; another org's is read (its profiles and modules, two GETs).
  const snapshot = active?.id === connection.id ? org.current() : undefined;
  const target = snapshot
    ? {
        ...directoryOfSnapshot(snapshot, connection.label),
        org: orgId,
        ...(picklists ? { globalPicklists: await listGlobalPicklists(client).catch(() => undefined) } : {}),
      }
    : await readDirectory(client, orgId, connection.label, picklists);
  const { file, mapping, unmapped } = mapFileIds({ path: uri.fsPath, text }, sources, target);
  if (unmapped.length)
    return { refused: `Nothing was sent: ${unmapped[0].message.replace(uri.fsPath, path.basename(uri.fsPath))}` };
  const table = describeMapping(mapping, connection.label);
  if (table.length) services.log.info(table.join('\n'));
  return file.text;
}

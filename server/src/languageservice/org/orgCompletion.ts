/** Completion and hover of profile ids from the org's snapshot: names instead of 19-digit numbers. */
import { Completion } from '../completion';
import { indexOf, OrgSnapshot, profileKind, snapshotAge } from './snapshot';

/** True for a path to a profile's id: modules[n].profiles[m].id. */
export function isProfileIdPath(path: (string | number)[]): boolean {
  return path.length === 5 && path[0] === 'modules' && path[2] === 'profiles' && typeof path[3] === 'number' && path[4] === 'id';
}

export function profileCompletions(snapshot: OrgSnapshot, replace: { offset: number; length: number }, current: string | undefined): Completion[] {
  const index = indexOf(snapshot);
  return index.profilesInOrder.map((profile, order) => ({
    label: profile.name,
    kind: 'value' as const,
    insertText: JSON.stringify(profile.id),
    replace,
    detail: `${profileKind(profile)} · ${profile.id}`,
    documentation: `Profile **${profile.name}** of ${snapshot.org} (org data from ${snapshotAge(snapshot, Date.now())}).`,
    // Typing a name or digits both find it: the editor filters on this text.
    filterText: `"${profile.name} ${profile.id}"`,
    sortText: String(order).padStart(5, '0'),
    preselect: current !== undefined ? profile.id === current : order === 0,
  }));
}

/** The hover's first lines for a profile id. */
export function describeProfileId(snapshot: OrgSnapshot, id: string, now: number): string {
  const profile = indexOf(snapshot).profilesById.get(id);
  const age = `org data from ${snapshotAge(snapshot, now)}`;
  return profile
    ? `**${profile.name}**: ${profileKind(profile)} of ${snapshot.org} (${age}).`
    : `⚠ No profile of ${snapshot.org} has this id (${age}).`;
}

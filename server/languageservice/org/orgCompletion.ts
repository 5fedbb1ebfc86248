/** Completion and hover of profile ids from the org's snapshot: names instead of 19-digit numbers. */
import { Completion } from '../types';
import { escapeMarkdown, escapeSnippet } from '../safeText';
import { indexOf, OrgSnapshot, profileKind, snapshotAge } from './snapshot';

/** True for a path to a profile's id: modules[n].profiles[m].id, or a field's, fields[n].profiles[m].id. */
export function isProfileIdPath(path: (string | number)[]): boolean {
  return (
    path.length === 5 &&
    (path[0] === 'modules' || path[0] === 'fields') &&
    path[2] === 'profiles' &&
    typeof path[3] === 'number' &&
    path[4] === 'id'
  );
}

/** Profiles sent per answer: a 500-profile org answers the first ones that match what is typed, and says there are more. */
export const MAX_PROFILE_ITEMS = 50;

/**
 * The org's profiles for a profile id, Administrator first. `typed` (the value up to the cursor) filters
 * by name or id prefix on the server, so a large org sends a short list and the editor asks again as
 * the user types (`incomplete`).
 */
export function profileCompletions(
  snapshot: OrgSnapshot,
  replace: { offset: number; length: number },
  current: string | undefined,
  typed = '',
): { items: Completion[]; incomplete: boolean } {
  const index = indexOf(snapshot);
  const wanted = typed.toLowerCase();
  const matching = wanted
    ? index.profilesInOrder.filter(
        (profile) => profile.id.startsWith(wanted) || profile.name.toLowerCase().includes(wanted),
      )
    : index.profilesInOrder;
  const chosen = matching.slice(0, MAX_PROFILE_ITEMS);
  const currentProfile = current !== undefined ? index.profilesById.get(current) : undefined;
  if (currentProfile && !chosen.includes(currentProfile)) chosen.push(currentProfile);
  const items = chosen.map((profile, order): Completion => ({
    label: profile.name,
    kind: 'value',
    insertText: escapeSnippet(JSON.stringify(profile.id)),
    replace,
    // The id alone: 19 digits fit the detail pane on one line, where "kind · id" wrapped; the kind is below.
    detail: profile.id,
    documentation: `${capitalised(escapeMarkdown(profileKind(profile)))} of ${escapeMarkdown(snapshot.org)}.`,
    // Typing a name or digits both find it: the editor filters on this text.
    filterText: `"${profile.name} ${profile.id}"`,
    // Only Administrator needs a place of its own; the rest sort by name (the label).
    sortText: order === 0 && profile === index.administrator ? '0' : undefined,
    preselect: (currentProfile ? profile === currentProfile : order === 0) || undefined,
  }));
  return { items, incomplete: matching.length > chosen.length };
}

/** The hover's first line for a profile id the org has; for one it lacks the diagnostic speaks (once). */
export function describeProfileId(snapshot: OrgSnapshot, id: string, now: number): string | undefined {
  const index = indexOf(snapshot);
  const profile = index.profilesById.get(id);
  const age = `org data from ${snapshotAge(snapshot, now)}`;
  const elsewhere = profile ? undefined : index.elsewhereById.get(id);
  const here = elsewhere && index.profileNamed(elsewhere.profile.name);
  // Another org's id: what goes to this org in its place (promotion maps profiles by name).
  if (elsewhere && here)
    return `**${escapeMarkdown(elsewhere.profile.name)}** of ${escapeMarkdown(elsewhere.org)}: sent to ${escapeMarkdown(snapshot.org)} as its ${escapeMarkdown(here.name)} (${here.id}; ${age}).`;
  if (!profile) return undefined;
  return `**${escapeMarkdown(profile.name)}**: ${escapeMarkdown(profileKind(profile))} of ${escapeMarkdown(snapshot.org)} (${age}).`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

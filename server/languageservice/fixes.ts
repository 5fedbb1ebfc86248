/** Quick fixes are carried by the findings; these pick the ones for a range and build "fix all". */
import { Finding, Fix, TextEdit } from './types';

export function fixesAt(findings: Finding[], start: number, end: number): { finding: Finding; fix: Fix }[] {
  const result: { finding: Finding; fix: Fix }[] = [];
  for (const finding of findings) {
    const findingEnd = finding.offset + finding.length;
    if (findingEnd < start || finding.offset > end) continue;
    for (const fix of finding.fixes ?? []) result.push({ finding, fix });
  }
  return result;
}

/** The preferred fix of every finding, skipping any whose edits overlap one already taken. */
export function fixAll(findings: Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes?.find((candidate) => candidate.preferred);
    if (!fix) continue;
    const overlaps = fix.edits.some((edit) =>
      taken.some(
        (other) => edit.offset < other.offset + other.length + 1 && other.offset < edit.offset + edit.length + 1,
      ),
    );
    if (!overlaps) taken.push(...fix.edits);
  }
  return taken.sort((a, b) => a.offset - b.offset);
}

import { OwnerRollup } from '@prodready/plugin-readiness-common';

function refKey(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The owner and every group below it, from the `parent` links of the owners rollup. The scorecard's
 * `owner` filter matches direct owners only, so a team's view asks for all of these.
 */
export function ownerWithDescendants(
  owner: string,
  rollups: OwnerRollup[],
): string[] {
  const children = new Map<string, string[]>();
  for (const rollup of rollups) {
    if (!rollup.parent) continue;
    const key = refKey(rollup.parent);
    children.set(key, [...(children.get(key) ?? []), rollup.owner]);
  }
  const result: string[] = [owner];
  const seen = new Set([refKey(owner)]);
  for (let i = 0; i < result.length; i++) {
    for (const child of children.get(refKey(result[i])) ?? []) {
      if (!seen.has(refKey(child))) {
        seen.add(refKey(child));
        result.push(child);
      }
    }
  }
  return result;
}

/** The rollup of one owner, matching refs case-insensitively. */
export function findOwnerRollup(
  owner: string,
  rollups: OwnerRollup[],
): OwnerRollup | undefined {
  const key = refKey(owner);
  return rollups.find(r => refKey(r.owner) === key);
}

/** How many groups of the rollup have this owner as their direct parent. */
export function countChildGroups(
  owner: string,
  rollups: OwnerRollup[],
): number {
  const key = refKey(owner);
  return rollups.filter(r => r.parent && refKey(r.parent) === key).length;
}

function compareNullableAsc(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

/** Teams with the most no-go services first, then the lowest mean score (unscored last), then by ref. */
export function rankOwners(rollups: OwnerRollup[]): OwnerRollup[] {
  return [...rollups].sort(
    (a, b) =>
      (b.verdicts?.['no-go'] ?? 0) - (a.verdicts?.['no-go'] ?? 0) ||
      compareNullableAsc(a.meanScore, b.meanScore) ||
      a.owner.localeCompare(b.owner),
  );
}

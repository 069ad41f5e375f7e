import type { VersionStatus, VersionSummary } from '../../api/types';

// What the publish preview tells before publishing: which version the draft is compared with, the number the new
// version gets, and the open cases that stay where they are.

export interface RunningRow {
  version: number;
  status: VersionStatus;
  running: number;
}

/** The version the draft is compared with: the latest published one, else the latest at all (all retired), else none. */
export function diffBase(versions: readonly VersionSummary[]): number | null {
  const highest = (list: readonly VersionSummary[]) => (list.length ? Math.max(...list.map((v) => v.version)) : null);
  return highest(versions.filter((v) => v.status === 'Published')) ?? highest(versions);
}

/** The number the published draft gets: one after the highest there is. */
export function nextVersion(versions: readonly VersionSummary[]): number {
  return Math.max(0, ...versions.map((v) => v.version)) + 1;
}

/** Versions with open cases, newest first, and their total: those cases stay on their version after publishing. */
export function runningCases(versions: readonly VersionSummary[]): { rows: RunningRow[]; total: number } {
  const rows = versions.filter((v) => v.runningCases > 0).map((v) => ({ version: v.version, status: v.status, running: v.runningCases }))
    .sort((a, b) => b.version - a.version);
  return { rows, total: rows.reduce((sum, r) => sum + r.running, 0) };
}

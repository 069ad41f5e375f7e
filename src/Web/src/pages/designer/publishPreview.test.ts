import { describe, expect, it } from 'vitest';
import type { VersionStatus, VersionSummary } from '../../api/types';
import { diffBase, nextVersion, runningCases } from './publishPreview';

const version = (v: number, status: VersionStatus, running: number): VersionSummary =>
  ({ version: v, status, name: 'n', changeNote: '', publishedBy: 'admin', publishedAt: '2026-01-01T00:00:00Z', runningCases: running });

describe('publish preview', () => {
  it('compares with the latest published version, else the latest retired one, else nothing', () => {
    expect(diffBase([version(1, 'Published', 3), version(2, 'Published', 0), version(3, 'Retired', 1)])).toBe(2);
    expect(diffBase([version(1, 'Retired', 0), version(2, 'Retired', 0)])).toBe(2);
    expect(diffBase([])).toBeNull();
  });

  it('numbers the new version one after the highest', () => {
    expect(nextVersion([version(1, 'Published', 0), version(3, 'Retired', 0), version(2, 'Published', 0)])).toBe(4);
    expect(nextVersion([])).toBe(1);
  });

  it('lists the versions with open cases, newest first, with their total', () => {
    const summary = runningCases([version(1, 'Published', 20), version(2, 'Published', 0), version(3, 'Retired', 4)]);
    expect(summary.rows).toEqual([{ version: 3, status: 'Retired', running: 4 }, { version: 1, status: 'Published', running: 20 }]);
    expect(summary.total).toBe(24);
  });

  it('has no rows when no case is open', () => {
    expect(runningCases([version(1, 'Published', 0)])).toEqual({ rows: [], total: 0 });
  });
});

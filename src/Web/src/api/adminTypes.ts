// The administration API's responses (src/Api/Administration/**), as the console uses them.

export interface AdminUnit {
  code: string;
  name: string;
  level: string;
  kind: string;
  parentCode: string | null;
  gridType: string | null;
  population: number | null;
  retiredAt: string | null;
  hasBoundary: boolean;
  childCount: number;
}

export interface AdminUnitDetail extends Omit<AdminUnit, 'hasBoundary'> {
  boundary: unknown;
}

export interface UnitPage {
  items: AdminUnit[];
  next: string | null;
}

export interface AdminUser {
  userName: string;
  displayName: string;
  role: string;
  unitCode: string;
  unitName: string | null;
  status: 'active' | 'disabled';
  disabledAt: string | null;
}

export interface UserPage {
  items: AdminUser[];
  next: string | null;
}

export interface UserChange {
  user: AdminUser;
  releasedTasks: { taskId: string; eventId: string }[];
}

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}

/** Both imports' reports: units add total and counts, users the users the file makes. */
export interface ImportReport {
  dryRun: boolean;
  valid: boolean;
  applied: boolean;
  rows: number;
  total?: number;
  counts?: Record<string, number>;
  users?: { line: number; userName: string; displayName: string; role: string; unitCode: string }[];
  problems: ImportProblem[];
}

export interface BatchItem {
  code: string;
  name: string;
  categoryCode: string;
  owningDepartment: string;
  defaultLevel: string;
  timeLimits: { simple: number; ordinary: number; complex: number; major: number };
  countsTowardClosureRate: boolean;
}

export interface Batch {
  id: string;
  county: string;
  status: 'Proposed' | 'Approved' | 'Rejected';
  note: string;
  baseVersion: number;
  categories: { code: string; name: string }[];
  items: BatchItem[];
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number | null;
}

export interface AdminWarning {
  code: string;
  message: string;
}

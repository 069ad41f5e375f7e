// The API's responses as the console uses them (JSON is camelCase; dates are ISO strings).

export type Role = 'PolicyAdmin' | 'Dispatcher' | 'Handler' | 'GridMember' | 'Auditor' | 'SystemAdmin';

/** RFC 9457 ProblemDetails with the extensions GridCase adds. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  /** 400: messages by field (JSON name). */
  errors?: Record<string, string[]>;
  /** 422 definition-invalid: the definition's problems. */
  problems?: DefinitionProblem[];
  /** 409 naming one field (a definition id in use): its JSON name. */
  field?: string;
  /** 409 one-member-per-grid: the grid's active member. */
  currentMember?: { userName: string; displayName: string };
}

export interface TokenResponse {
  accessToken: string;
  expiresAt: string;
  tokenType: string;
  role: Role;
  unit: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface WorkflowRef {
  definitionId: string;
  version: number;
}

// ── Cases and tasks ──

export type TaskStatus = 'Open' | 'Completed' | 'Cancelled';

export interface TaskEvent {
  number: string;
  title: string;
  catalogueItemCode: string;
  gridCode: string;
  status: string;
  responsibleUnit: string;
  underSupervision: boolean;
}

export interface QueueTask {
  id: string;
  eventId: string;
  nodeId: string;
  kind: string;
  queue: string;
  form: string;
  outcomes: string[];
  status: TaskStatus;
  claimedBy: string | null;
  openedAt: string;
  warnAt: string | null;
  dueAt: string | null;
  warned: boolean;
  overdue: boolean;
  outcome: string | null;
  closedAt: string | null;
  event: TaskEvent | null;
}

/** A page of GET /api/tasks: `page` is null when it was asked for by cursor; `nextCursor` is null on the last page. */
export interface QueuePage extends Omit<Page<QueueTask>, 'page'> {
  page: number | null;
  nextCursor: string | null;
}

export interface OpenTask {
  id: string;
  eventId: string;
  nodeId: string;
  kind: string;
  queue: string;
  form: string;
  outcomes: string[];
  status: TaskStatus;
  claimedBy: string | null;
  openedAt: string;
  warnAt: string | null;
  dueAt: string | null;
  warned: boolean;
  overdue: boolean;
}

/** What claiming, releasing, completing or reassigning answers. */
export interface TaskStep {
  taskId: string;
  eventId: string;
  eventStatus: string;
  responsibleUnit: string;
  openTasks: OpenTask[];
  journal: string[];
  blocked: string | null;
}

export interface Reporter {
  name: string | null;
  phone: string | null;
  masked: boolean;
}

export interface CaseLocation {
  latitude: number;
  longitude: number;
  address: string;
}

export interface CaseDetail {
  id: string;
  number: string;
  status: string;
  workflow: WorkflowRef | null;
  catalogueItemCode: string;
  gridCode: string;
  channel: string;
  title: string;
  description: string;
  location: CaseLocation | null;
  reporter: Reporter | null;
  occurredAt: string;
  reportedAt: string;
  difficulty: number | null;
  scope: string | null;
  responsibleUnit: string;
  dispatchingUnit: string | null;
  floor: string;
  returnCount: number;
  extensionCount: number;
  extraHours: number;
  reworkCount: number;
  closureCode: string | null;
  closedAt: string | null;
  satisfaction: number | null;
  underSupervision: boolean;
  supervisedBy: string | null;
  parkedAt: string | null;
  parkExplanation: string | null;
  resolutionNote: string | null;
  openTasks: OpenTask[];
}

export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  catalogueItemCode: string;
  gridCode: string;
  channel: string;
  status: string;
  responsibleUnit: string;
  floor: string;
  difficulty: number | null;
  scope: string | null;
  reportedAt: string;
  overdue: boolean;
  underSupervision: boolean;
  closureCode: string | null;
}

export interface CompleteTaskBody {
  outcome: string;
  /** A `units` field is a list of unit codes. */
  data: Record<string, string | number | string[]>;
}

export interface ReassignBody {
  unitCode: string;
  reason: string;
}

/** 督办 and 催办: a note of 1–500 characters. */
export interface CaseNoteBody {
  note: string;
}

/** 改派网格: the right grid (15 digits) for a case filed under a wrong grid or village. */
export interface RelocateBody {
  gridCode: string;
  reason: string;
}

/** 重新分类: the right catalogue item. */
export interface ReclassifyBody {
  catalogueItemCode: string;
  reason: string;
}

// ── Journal and replay ──

export interface JournalActor {
  userId: string;
  role: string | null;
  unit: string | null;
  /** The person's display name; null for the system and for a user no longer known. */
  name?: string | null;
}

export interface JournalEntry {
  seq: number;
  at: string;
  actor: JournalActor;
  kind: string;
  nodeId: string | null;
  definition: WorkflowRef;
  rule: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

export interface ReplayState {
  seq: number;
  lastSeq: number;
  activeNodeIds: string[];
  responsibleUnit: string | null;
  floor: string | null;
  variables: Record<string, unknown>;
  openTaskIds: string[];
  status: string;
  closureCode: string | null;
  workflow: WorkflowRef;
}

export interface VerifyResult {
  chainValid: boolean;
  replayMatches: boolean;
  firstBadSeq: number | null;
  detail: string | null;
  entries: number;
}

// ── Reference data ──

export type UnitLevel = 'Grid' | 'Village' | 'Township' | 'County' | 'City';

export interface OrgUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  kind: string;
}

export interface CatalogueItem {
  code: string;
  name: string;
  owningDepartment: string;
  defaultLevel: string;
  timeLimitHours: Record<string, number>;
  countsTowardClosureRate: boolean;
  addedInVersion: number;
}

export interface CatalogueCategory {
  code: string;
  name: string;
  items: CatalogueItem[];
}

export interface Catalogue {
  county: string;
  version: number;
  categories: CatalogueCategory[];
}

// ── Workflow definitions (the format in workflow-definitions/README.md) ──

export interface NodeLayout {
  x: number;
  y: number;
}

export type NodeProps = Record<string, unknown>;

export interface DefinitionNode {
  id: string;
  type: string;
  title?: string;
  props?: NodeProps;
  layout?: NodeLayout;
}

export interface Connection {
  from: string;
  outcome: string;
  to: string;
}

export interface DefinitionDocument {
  id: string;
  version?: number;
  name: string;
  changeNote?: string;
  variables?: Record<string, string>;
  nodes: DefinitionNode[];
  connections: Connection[];
}

export interface DefinitionProblem {
  code: string;
  message: string;
  nodeIds: string[];
}

export interface DefinitionSummary {
  id: string;
  name: string;
  latestVersion: number | null;
  hasDraft: boolean;
}

export type VersionStatus = 'Published' | 'Retired';

export interface NewDefinitionBody {
  id: string;
  name: string;
  nameEn?: string;
}

export interface CreatedDefinition {
  id: string;
  name: string;
  problems: DefinitionProblem[];
}

/** 一乡一策: the definition a township or county runs for new cases. */
export interface WorkflowBinding {
  unitCode: string;
  definitionId: string;
  boundBy: string;
  boundAt: string;
}

export interface VersionSummary {
  version: number;
  status: VersionStatus;
  name: string;
  changeNote: string;
  publishedBy: string;
  publishedAt: string;
  /** Cases still open on this version (they finish on it whatever is published later). */
  runningCases: number;
}

export interface Draft {
  definition: DefinitionDocument;
  savedBy: string;
  savedAt: string;
  basedOnVersion: number | null;
  problems: DefinitionProblem[];
}

export interface SaveDraftResult {
  definitionId: string;
  savedAt: string;
  problems: DefinitionProblem[];
}

export interface ValidateResult {
  valid: boolean;
  problems: DefinitionProblem[];
}

export interface PublishResult {
  definitionId: string;
  version: number;
  changeNote: string;
  publishedBy: string;
  publishedAt: string;
}

export interface RollbackResult {
  definitionId: string;
  basedOnVersion: number;
  savedAt: string;
}

export interface RetireResult {
  definitionId: string;
  version: number;
  status: VersionStatus;
  latestPublishedVersion: number | null;
}

export type DiffChange = 'unchanged' | 'added' | 'removed' | 'changed' | 'moved';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface NodeDiff {
  id: string;
  type: string;
  title: string | null;
  change: DiffChange;
  fields: FieldChange[];
}

export interface ConnectionDiff {
  from: string;
  outcome: string;
  to: string;
  change: DiffChange;
}

export interface VariableDiff {
  name: string;
  change: DiffChange;
  from: string | null;
  to: string | null;
}

export interface DefinitionComparison {
  fromId: string;
  fromVersion: number;
  toId: string;
  toVersion: number;
  fields: FieldChange[];
  variables: VariableDiff[];
  nodes: NodeDiff[];
  connections: ConnectionDiff[];
}

/** Moving open cases from one published version to another (dry run first). */
export interface MigrationBody {
  fromVersion: number;
  toVersion: number;
  /** From-version node id → to-version node id. */
  nodeMap: Record<string, string>;
  dryRun: boolean;
  limit: number;
  /** The `next` of the previous page. */
  after?: string;
}

export interface MigratedCase {
  caseId: string;
  number: string;
  activeNodes: string[];
}

export interface BlockedCase extends MigratedCase {
  code: string;
  reason: string;
}

export interface MigrationResult {
  moved: MigratedCase[];
  blocked: BlockedCase[];
  next: string | null;
}

// ── Activity types (the designer's palette) ──

/** The parts of JSON Schema the properties form reads. */
export interface JsonSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface ActivityType {
  type: string;
  title: string;
  titleEn: string;
  category: string;
  description: string;
  propertySchema: JsonSchema | null;
  outcomes: string[];
  outcomesFromProps: string | null;
}

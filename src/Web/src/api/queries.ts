import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { queueSearchParams, type QueueFilters } from '../pages/queue/queueSearch';
import { api } from './client';
import type {
  ActivityType, CaseDetail, CaseSummary, Catalogue, DefinitionComparison, DefinitionDocument, DefinitionSummary, Draft,
  JournalEntry, OrgUnit, Page, QueuePage, QueueTask, ReplayState, VerifyResult, VersionSummary, WorkflowBinding, WorkflowRef,
} from './types';

const enc = encodeURIComponent;

// Query keys, by root: what a mutation invalidates is a prefix of these.
export const keys = {
  definitions: ['definitions'] as const,
  versions: (id: string) => ['definitions', id, 'versions'] as const,
  draft: (id: string) => ['definitions', id, 'draft'] as const,
  diff: (id: string, from: string, to: string) => ['definitions', id, 'diff', from, to] as const,
  // Published versions never change: kept apart from the definitions so that invalidating those never refetches them.
  version: (id: string, version: number) => ['definition-version', id, version] as const,
  activityTypes: ['activity-types'] as const,
  tasks: ['tasks'] as const,
  queue: (filters: QueueFilters) => ['tasks', 'queue', filters] as const,
  task: (id: string) => ['tasks', 'one', id] as const,
  reassignTargets: (eventId: string) => ['case', eventId, 'reassign-targets'] as const,
  caseList: ['case-list'] as const,
  cases: ['case'] as const,
  case: (id: string) => ['case', id] as const,
  caseDetail: (id: string) => ['case', id, 'detail'] as const,
  journal: (id: string) => ['case', id, 'journal'] as const,
  verify: (id: string) => ['case', id, 'verify'] as const,
  replay: (id: string, seq: number) => ['case', id, 'replay', seq] as const,
  // The version a case is pinned to never changes.
  pinnedWorkflows: ['pinned-workflow'] as const,
  pinnedWorkflow: (id: string) => ['pinned-workflow', id] as const,
  catalogue: ['catalogue'] as const,
  orgUnits: (level: string) => ['org-units', level] as const,
  allOrgUnits: ['org-units', 'all'] as const,
  childUnits: (parent: string) => ['org-units', 'children', parent] as const,
  bindings: ['workflow-bindings'] as const,
};

export const definitionsQuery = () => queryOptions({
  queryKey: keys.definitions,
  queryFn: () => api.get<DefinitionSummary[]>('/api/workflow-definitions'),
});

export const versionsQuery = (id: string) => queryOptions({
  queryKey: keys.versions(id),
  queryFn: () => api.get<VersionSummary[]>(`/api/workflow-definitions/${enc(id)}/versions`),
});

export const draftQuery = (id: string) => queryOptions({
  queryKey: keys.draft(id),
  queryFn: () => api.get<Draft>(`/api/workflow-definitions/${enc(id)}/draft`),
});

export const versionQuery = (id: string, version: number) => queryOptions({
  queryKey: keys.version(id, version),
  queryFn: () => api.get<DefinitionDocument>(`/api/workflow-definitions/${enc(id)}/versions/${version}`),
  staleTime: Infinity,
});

export const diffQuery = (id: string, from: string, to: string) => queryOptions({
  queryKey: keys.diff(id, from, to),
  queryFn: () => api.get<DefinitionComparison>(`/api/workflow-definitions/${enc(id)}/diff?from=${enc(from)}&to=${enc(to)}`),
});

export const activityTypesQuery = () => queryOptions({
  queryKey: keys.activityTypes,
  queryFn: () => api.get<ActivityType[]>('/api/activity-types'),
  staleTime: Infinity,
});

/** The queue, page after page: each page's nextCursor asks for the next (keyset paging on the server). */
export const queueQuery = (filters: QueueFilters) => infiniteQueryOptions({
  queryKey: keys.queue(filters),
  queryFn: ({ pageParam }) => api.get<QueuePage>(`/api/tasks?${queueSearchParams(filters, pageParam)}`),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});

/** One task, for a `/queue/{taskId}` address whose task is not among the rows loaded. */
export const taskQuery = (id: string) => queryOptions({
  queryKey: keys.task(id),
  queryFn: () => api.get<QueueTask>(`/api/tasks/${enc(id)}`),
});

/** The units the server lets this dispatcher reassign the case to (its own rule, not a copy). */
export const reassignTargetsQuery = (eventId: string) => queryOptions({
  queryKey: keys.reassignTargets(eventId),
  queryFn: () => api.get<OrgUnit[]>(`/api/events/${eventId}/reassign-targets`),
});

export const caseListQuery = () => queryOptions({
  queryKey: keys.caseList,
  queryFn: () => api.get<Page<CaseSummary>>('/api/events?pageSize=100'),
});

export const caseQuery = (id: string) => queryOptions({
  queryKey: keys.caseDetail(id),
  queryFn: () => api.get<CaseDetail>(`/api/events/${id}`),
});

export const pinnedWorkflowQuery = (id: string) => queryOptions({
  queryKey: keys.pinnedWorkflow(id),
  queryFn: async (): Promise<WorkflowRef | null> => (await api.get<CaseDetail>(`/api/events/${id}`)).workflow,
  staleTime: Infinity,
});

export const journalQuery = (id: string) => queryOptions({
  queryKey: keys.journal(id),
  queryFn: () => api.get<JournalEntry[]>(`/api/events/${id}/journal`),
});

export const verifyQuery = (id: string) => queryOptions({
  queryKey: keys.verify(id),
  queryFn: () => api.get<VerifyResult>(`/api/events/${id}/journal/verify`),
});

// The state after an entry never changes once the entry is written.
export const replayQuery = (id: string, seq: number) => queryOptions({
  queryKey: keys.replay(id, seq),
  queryFn: () => api.get<ReplayState>(`/api/events/${id}/replay?at=${seq}`),
  staleTime: Infinity,
});

export const catalogueQuery = () => queryOptions({
  queryKey: keys.catalogue,
  queryFn: () => api.get<Catalogue>('/api/catalogue'),
});

export const orgUnitsQuery = (level: string) => queryOptions({
  queryKey: keys.orgUnits(level),
  queryFn: () => api.get<OrgUnit[]>(`/api/org-units?level=${level}`),
});

/** Every unit (areas and departments of all levels); the console keeps those under the user's area. */
export const allOrgUnitsQuery = () => queryOptions({
  queryKey: keys.allOrgUnits,
  queryFn: () => api.get<OrgUnit[]>('/api/org-units'),
});

/** The units directly below `parent` (areas and departments), from the reference data. */
export const childUnitsQuery = (parent: string) => queryOptions({
  queryKey: keys.childUnits(parent),
  queryFn: () => api.get<OrgUnit[]>(`/api/org-units?parent=${enc(parent)}`),
  staleTime: 10 * 60_000,
});

export const bindingsQuery = () => queryOptions({
  queryKey: keys.bindings,
  queryFn: () => api.get<WorkflowBinding[]>('/api/workflow-bindings'),
});

/** One page of the cases the caller may see, optionally those whose number starts with or title contains `q`. */
export const caseSearchQuery = (q: string, page: number, pageSize = 20) => queryOptions({
  queryKey: ['cases', 'search', q, page, pageSize] as const,
  queryFn: () => api.get<Page<CaseSummary>>(`/api/events?page=${page}&pageSize=${pageSize}${q ? `&q=${encodeURIComponent(q)}` : ''}`),
});

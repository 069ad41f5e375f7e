import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './queries';
import { newIdempotencyKey } from './idempotency';
import type {
  CaseNoteBody, CompleteTaskBody, CreatedDefinition, DefinitionDocument, NewDefinitionBody, WorkflowBinding, MigrationBody, MigrationResult, PublishResult, ReassignBody,
  ReclassifyBody, RelocateBody, RetireResult, RollbackResult, SaveDraftResult, TaskStep, TokenResponse, ValidateResult,
} from './types';

const enc = encodeURIComponent;

// A step on a case changes the queues, the case and its journal. The mutation waits for the refetch of what is
// on screen, so a caller that awaits it sees the new state.
function caseChanged(client: QueryClient, eventId: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: keys.tasks }),
    client.invalidateQueries({ queryKey: keys.case(eventId) }),
    client.invalidateQueries({ queryKey: keys.caseList }),
  ]);
}

// Anything saved or published changes the definition list (latest version, has-draft) and that definition's
// versions and draft; published version documents never change and are not touched.
function definitionChanged(client: QueryClient) {
  return client.invalidateQueries({ queryKey: keys.definitions });
}

export function useSignIn() {
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) => api.post<TokenResponse>('/api/auth/token', credentials),
  });
}

interface TaskRef {
  taskId: string;
  eventId: string;
}

export function useClaimTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId }: TaskRef) => api.post<TaskStep>(`/api/tasks/${taskId}/claim`),
    onSuccess: (_, { eventId }) => caseChanged(client, eventId),
  });
}

export function useReleaseTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId }: TaskRef) => api.post<TaskStep>(`/api/tasks/${taskId}/release`),
    onSuccess: (_, { eventId }) => caseChanged(client, eventId),
  });
}

export function useCompleteTask() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskId, body, idempotencyKey }: TaskRef & { body: CompleteTaskBody; idempotencyKey: string }) =>
      api.post<TaskStep>(`/api/tasks/${taskId}/complete`, body, { 'Idempotency-Key': idempotencyKey }),
    onSuccess: (_, { eventId }) => caseChanged(client, eventId),
  });
}

export function useReassign() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, body }: { eventId: string; body: ReassignBody }) => api.post<TaskStep>(`/api/events/${eventId}/reassign`, body),
    onSuccess: (_, { eventId }) => caseChanged(client, eventId),
  });
}

export function useValidateDraft(definitionId: string) {
  return useMutation({
    mutationFn: (doc: DefinitionDocument) => api.post<ValidateResult>(`/api/workflow-definitions/${enc(definitionId)}/draft/validate`, doc),
  });
}

export function useSaveDraft(definitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (doc: DefinitionDocument) => api.put<SaveDraftResult>(`/api/workflow-definitions/${enc(definitionId)}/draft`, doc),
    onSuccess: () => definitionChanged(client),
  });
}

export function usePublish(definitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changeNote: string) => api.post<PublishResult>(`/api/workflow-definitions/${enc(definitionId)}/publish`, { changeNote }),
    onSuccess: () => definitionChanged(client),
  });
}

export function useCreateDefinition() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewDefinitionBody) => api.post<CreatedDefinition>('/api/workflow-definitions', body),
    onSuccess: () => definitionChanged(client),
  });
}

/** Binds a township or county to a definition (`definitionId`), or unbinds it (null). */
export function useBind() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitCode, definitionId }: { unitCode: string; definitionId: string | null }): Promise<WorkflowBinding | null> => (definitionId
      ? api.put<WorkflowBinding>(`/api/workflow-bindings/${enc(unitCode)}`, { definitionId })
      : api.delete<null>(`/api/workflow-bindings/${enc(unitCode)}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.bindings }),
  });
}

export function useRollback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ definitionId, version }: { definitionId: string; version: number }) =>
      api.post<RollbackResult>(`/api/workflow-definitions/${enc(definitionId)}/versions/${version}/rollback`),
    onSuccess: () => definitionChanged(client),
  });
}

export function useRetire() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ definitionId, version }: { definitionId: string; version: number }) =>
      api.post<RetireResult>(`/api/workflow-definitions/${enc(definitionId)}/versions/${version}/retire`),
    onSuccess: () => definitionChanged(client),
  });
}

/** The dispatcher's commands on a case, by the path under /api/events/{id}/. */
export type CaseCommand =
  | { path: 'supervision' | 'urge'; body: CaseNoteBody }
  | { path: 'relocate'; body: RelocateBody }
  | { path: 'reclassify'; body: ReclassifyBody };

// 督办, 催办, 改派网格, 重新分类: each answers the step (where the case stands and its open tasks); the case is re-read.
export function useCaseCommand() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ eventId, command }: { eventId: string; command: CaseCommand }) =>
      api.post<unknown>(`/api/events/${eventId}/${command.path}`, command.body, { 'Idempotency-Key': newIdempotencyKey(eventId) }),
    onSuccess: (_, { eventId }) => caseChanged(client, eventId),
  });
}

// A migration that ran (not a dry run) moves cases to another version: their tasks, details and pinned versions change.
export function useMigrateCases(definitionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MigrationBody) =>
      api.post<MigrationResult>(`/api/workflow-definitions/${enc(definitionId)}/migrations`, body, { 'Idempotency-Key': newIdempotencyKey(definitionId) }),
    onSuccess: (_, body) => (body.dryRun ? undefined : Promise.all([
      client.invalidateQueries({ queryKey: keys.tasks }),
      client.invalidateQueries({ queryKey: keys.cases }),
      client.invalidateQueries({ queryKey: keys.caseList }),
      client.invalidateQueries({ queryKey: keys.pinnedWorkflows }),
    ])),
  });
}

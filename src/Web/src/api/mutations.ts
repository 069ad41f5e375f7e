import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from './client';
import { keys } from './queries';
import type {
  CompleteTaskBody, DefinitionDocument, PublishResult, ReassignBody, RetireResult, RollbackResult, SaveDraftResult, TaskStep,
  TokenResponse, ValidateResult,
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

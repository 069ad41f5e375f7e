import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AdminUnitDetail, AdminUser, AdminWarning, Batch, ImportReport, UnitPage, UserChange, UserPage } from './adminTypes';

const enc = encodeURIComponent;

// Everything under 'admin': a change invalidates its area's prefix.
export const adminKeys = {
  all: ['admin'] as const,
  units: ['admin', 'units'] as const,
  children: (parent: string) => ['admin', 'units', 'children', parent] as const,
  unitSearch: (q: string) => ['admin', 'units', 'search', q] as const,
  unit: (code: string) => ['admin', 'units', 'one', code] as const,
  users: ['admin', 'users'] as const,
  userPage: (search: string) => ['admin', 'users', search] as const,
  batches: (county: string) => ['admin', 'batches', county] as const,
  warnings: ['admin', 'warnings'] as const,
};

/** The caller's own unit, the root of its tree. */
export const rootUnitQuery = () => queryOptions({
  queryKey: adminKeys.children(''),
  queryFn: async () => (await api.get<UnitPage>('/api/admin/units')).items,
});

export const childUnitsQuery = (parent: string) => queryOptions({
  queryKey: adminKeys.children(parent),
  queryFn: async () => (await api.get<UnitPage>(`/api/admin/units?parent=${enc(parent)}&includeRetired=true&limit=500`)).items,
});

export const unitSearchQuery = (q: string) => queryOptions({
  queryKey: adminKeys.unitSearch(q),
  queryFn: () => api.get<UnitPage>(`/api/admin/units?q=${enc(q)}&includeRetired=true&limit=50`),
  enabled: q.length > 0,
});

export const unitQuery = (code: string) => queryOptions({
  queryKey: adminKeys.unit(code),
  queryFn: () => api.get<AdminUnitDetail>(`/api/admin/units/${enc(code)}`),
});

/** `search` is the query string ({@link usersSearch}). */
export const usersQuery = (search: string) => queryOptions({
  queryKey: adminKeys.userPage(search),
  queryFn: () => api.get<UserPage>(`/api/admin/users?${search}`),
});

export const batchesQuery = (county: string) => queryOptions({
  queryKey: adminKeys.batches(county),
  queryFn: () => api.get<Batch[]>(`/api/admin/catalogue/${enc(county)}/batches`),
  enabled: county.length > 0,
});

export const warningsQuery = () => queryOptions({
  queryKey: adminKeys.warnings,
  queryFn: () => api.get<AdminWarning[]>('/api/admin/warnings'),
});

export function useCreateUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<AdminUnitDetail>('/api/admin/units', body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.units }),
  });
}

export function useChangeUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: Record<string, unknown> }) => api.patch<AdminUnitDetail>(`/api/admin/units/${enc(code)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.units }),
  });
}

export function useRetireUnit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) => api.post<AdminUnitDetail>(`/api/admin/units/${enc(code)}/retire`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.units }),
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<AdminUser>('/api/admin/users', body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export type UserAction = 'disable' | 'enable';

export function useUserAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userName, action }: { userName: string; action: UserAction }) => api.post<UserChange>(`/api/admin/users/${enc(userName)}/${action}`),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ userName, password }: { userName: string; password: string }) => api.post<null>(`/api/admin/users/${enc(userName)}/reset-password`, { password }),
  });
}

export type ImportKind = 'units' | 'users';

export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, text, contentType, dryRun }: { kind: ImportKind; text: string; contentType: string; dryRun: boolean }) =>
      api.postText<ImportReport>(`/api/admin/${kind}/import?dryRun=${dryRun}`, text, contentType),
    onSuccess: (report) => (report.applied ? client.invalidateQueries({ queryKey: adminKeys.all }) : undefined),
  });
}

export function useProposeBatch(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => api.post<Batch>(`/api/admin/catalogue/${enc(county)}/batches`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.batches(county) }),
  });
}

export function useDecideBatch(county: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'reject'; note: string }) =>
      api.post<Batch>(`/api/admin/catalogue/${enc(county)}/batches/${id}/${decision}`, { note }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.batches(county) }),
  });
}

export function useUploadCalendar() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: unknown }) => api.put<unknown>(`/api/admin/calendar/${year}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.warnings }),
  });
}

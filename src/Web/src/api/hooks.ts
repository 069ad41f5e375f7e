import { useQuery } from '@tanstack/react-query';
import { activityTypesQuery, versionQuery } from './queries';
import type { ActivityType, DefinitionDocument, WorkflowRef } from './types';

const none: ActivityType[] = [];

/** The designer's palette (empty until it has loaded or when it cannot be loaded). */
export function useActivityTypes(): ActivityType[] {
  return useQuery(activityTypesQuery()).data ?? none;
}

/** A published version of a definition, or null while there is none to show. */
export function useDefinitionVersion(ref: WorkflowRef | null | undefined): DefinitionDocument | null {
  const { data } = useQuery({ ...versionQuery(ref?.definitionId ?? '', ref?.version ?? 0), enabled: !!ref });
  return ref ? data ?? null : null;
}

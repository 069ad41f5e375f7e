import { useQueries } from '@tanstack/react-query';
import { pinnedWorkflowQuery, versionQuery } from '../../api/queries';
import type { QueueTask, WorkflowRef } from '../../api/types';

const refKey = (ref: WorkflowRef) => `${ref.definitionId}@${ref.version}`;

/** Step titles of the listed tasks, from each case's pinned definition version: { [taskId]: title }. */
export function useStepTitles(tasks: readonly QueueTask[] | undefined): Record<string, string> {
  const eventIds = [...new Set((tasks ?? []).map((task) => task.eventId))];
  const pins = useQueries({ queries: eventIds.map((id) => pinnedWorkflowQuery(id)) });
  const pinOf = new Map(eventIds.map((id, i) => [id, pins[i]?.data ?? null]));
  const refs = [...new Map([...pinOf.values()].filter((ref) => ref !== null).map((ref) => [refKey(ref), ref])).values()];
  const docs = useQueries({ queries: refs.map((ref) => versionQuery(ref.definitionId, ref.version)) });
  const docOf = new Map(refs.map((ref, i) => [refKey(ref), docs[i]?.data]));

  const titles: Record<string, string> = {};
  for (const task of tasks ?? []) {
    const ref = pinOf.get(task.eventId);
    const title = ref ? docOf.get(refKey(ref))?.nodes.find((n) => n.id === task.nodeId)?.title : undefined;
    if (title) titles[task.id] = title;
  }
  return titles;
}

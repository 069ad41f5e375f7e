import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { listenToTasks } from '../../api/taskStream';
import { keys } from '../../api/queries';

/** While mounted, refetches every queue query when the server says tasks changed (and after each reconnect). */
export function useTaskStream(): void {
  const client = useQueryClient();
  useEffect(() => {
    const abort = new AbortController();
    const refetch = () => void client.invalidateQueries({ queryKey: keys.tasks });
    void listenToTasks(refetch, refetch, abort.signal);
    return () => abort.abort();
  }, [client]);
}

import { useState } from 'react';
import { useCaseCommand, type CaseCommand } from '../../api/mutations';
import type { CaseDetail } from '../../api/types';
import { commandFailure, noFailure, type CommandFailure } from './caseActionsModel';

/** Sends one case command and keeps what went wrong: checks of our own, the API's field errors or a refusal. */
export function useCaseCommandForm(eventId: string) {
  const command = useCaseCommand();
  const [failure, setFailure] = useState<CommandFailure>(noFailure);

  const run = async (body: CaseCommand): Promise<CaseDetail | null> => {
    setFailure(noFailure);
    try {
      return await command.mutateAsync({ eventId, command: body });
    } catch (error) {
      setFailure(commandFailure(error));
      return null;
    }
  };
  const invalid = (fields: Record<string, string[]>) => setFailure({ fields, refusal: null, message: null });

  return { run, invalid, failure, pending: command.isPending };
}

import { useState } from 'react';
import { useCaseCommand, type CaseCommand } from '../../api/mutations';
import { commandFailure, noFailure, type CommandFailure } from './caseActionsModel';

/** Sends one case command and keeps what went wrong: checks of our own, the API's field errors or a refusal. */
export function useCaseCommandForm(eventId: string) {
  const command = useCaseCommand();
  const [failure, setFailure] = useState<CommandFailure>(noFailure);

  /** True when the server took the command. */
  const run = async (body: CaseCommand): Promise<boolean> => {
    setFailure(noFailure);
    try {
      await command.mutateAsync({ eventId, command: body });
      return true;
    } catch (error) {
      setFailure(commandFailure(error));
      return false;
    }
  };
  const invalid = (fields: Record<string, string[]>) => setFailure({ fields, refusal: null, message: null });

  return { run, invalid, failure, pending: command.isPending };
}

import type { JournalActor } from '../../api/types';
import { useT } from '../../i18n/useT';
import { actorLabel } from './replaySteps';

// A person by name, the user id on hover (auditors have no user lookup; the trace carries the names).
export default function ActorName({ actor }: { actor: JournalActor }) {
  const t = useT();
  return <span className="actor-name" title={actor.userId} data-user-id={actor.userId}>{actorLabel(actor, t('actorSystem'))}</span>;
}

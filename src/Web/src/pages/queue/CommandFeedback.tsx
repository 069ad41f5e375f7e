import { useT } from '../../i18n/useT';
import { refusalKey, type CommandFailure } from './caseActionsModel';

// A refusal in our own words (the code stays on the element for tests), or the line a failure left for the form.
export default function CommandFeedback({ failure }: { failure: CommandFailure }) {
  const t = useT();
  if (failure.refusal) {
    return (
      <div className="error refusal" role="alert" data-testid="case-action-refusal" data-refusal={failure.refusal}>
        <b>{t('actionRefused')}</b>
        <div>{t(refusalKey(failure.refusal))}</div>
      </div>
    );
  }
  return failure.message ? <div className="error" role="alert">{failure.message}</div> : null;
}

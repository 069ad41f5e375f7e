import type { VerifyResult } from '../../api/types';
import { useT } from '../../i18n/useT';

// The journal's check: the hash chain is intact and replaying it gives the stored state.
export default function VerifyBadge({ verify }: { verify: VerifyResult | undefined }) {
  const t = useT();
  if (!verify) return null;
  const good = verify.chainValid && verify.replayMatches;
  return (
    <span className={`badge ${good ? 'good' : 'bad'}`} data-testid="verify-badge">
      {good ? `✔ ${t('verifyOk')}` : `✘ ${t('verifyBad', verify.firstBadSeq ?? '?')}`}
      <small> · {t('chainValid')} {verify.chainValid ? t('ok') : t('bad')} · {t('replayMatches')} {verify.replayMatches ? t('ok') : t('bad')}</small>
    </span>
  );
}

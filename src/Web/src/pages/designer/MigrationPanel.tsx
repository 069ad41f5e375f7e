import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ApiError, messageOf } from '../../api/client';
import { useMigrateCases } from '../../api/mutations';
import { versionQuery } from '../../api/queries';
import type { MigrationResult, VersionSummary } from '../../api/types';
import { useT } from '../../i18n/useT';
import ConfirmBox from './ConfirmBox';
import MigrationResultView from './MigrationResultView';
import { appendPage, defaultNodeMap, migrationBody, nodeChoices, type NodeMap } from './migrationModel';
import NodeMapTable from './NodeMapTable';

interface Shown {
  result: MigrationResult;
  dryRun: boolean;
}

const failureText = (error: unknown) => (error instanceof ApiError && Object.keys(error.fieldErrors).length
  ? Object.entries(error.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(' ')}`).join('；')
  : messageOf(error));

// Moving open cases between two published versions: a node map, a dry run, then the migration once confirmed.
// Apply is offered only after a dry run of the same versions and map; a change to either asks for a new one.
export default function MigrationPanel({ definitionId, versions }: { definitionId: string; versions: VersionSummary[] }) {
  const t = useT();
  const migrate = useMigrateCases(definitionId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [edits, setEdits] = useState<NodeMap>({});
  const [shown, setShown] = useState<Shown | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fromDoc = useQuery({ ...versionQuery(definitionId, Number(from)), enabled: from !== '' });
  const toDoc = useQuery({ ...versionQuery(definitionId, Number(to)), enabled: to !== '' });
  const ready = from !== '' && to !== '' && from !== to && fromDoc.data && toDoc.data;
  const map: NodeMap = ready ? { ...defaultNodeMap(fromDoc.data, toDoc.data), ...edits } : {};

  const reset = () => {
    setShown(null);
    setConfirming(false);
    setError(null);
  };
  const chooseVersions = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    setEdits({});
    reset();
  };

  const run = async (dryRun: boolean, after?: string | null) => {
    setError(null);
    setConfirming(false);
    try {
      const page = await migrate.mutateAsync(migrationBody(Number(from), Number(to), map, dryRun, after));
      setShown({ result: after && shown ? appendPage(shown.result, page) : page, dryRun });
    } catch (e) {
      setError(failureText(e));
    }
  };

  const versionLabel = (v: VersionSummary) => `v${v.version}${v.status === 'Retired' ? ` · ${t('versionStatus.Retired')}` : ''}`;
  const dryRunShown = shown?.dryRun ? shown.result : null;
  const loadError = fromDoc.error ?? toDoc.error;

  return (
    <section className="card migration-panel" data-testid="migration">
      <h3>{t('migration')}</h3>
      <p className="muted small">{t('migrationHint')}</p>
      <div className="form-row">
        <label className="field"><span>{t('fromVersion')}</span>
          <select name="migrateFrom" value={from} onChange={(e) => chooseVersions(e.target.value, to)}>
            <option value="">{t('chooseVersion')}</option>
            {versions.map((v) => <option key={v.version} value={v.version}>{versionLabel(v)}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('toVersion')}</span>
          <select name="migrateTo" value={to} onChange={(e) => chooseVersions(from, e.target.value)}>
            <option value="">{t('chooseVersion')}</option>
            {versions.filter((v) => v.status === 'Published').map((v) => <option key={v.version} value={v.version}>{versionLabel(v)}</option>)}
          </select>
        </label>
      </div>
      {from !== '' && from === to && <p className="muted">{t('sameVersion')}</p>}
      {loadError && <div className="error">{loadError.message}</div>}
      {ready && (
        <>
          <h4>{t('nodeMap')}</h4>
          <NodeMapTable fromNodes={fromDoc.data.nodes} targets={nodeChoices(toDoc.data)} map={map}
            onChange={(fromId, toId) => { setEdits({ ...edits, [fromId]: toId }); reset(); }} />
          <div className="toolbar">
            <button type="button" disabled={migrate.isPending} onClick={() => void run(true)}>{t('migrationDryRun')}</button>
            <button type="button" className="primary" disabled={migrate.isPending || !dryRunShown || dryRunShown.moved.length === 0}
              onClick={() => setConfirming(true)}>{t('migrationApply')}</button>
          </div>
          {confirming && dryRunShown && (
            <ConfirmBox text={t('migrationConfirm', `${dryRunShown.moved.length}${dryRunShown.next ? '+' : ''}`, from, to)}
              onConfirm={() => void run(false)} onCancel={() => setConfirming(false)} />
          )}
        </>
      )}
      {error && <div className="error" role="alert">{error}</div>}
      {shown && <MigrationResultView result={shown.result} dryRun={shown.dryRun} busy={migrate.isPending} onMore={() => void run(shown.dryRun, shown.result.next)} />}
    </section>
  );
}

import { useState, type ChangeEvent } from 'react';
import { useImport, type ImportKind } from '../../api/admin';
import type { ImportProblem, ImportReport } from '../../api/adminTypes';
import { ApiError, messageOf } from '../../api/client';
import { useT } from '../../i18n/useT';
import { canApply, importContentType } from './adminModel';
import ImportPreview from './ImportPreview';

interface DryRun {
  kind: ImportKind;
  text: string;
  valid: boolean;
}

// Import (导入): a units or users file, chosen or pasted; the dry run (试导入) previews it, and only a valid dry run of
// exactly this text can be applied (确认导入).
export default function ImportSection() {
  const t = useT();
  const run = useImport();
  const [kind, setKind] = useState<ImportKind>('users');
  const [text, setText] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setText(await file.text());
  };
  const send = async (dry: boolean) => {
    setError(null);
    setNotice(null);
    try {
      const result = await run.mutateAsync({ kind, text, contentType: importContentType(kind, text), dryRun: dry });
      setReport(result);
      if (dry) setDryRun({ kind, text, valid: result.valid });
      else { setDryRun(null); setNotice(t('imported', result.rows)); }
    } catch (err) {
      setDryRun(null);
      const problems = err instanceof ApiError ? (err.problem as { problems?: ImportProblem[] }).problems : undefined;
      if (problems) setReport({ dryRun: false, valid: false, applied: false, rows: 0, problems });
      setError(messageOf(err));
    }
  };

  return (
    <section className="card import-section">
      <h3>{t('importTitle')}</h3>
      <div className="toolbar">
        {(['units', 'users'] as const).map((k) => (
          <label key={k} className="inline">
            <input type="radio" name="importKind" value={k} checked={kind === k} onChange={() => { setKind(k); setReport(null); }} />
            {t(k === 'units' ? 'importUnits' : 'importUsers')}
          </label>
        ))}
        <label className="inline">{t('importFile')}
          <input type="file" name="importFile" accept=".csv,.json,text/csv,application/json" onChange={(e) => void pick(e)} />
        </label>
      </div>
      <label className="field"><span>{t('importText')}</span>
        <textarea name="importText" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="toolbar">
        <button type="button" disabled={run.isPending || !text.trim()} onClick={() => void send(true)}>{t('dryRun')}</button>
        <button type="button" className="primary" disabled={run.isPending || !canApply(dryRun, text, kind)} onClick={() => void send(false)}>{t('applyImport')}</button>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
      {notice && <div className="notice" role="status">{notice}</div>}
      {report && <ImportPreview report={report} />}
    </section>
  );
}

import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { ApiError, messageOf } from '../../api/client';
import { useActivityTypes } from '../../api/hooks';
import { useRetire, useRollback } from '../../api/mutations';
import { definitionsQuery, diffQuery, draftQuery, versionQuery, versionsQuery } from '../../api/queries';
import type { DefinitionDocument } from '../../api/types';
import { useT } from '../../i18n/useT';
import { titleIn } from '../../schemaForm/schema';
import BindingsPanel from './BindingsPanel';
import ConfirmBox from './ConfirmBox';
import DiffPicker from './DiffPicker';
import Editor from './Editor';
import { diffView, type EditorView } from './editorView';
import MigrationPanel from './MigrationPanel';
import { canMigrate } from './migrationModel';
import NewDefinitionForm from './NewDefinitionForm';
import { forgetUnsaved, readUnsaved, type UnsavedDraft } from './unsavedDraft';
import VersionList from './VersionList';

// Definitions and their versions on the left; the editor (a draft, a version or a comparison) beside them.
export default function DesignerPage() {
  const t = useT();
  const client = useQueryClient();
  const types = useActivityTypes();
  const definitions = useQuery(definitionsQuery());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const versions = useQuery({ ...versionsQuery(selectedId ?? ''), enabled: selectedId !== null });
  const rollbackTo = useRollback();
  const retireVersion = useRetire();
  const [view, setView] = useState<EditorView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Unsaved edits kept in the browser, offered back over the draft they were made on.
  const [offer, setOffer] = useState<{ unsaved: UnsavedDraft; base: EditorView } | null>(null);
  const [replacing, setReplacing] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [showBindings, setShowBindings] = useState(false);

  // The draft when there is one, else a new draft from the latest version.
  const openDefinition = useCallback(async (id: string) => {
    setSelectedId(id);
    setShowBindings(false);
    setError(null);
    setNotice(null);
    setOffer(null);
    setReplacing(null);
    try {
      const [, defs] = await Promise.all([client.fetchQuery(versionsQuery(id)), client.fetchQuery(definitionsQuery())]);
      const def = defs.find((d) => d.id === id);
      let opened: EditorView | null = null;
      if (def?.hasDraft) {
        const draft = await client.fetchQuery(draftQuery(id));
        opened = { doc: draft.definition, editable: true, problems: draft.problems, label: draft.basedOnVersion ? `${t('draft')} ← v${draft.basedOnVersion}` : t('draft'), key: `draft-${Date.now()}` };
      } else if (def?.latestVersion) {
        const doc = await client.fetchQuery(versionQuery(id, def.latestVersion));
        opened = { doc, editable: true, problems: [], label: `${t('draft')} ← v${def.latestVersion}`, key: `new-${Date.now()}` };
      }
      setView(opened);
      const unsaved = readUnsaved(localStorage, id);
      if (opened && unsaved) setOffer({ unsaved, base: opened });
    } catch (e) {
      setError(messageOf(e));
    }
  }, [client, t]);

  const viewVersion = async (id: string, v: number) => {
    try {
      const doc = await client.fetchQuery(versionQuery(id, v));
      setView({ doc, editable: false, problems: [], label: `v${v}`, key: `v${v}` });
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const restoreUnsaved = () => {
    if (!offer) return;
    setView({ ...offer.base, doc: offer.unsaved.doc, saved: offer.base.doc, problems: [], key: `restored-${Date.now()}` });
    setOffer(null);
    setNotice(t('unsavedRestored'));
  };
  const discardUnsaved = (id: string) => { forgetUnsaved(localStorage, id); setOffer(null); };

  // A new draft from a version replaces the draft there is: asked first.
  const askRollback = async (id: string, v: number) => {
    setError(null);
    try {
      const defs = await client.fetchQuery({ ...definitionsQuery(), staleTime: 0 });
      if (defs.find((d) => d.id === id)?.hasDraft) setReplacing(v);
      else await rollback(id, v);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const rollback = async (id: string, v: number) => {
    setReplacing(null);
    try {
      await rollbackTo.mutateAsync({ definitionId: id, version: v });
      await openDefinition(id);
      setNotice(t('rolledBack', v));
    } catch (e) {
      setError(messageOf(e));
    }
  };

  // The API refuses (409) to retire the last published version, one already retired, or the one the server starts new cases on.
  const retire = async (id: string, v: number) => {
    setError(null);
    setNotice(null);
    try {
      await retireVersion.mutateAsync({ definitionId: id, version: v });
      setNotice(t('retired', v));
    } catch (e) {
      const reason = !(e instanceof ApiError) ? undefined
        : e.is('last-published') ? t('retireLastPublished', v)
          : e.is('already-retired') ? t('retireAlreadyRetired', v)
            : e.is('start-version') ? t('retireStartVersion', v)
              : e.problem.detail;
      setError(e instanceof ApiError && e.status === 409 ? `${t('retireRefused', v)}${reason ? `：${reason}` : ''}` : messageOf(e));
    }
  };

  const loadSide = async (id: string, side: string): Promise<DefinitionDocument> => (side === 'draft'
    ? (await client.fetchQuery(draftQuery(id))).definition
    : client.fetchQuery(versionQuery(id, Number(side))));
  const compare = async (id: string, from: string, to: string) => {
    setError(null);
    try {
      const [comparison, fromDoc, toDoc] = await Promise.all([client.fetchQuery(diffQuery(id, from, to)), loadSide(id, from), loadSide(id, to)]);
      const { doc, diff } = diffView(comparison, fromDoc, toDoc);
      const label = (side: string) => (side === 'draft' ? t('draft') : `v${side}`);
      setView({ doc, editable: false, problems: [], label: `${t('diff')} ${label(from)} → ${label(to)}`, key: `diff-${from}-${to}-${Date.now()}`, diff });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail || e.problem.title || e.message : messageOf(e));
    }
  };

  const list = definitions.data ?? [];
  const selectedDefinition = list.find((d) => d.id === selectedId);
  const versionList = versions.data ?? [];
  const sides = [...versionList.map((v) => String(v.version)), ...(selectedDefinition?.hasDraft ? ['draft'] : [])];
  const shownError = error ?? (definitions.error ? definitions.error.message : null);

  return (
    <div className="designer-page">
      <aside className="card side">
        <h3>{t('definitions')}</h3>
        <ul className="plain-list">
          {list.map((d) => (
            <li key={d.id}>
              <button type="button" className={`list-button ${d.id === selectedId ? 'current' : ''}`} data-definition={d.id} onClick={() => void openDefinition(d.id)}>
                <b>{titleIn(d.name, t.lang)}</b><br /><small>{d.id} · {t('latest')} v{d.latestVersion}{d.hasDraft ? ` · ${t('hasDraft')}` : ''}</small>
              </button>
            </li>
          ))}
        </ul>
        {creating ? (
          <NewDefinitionForm onCancel={() => setCreating(false)}
            onCreated={(id) => { setCreating(false); void openDefinition(id).then(() => setNotice(t('definitionCreated', id))); }} />
        ) : (
          <p className="side-actions">
            <button type="button" onClick={() => setCreating(true)}>＋ {t('newDefinition')}</button>
            <button type="button" aria-pressed={showBindings} onClick={() => setShowBindings(!showBindings)}>{t('bindingsButton')}</button>
          </p>
        )}
        {selectedId && (
          <>
            <h3>{t('versions')}</h3>
            <VersionList versions={versionList} onView={(v) => void viewVersion(selectedId, v)} onRollback={(v) => void askRollback(selectedId, v)}
              onRetire={(v) => void retire(selectedId, v)} />
            <h3>{t('diff')}</h3>
            <DiffPicker sides={sides} onCompare={(from, to) => void compare(selectedId, from, to)} />
          </>
        )}
        {selectedId && replacing !== null && (
          <ConfirmBox text={t('replaceDraftConfirm', replacing)} onConfirm={() => { forgetUnsaved(localStorage, selectedId); void rollback(selectedId, replacing); }} onCancel={() => setReplacing(null)} />
        )}
        {selectedId && offer && (
          <div className="notice unsaved-offer" data-testid="unsaved-offer">
            <p>{t('unsavedOffer', t.date(offer.unsaved.keptAt))}</p>
            <button type="button" className="primary" onClick={restoreUnsaved}>{t('restoreUnsaved')}</button>
            <button type="button" onClick={() => discardUnsaved(selectedId)}>{t('discardUnsaved')}</button>
          </div>
        )}
        {shownError && <div className="error" role="alert" data-testid="designer-error">{shownError}</div>}
        {notice && <div className="notice" role="status">{notice}</div>}
      </aside>
      {showBindings ? <BindingsPanel onClose={() => setShowBindings(false)} /> : view && selectedId ? (
        <ReactFlowProvider key={view.key}>
          <Editor definitionId={selectedId} initial={view} types={types}
            onEditDraft={() => void openDefinition(selectedId)} onPublished={async (text) => { await openDefinition(selectedId); setNotice(text); }} />
        </ReactFlowProvider>
      ) : <section className="card canvas muted">{t('designerTitle')}</section>}
      {selectedId && canMigrate(versionList) && <MigrationPanel key={selectedId} definitionId={selectedId} versions={versionList} />}
    </div>
  );
}

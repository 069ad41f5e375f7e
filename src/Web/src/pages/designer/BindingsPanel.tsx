import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { messageOf } from '../../api/client';
import { useBind } from '../../api/mutations';
import { bindingsQuery, definitionsQuery, orgUnitsQuery } from '../../api/queries';
import type { OrgUnit } from '../../api/types';
import { useT } from '../../i18n/useT';
import { titleIn } from '../../schemaForm/schema';
import { bindable } from './bindingsModel';
import CountyBindings from './CountyBindings';

// 一乡一策: counties and their townships as a tree, each with the workflow it runs for new cases; bind or unbind.
export default function BindingsPanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const counties = useQuery(orgUnitsQuery('County')).data ?? [];
  const bindings = useQuery(bindingsQuery()).data ?? [];
  const definitions = bindable(useQuery(definitionsQuery()).data ?? []);
  const bind = useBind();
  const [message, setMessage] = useState<{ bad: boolean; text: string } | null>(null);
  const onBind = async (unit: OrgUnit, definitionId: string | null) => {
    setMessage(null);
    try {
      await bind.mutateAsync({ unitCode: unit.code, definitionId });
      const name = definitionId ? titleIn(definitions.find((d) => d.id === definitionId)?.name, t.lang) || definitionId : '';
      setMessage({ bad: false, text: definitionId ? t('bindingSaved', unit.name, name) : t('unbindingSaved', unit.name) });
    } catch (e) {
      setMessage({ bad: true, text: messageOf(e) });
    }
  };
  return (
    <section className="card canvas-area bindings" data-testid="bindings">
      <div className="toolbar">
        <b>{t('bindingsTitle')}</b>
        <button type="button" onClick={onClose}>{t('backToDesigner')}</button>
      </div>
      <p className="muted small">{t('bindingsHint')}</p>
      {message && <div className={message.bad ? 'error' : 'notice'} role="status">{message.text}</div>}
      <table className="grid-table">
        <thead><tr><th>{t('bindingUnit')}</th><th>{t('runsDefinition')}</th><th>{t('changeBinding')}</th></tr></thead>
        <tbody>
          {[...counties].sort((a, b) => a.code.localeCompare(b.code)).map((county) => (
            <CountyBindings key={county.code} county={county} bindings={bindings} definitions={definitions} onBind={(u, d) => void onBind(u, d)} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

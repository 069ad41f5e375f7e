import { useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { childUnitsQuery, rootUnitQuery } from '../../api/admin';
import type { AdminUnit } from '../../api/adminTypes';
import { useT } from '../../i18n/useT';
import { ancestorsOf, flattenTree } from './adminModel';
import UnitDetails from './UnitDetails';
import UnitSearch from './UnitSearch';
import UnitTree from './UnitTree';

const none: AdminUnit[] = [];

// Units (单位): the tree of the administrator's area (children loaded on expand), a search, and the selected unit.
export default function UnitsSection() {
  const t = useT();
  const roots = useQuery(rootUnitQuery());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const open = [...expanded];
  const children = useQueries({ queries: open.map((code) => childUnitsQuery(code)) });
  const loaded = new Map(open.map((code, i) => [code, children[i]?.data]));
  const rows = flattenTree(roots.data ?? none, (code) => loaded.get(code), expanded);

  const toggle = (code: string) => setExpanded((current) => {
    const next = new Set(current);
    if (!next.delete(code)) next.add(code);
    return next;
  });
  // A unit found by search: open the tree down to it and select it.
  const reveal = (code: string) => {
    const root = roots.data?.[0]?.code ?? '';
    setExpanded((current) => new Set([...current, root, ...ancestorsOf(code, root)]));
    setSelected(code);
  };

  return (
    <div className="units-section">
      <section className="card side">
        <h3>{t('unitTree')}</h3>
        <UnitSearch onPick={reveal} />
        {roots.error && <div className="error">{roots.error.message}</div>}
        <UnitTree rows={rows} selected={selected} onToggle={toggle} onSelect={setSelected} />
      </section>
      <section className="card">
        {selected ? <UnitDetails key={selected} code={selected} onCreated={(parent) => setExpanded((c) => new Set([...c, parent]))} />
          : <p className="muted">{t('selectUnit')}</p>}
      </section>
    </div>
  );
}

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { childUnitsQuery } from '../../api/queries';
import type { DefinitionSummary, OrgUnit, WorkflowBinding } from '../../api/types';
import BindingRow from './BindingRow';

interface Props {
  county: OrgUnit;
  bindings: WorkflowBinding[];
  definitions: DefinitionSummary[];
  onBind: (unit: OrgUnit, definitionId: string | null) => void;
}

// A county and, once opened, its townships (loaded then), each with the workflow it runs.
export default function CountyBindings({ county, bindings, definitions, onBind }: Props) {
  const [open, setOpen] = useState(false);
  const children = useQuery({ ...childUnitsQuery(county.code), enabled: open });
  const townships = (children.data ?? []).filter((u) => u.level === 'Township' && u.kind !== 'Department');
  return (
    <>
      <BindingRow unit={county} county={null} bindings={bindings} definitions={definitions} depth={0} expanded={open} onToggle={() => setOpen(!open)} onBind={onBind} />
      {open && townships.map((township) => (
        <BindingRow key={township.code} unit={township} county={county} bindings={bindings} definitions={definitions} depth={1} onBind={onBind} />
      ))}
    </>
  );
}

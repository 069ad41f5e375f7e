import { useQuery } from '@tanstack/react-query';
import { allOrgUnitsQuery } from '../../api/queries';
import type { OrgUnit } from '../../api/types';
import { useSignedIn } from '../../app/useSession';

const none: OrgUnit[] = [];

/** Every unit and the user's own unit (whose area a unit field offers), loaded only when a form asks for them. */
export function useAreaUnits(enabled: boolean): { units: OrgUnit[]; userUnit: string; error: Error | null } {
  const session = useSignedIn();
  const query = useQuery({ ...allOrgUnitsQuery(), enabled });
  return { units: query.data ?? none, userUnit: session.unit, error: query.error };
}

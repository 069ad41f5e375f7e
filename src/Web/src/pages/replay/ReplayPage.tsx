import { useParams } from 'react-router';
import CaseList from './CaseList';
import CaseReplay from './CaseReplay';

// /replay lists the cases; /replay/{caseId} replays one.
export default function ReplayPage() {
  const { caseId } = useParams();
  return caseId ? <CaseReplay key={caseId} caseId={caseId} /> : <CaseList />;
}

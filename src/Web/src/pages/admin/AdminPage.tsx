import { Link, useParams } from 'react-router';
import { useT } from '../../i18n/useT';
import CalendarSection from './CalendarSection';
import CatalogueSection from './CatalogueSection';
import ImportSection from './ImportSection';
import UnitsSection from './UnitsSection';
import UsersSection from './UsersSection';
import WarningsBanner from './WarningsBanner';

const sections = {
  units: UnitsSection,
  users: UsersSection,
  import: ImportSection,
  catalogue: CatalogueSection,
  calendar: CalendarSection,
} as const;

type Section = keyof typeof sections;

const isSection = (value: string | undefined): value is Section => !!value && Object.hasOwn(sections, value);

// The administration area (系统管理): what needs acting on, the sections' tabs, and the chosen section.
export default function AdminPage() {
  const t = useT();
  const param = useParams().section;
  const section: Section = isSection(param) ? param : 'units';
  const Body = sections[section];
  return (
    <div className="admin-page">
      <WarningsBanner />
      <nav className="admin-tabs">
        {(Object.keys(sections) as Section[]).map((s) => (
          <Link key={s} to={`/admin/${s}`} className={s === section ? 'current' : ''}>{t(`admin.${s}`)}</Link>
        ))}
      </nav>
      <Body />
    </div>
  );
}

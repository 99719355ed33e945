/** Knowledge base: collections (list, create, delete), a collection's documents and uploads, search, guard playground. */
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { CollectionPage } from './collection-page.tsx';
import { CollectionsPage } from './collections-page.tsx';
import { GuardPage } from './guard-page.tsx';
import { SearchPage } from './search-page.tsx';
import './knowledge.css';

const tabClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab active' : 'tab');

export function KnowledgePage() {
  const { t } = useTranslation();
  return (
    <section className="page knowledge-page" aria-labelledby="knowledge-title" data-testid="knowledge-page">
      <h1 id="knowledge-title">{t('knowledge.title')}</h1>
      <p className="muted">{t('knowledge.intro')}</p>
      <nav aria-label={t('knowledge.sections')} className="tabs">
        <NavLink end to="/knowledge" className={tabClass}>
          {t('knowledge.tabs.collections')}
        </NavLink>
        <NavLink to="/knowledge/search" className={tabClass}>
          {t('knowledge.tabs.search')}
        </NavLink>
        <NavLink to="/knowledge/guard" className={tabClass}>
          {t('knowledge.tabs.guard')}
        </NavLink>
      </nav>
      <Routes>
        <Route index element={<CollectionsPage />} />
        <Route path="collections/:id" element={<CollectionPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="guard" element={<GuardPage />} />
      </Routes>
    </section>
  );
}

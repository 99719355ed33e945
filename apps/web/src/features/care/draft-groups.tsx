/**
 * The care tab's prescription drafts under one heading per state (issue 20: a signed order stayed under 处方草稿):
 * drafts the prescriber acts on (unsigned, or returned by the pharmacist), orders signed and awaiting the
 * pharmacist's review (no edit, no signing, printed after approval — decision 0017), and what this page signed or
 * withdrew. Empty groups are not shown.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../api/care.ts';
import { draftGroups } from './draft-phase.ts';

export function DraftGroups({
  drafts,
  render,
}: {
  drafts: readonly DraftView[];
  render: (d: DraftView) => ReactNode;
}) {
  const { t } = useTranslation();
  const groups = draftGroups(drafts);
  return (
    <div data-testid="drafts">
      {groups.map((g) => (
        <section
          key={g.id}
          className="draft-group"
          aria-labelledby={`draft-group-${g.id}`}
          data-testid={`draft-group-${g.id}`}
        >
          <h3 id={`draft-group-${g.id}`}>{t(`careDraft.groups.${g.id}`)}</h3>
          {g.id === 'awaiting' && <p className="muted">{t('careDraft.groups.awaitingHint')}</p>}
          <ul className="care-list">{g.drafts.map(render)}</ul>
        </section>
      ))}
    </div>
  );
}

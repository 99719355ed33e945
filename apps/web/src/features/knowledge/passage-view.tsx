/** A retrieved passage with its citation data and the query terms marked (offsets computed by the server). */
import { useTranslation } from 'react-i18next';
import type { Passage } from '../../api/knowledge.ts';
import { highlightRuns } from './text-segments.ts';

export function HighlightedText({ text, ranges }: { text: string; ranges?: Passage['highlights'] }) {
  return (
    <>
      {highlightRuns(text, ranges).map((run, i) =>
        run.marked ? (
          <mark key={i} className="kb-hit">
            {run.text}
          </mark>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </>
  );
}

export function PassageView({ passage, rank }: { passage: Passage; rank: number }) {
  const { t } = useTranslation();
  const headingId = `kb-passage-${rank}`;
  return (
    <li className="kb-passage" data-testid="kb-passage" aria-labelledby={headingId}>
      <div className="kb-passage-head">
        <h3 id={headingId}>
          <span className="visually-hidden">
            {t('knowledge.search.rank', { n: rank })}
            {t('common.colon')}
          </span>
          {passage.title}
        </h3>
        <span className="badge badge-info" title={t('knowledge.search.score')}>
          {t('knowledge.search.score')} {passage.score.toFixed(3)}
        </span>
      </div>
      <dl className="kb-citation">
        <div>
          <dt>{t('knowledge.search.section')}</dt>
          <dd data-testid="kb-passage-section">{passage.section || '—'}</dd>
        </div>
        <div>
          <dt>{t('knowledge.search.document')}</dt>
          <dd>
            <span className="mono">{passage.document}</span>
            {passage.page ? ` · ${t('knowledge.search.page', { page: passage.page })}` : ''} ·{' '}
            {passage.collection} · <span className="mono">[{passage.id}]</span>
          </dd>
        </div>
      </dl>
      <p className="kb-passage-text" data-testid="kb-passage-text">
        <HighlightedText text={passage.text} ranges={passage.highlights} />
      </p>
    </li>
  );
}

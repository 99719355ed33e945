/** ABPM summary in the BP tab (issue 17 item 6): 24 h / day / night means, dipping, phenotype, guideline named. */
import type { AbpmAnswer, AbpmLatest } from '../../api/bp.ts';
import { request } from '../../api/client.ts';
import { isApiError } from '../../api/index.ts';
import { formatInZone } from '../../lib/zone-time.ts';
import { useAsync, type AsyncState } from '../../lib/use-async.ts';

/** One period (24 h, day, night) of the server's ABPM summary. */
type Period = AbpmAnswer['summary']['24h'];

const TEXT = {
  zh: {
    title: '24 小时动态血压',
    none: '尚无动态血压记录',
    h24: '24 小时',
    day: '白天',
    night: '夜间',
    dip: '夜间下降',
    phen: '表型',
    src: '依据',
    invalid: '读数不足，结果仅供参考',
    high: '偏高',
    readings: (n: number) => `共 ${n} 次读数`,
  },
  en: {
    title: '24-hour ambulatory BP',
    none: 'No ambulatory recording yet',
    h24: '24 h',
    day: 'Day',
    night: 'Night',
    dip: 'Nocturnal dip',
    phen: 'Phenotype',
    src: 'Guideline',
    invalid: 'Too few readings: informative only',
    high: 'high',
    readings: (n: number) => `${n} readings`,
  },
};

/**
 * The patient's latest ABPM summary, null when none was uploaded (the server answers `{ recording: null }`; an
 * older server's 404 is read the same way); shared by the card and the dipping tile.
 */
export function useAbpm(patientId: string): AsyncState<AbpmAnswer | null> {
  return useAsync(
    (signal) =>
      request<AbpmLatest>(`/api/abpm/patients/${encodeURIComponent(patientId)}/abpm`, {
        signal,
      }).then(
        (v) => ('summary' in v ? v : null),
        (error: unknown) => {
          if (isApiError(error) && error.status === 404) return null;
          throw error;
        },
      ),
    [patientId],
  );
}

export function AbpmCard({
  abpm,
  lang,
  timeZone,
}: {
  abpm: AsyncState<AbpmAnswer | null>;
  lang: string;
  /** The patient's (or hospital's) zone: the recording's start and end are shown in it. */
  timeZone?: string;
}) {
  const zh = lang === 'zh-CN';
  const T = zh ? TEXT.zh : TEXT.en;
  const row = (label: string, p: Period) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="num">{p.n}</td>
      <td className="num">{p.mean ? `${Math.round(p.mean.sbp)}/${Math.round(p.mean.dbp)}` : '—'}</td>
      <td>
        {p.mean && (
          <span className={p.high ? 'badge badge-high' : 'badge badge-ok'}>
            {p.high ? `${T.high} ` : ''}({p.threshold.sbp}/{p.threshold.dbp})
          </span>
        )}
      </td>
    </tr>
  );
  return (
    <section aria-labelledby="bp-abpm-title" className="card" data-testid="bp-abpm">
      <h2 id="bp-abpm-title">{T.title}</h2>
      {abpm.status === 'success' && abpm.data === null && <p>{T.none}</p>}
      {abpm.status === 'success' && abpm.data !== null && (
        <>
          <p className="tile-meta">
            {formatInZone(abpm.data.start, timeZone, lang)} – {formatInZone(abpm.data.end, timeZone, lang)} ·{' '}
            {T.readings(abpm.data.readings)}
            {abpm.data.summary.valid ? '' : ` · ${T.invalid}`}
          </p>
          <table className="data-table">
            <tbody>
              {row(T.h24, abpm.data.summary['24h'])}
              {row(T.day, abpm.data.summary.day)}
              {row(T.night, abpm.data.summary.night)}
            </tbody>
          </table>
          {abpm.data.summary.dipping && (
            <p>
              {T.dip}: {abpm.data.summary.dipping.dipPercent.toFixed(1)}% —{' '}
              {zh ? abpm.data.summary.dipping.display.zh : abpm.data.summary.dipping.display.en}
            </p>
          )}
          {abpm.data.phenotype && (
            <p>
              {T.phen}
              {zh ? '：' : ': '}
              {zh ? abpm.data.phenotype.display.zh : abpm.data.phenotype.display.en}
            </p>
          )}
          <p className="tile-meta">
            {T.src}
            {zh ? '：' : ': '}
            {abpm.data.sources.join(zh ? '；' : '; ')}
          </p>
        </>
      )}
    </section>
  );
}

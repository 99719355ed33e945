/**
 * Care tab (issue 17 item 4): the latest measured BP (device or clinic) and what the patient recalled in an
 * intake, kept apart and labelled; a deceased patient is labelled, with age at death instead of an age.
 */
import type { CareSummary } from '../../api/care.ts';
import { useCareTime } from './care-zone.tsx';

export type CurrencyFields = Pick<CareSummary, 'patient' | 'latestMeasured' | 'patientReported'> &
  Partial<Pick<CareSummary, 'timeZone'>>;

const TEXT = {
  zh: {
    title: '血压数据来源',
    measured: '最近一次实测血压',
    home: '家庭自测（设备）',
    manual: '家庭自测（手动录入）',
    office: '诊室测量',
    none: '暂无实测读数',
    reported: '记得的读数（时间不详）：问诊中自述，未经测量核实，不计入评估',
    reportedAt: '自述于',
    deceased: '患者已故',
    ageAtDeath: '享年',
  },
  en: {
    title: 'Where the BP values come from',
    measured: 'Latest measured BP',
    home: 'home (device)',
    manual: 'home (typed in)',
    office: 'clinic',
    none: 'No measured reading yet',
    reported:
      'Remembered reading (time not known): told in an intake, not measured, not used in the assessment',
    reportedAt: 'reported',
    deceased: 'Patient deceased',
    ageAtDeath: 'age at death',
  },
};

/** How the latest measured reading came in: the clinic, a home device, or typed in by the patient (issue 20). */
export function measuredLabel(
  m: { setting: 'home' | 'office'; manual?: boolean },
  T: { home: string; manual: string; office: string },
): string {
  if (m.setting === 'office') return T.office;
  return m.manual ? T.manual : T.home;
}

export function DeceasedBanner({ summary, lang }: { summary: CurrencyFields; lang: string }) {
  const d = summary.patient.deceased;
  if (!d) return null;
  const T = lang === 'zh-CN' ? TEXT.zh : TEXT.en;
  return (
    <p className="notice span-2" role="status" data-testid="care-deceased">
      {T.deceased}
      {d.date ? ` · ${d.date.slice(0, 10)}` : ''}
      {d.ageAtDeath !== undefined ? ` · ${T.ageAtDeath} ${d.ageAtDeath}` : ''}
    </p>
  );
}

export function MeasuredCard({ summary, lang }: { summary: CurrencyFields; lang: string }) {
  const T = lang === 'zh-CN' ? TEXT.zh : TEXT.en;
  const time = useCareTime();
  const m = summary.latestMeasured;
  return (
    <section className="card" aria-labelledby="care-measured-title" data-testid="care-measured">
      <h2 id="care-measured-title">{T.title}</h2>
      <p>
        <strong>{T.measured}: </strong>
        {m ? (
          <>
            {Math.round(m.sbp)}/{Math.round(m.dbp)} mmHg · {measuredLabel(m, T)} · {time(m.time)}
          </>
        ) : (
          T.none
        )}
      </p>
      {summary.patientReported?.length ? (
        <>
          <p className="text-small">{T.reported}</p>
          <ul className="item-list" data-testid="care-reported">
            {summary.patientReported.map((r) => (
              <li key={r.id}>
                {r.sbp}/{r.dbp} mmHg · {T.reportedAt} {r.reportedAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

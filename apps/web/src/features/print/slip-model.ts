/**
 * What the 处方笺 page prints (issue 20), pure: the hospital's name (nothing when not configured — README
 * "none (not printed)"), the patient facts (科别 only when the order records a department, never an empty label)
 * and each line's 总量/天数 from the order's dispenseRequest, labelled in the screen's language.
 */
import type { PrescriptionSlip } from '@qihuang/care/api-types';
import { formatDate } from '../../lib/format.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

export interface SlipFact {
  label: string;
  value: string;
  wide?: boolean;
  testId?: string;
}

export function slipHospital(slip: PrescriptionSlip): string {
  return slip.hospital ?? '';
}

export function slipFacts(
  slip: PrescriptionSlip,
  t: T,
  when: (iso: string | undefined) => string,
): SlipFact[] {
  const none = t('common.none');
  const p = slip.patient;
  return [
    { label: t('print.slip.name'), value: p.name ?? none, testId: 'slip-name' },
    { label: t('print.slip.sex'), value: p.sex ?? none },
    {
      label: t('print.slip.age'),
      value: p.ageYears !== undefined ? t('print.ageYears', { count: p.ageYears }) : none,
    },
    { label: t('print.slip.mrn'), value: p.mrn ?? none, testId: 'slip-mrn' },
    ...(slip.department
      ? [{ label: t('print.slip.department'), value: slip.department, testId: 'slip-department' }]
      : []),
    { label: t('print.slip.date'), value: when(slip.signedAt ?? slip.authoredOn) || none },
    {
      label: t('print.slip.diagnosis'),
      value: slip.diagnoses.join(t('print.slip.listSeparator')) || none,
      wide: true,
      testId: 'slip-diagnosis',
    },
  ];
}

/** 总量 and 天数 of one line, each with its label; empty when the order carries no dispenseRequest. */
export function slipSupply(line: PrescriptionSlip['lines'][number], t: T): string[] {
  return [
    ...(line.quantity ? [`${t('print.slip.quantity')} ${line.quantity}`] : []),
    ...(line.days !== undefined
      ? [`${t('print.slip.daysSupply')} ${t('print.slip.days', { count: line.days })}`]
      : []),
  ];
}

/** The prescriber with the signing time, in the slip language's punctuation: 李伟（签署于 …） / Li Wei (signed …). */
export function slipPrescriber(
  slip: PrescriptionSlip,
  t: T,
  when: (iso: string | undefined) => string,
): string {
  if (!slip.prescriber) return t('common.none');
  return slip.signedAt
    ? t('print.slip.prescriberSigned', { name: slip.prescriber, date: when(slip.signedAt) })
    : slip.prescriber;
}

/**
 * Today's date on the hospital's wall clock (issue 20: a slip printed at 00:33 in Shanghai from a browser on UTC
 * said the day before); the browser's day only when the zone is not known.
 */
export function slipToday(now: Date, timeZone: string | undefined): string {
  return formatDate(now.toISOString(), undefined, false, timeZone);
}

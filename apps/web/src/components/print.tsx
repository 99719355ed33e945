/**
 * Printing helpers (issue 20): a Print button (window.print(); with `target`, only that element is printed) and
 * the print frame whose running header (patient, sex, age, MRN, print date) repeats on every printed page.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function PrintButton({ label, target }: { label?: string; target?: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button ghost no-print"
      data-testid="print-button"
      onClick={() => {
        const el = target ? document.getElementById(target) : null;
        if (el) {
          document.body.classList.add('print-one');
          el.classList.add('print-target');
          const clear = () => {
            document.body.classList.remove('print-one');
            el.classList.remove('print-target');
            window.removeEventListener('afterprint', clear);
          };
          window.addEventListener('afterprint', clear);
        }
        window.print();
      }}
    >
      {label ?? t('print.button')}
    </button>
  );
}

export interface PrintPatient {
  name?: string;
  sex?: string;
  ageYears?: number;
  mrn?: string;
}

/** "王秀英 · 女 · 67岁 · 病历号 MZ001 … 打印日期 2026-12-07": parts that are unknown are left out. */
export function RunningHeader({ patient, printedOn }: { patient: PrintPatient; printedOn: string }) {
  const { t } = useTranslation();
  const parts = [
    patient.name,
    patient.sex,
    patient.ageYears !== undefined ? t('print.ageYears', { count: patient.ageYears }) : undefined,
    patient.mrn ? `${t('print.slip.mrn')} ${patient.mrn}` : undefined,
  ].filter(Boolean);
  return (
    <div className="print-only print-running-header" data-testid="print-header">
      <span>{parts.join(' · ')}</span>
      <span>{t('print.printedOn', { date: printedOn })}</span>
    </div>
  );
}

export function PrintFrame({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <table className="print-frame" role="presentation">
      <thead>
        <tr>
          <td>{header}</td>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td>{children}</td>
        </tr>
      </tbody>
    </table>
  );
}

/** Today's date as the screen writes dates (YYYY-MM-DD in the hospital's sense is the reader's day). */
export function printDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

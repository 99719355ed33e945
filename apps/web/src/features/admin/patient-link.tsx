/**
 * Patient accounts (issue 20): the administrator picks the patient by name instead of typing an id (a typo
 * used to link the account to nobody), and the user list shows the linked patient's name with the id in the
 * tooltip. The server refuses an id without a Patient (422); that refusal reads as a field message here.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '@medplum/fhirtypes';
import { fhir, isApiError } from '../../api/index.ts';
import { search } from '../../api/fhir.ts';
import { patientName } from '../../lib/format.ts';

/** Names of the linked patients (one search for the whole list); an id the viewer cannot resolve stays out. */
export function usePatientNames(ids: readonly string[]): Map<string, string> {
  const { i18n } = useTranslation();
  const key = [...new Set(ids.filter(Boolean))].sort().join(',');
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    if (!key) return;
    const controller = new AbortController();
    search<Patient>('Patient', { _id: key, _count: 200 }, controller.signal).then(
      (page) =>
        setNames(
          new Map(page.items.map((p) => [p.id ?? '', patientName(p, i18n.language)] as [string, string])),
        ),
      () => undefined, // the ids stay shown
    );
    return () => controller.abort();
  }, [key, i18n.language]);
  return names;
}

/** The field message for a refused patient link (the server's 422), or undefined for other errors. */
export function patientLinkError(
  err: unknown,
  id: string,
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  if (isApiError(err) && err.status === 422 && /patientId/.test(err.message))
    return { text: t('userErrors.noPatient', { id }), raw: err.message };
  return undefined;
}

interface PickerProps {
  value: string;
  onChange: (id: string) => void;
  describedBy?: string;
  invalid?: boolean;
}

/** Type a name (or an id): matching patients to choose from; the choice shows name and id. */
export function PatientPicker({ value, onChange, describedBy, invalid }: PickerProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Patient[]>([]);
  const [chosen, setChosen] = useState<Patient | null>(null);
  useEffect(() => {
    const text = query.trim();
    if (text.length < 1) {
      setMatches([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fhir.searchPatients(text, controller.signal).then(
        (page) => setMatches(page.items.slice(0, 8)),
        () => setMatches([]),
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <div className="patient-picker" data-testid="patient-picker">
      <input
        id="new-patient"
        type="search"
        autoComplete="off"
        placeholder={t('patientLink.searchPlaceholder')}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen(null);
          onChange('');
        }}
      />
      {value && chosen ? (
        <p className="text-small" data-testid="patient-picked" title={`Patient/${value}`}>
          {t('patientLink.chosen', { name: patientName(chosen, i18n.language), id: value })}
        </p>
      ) : matches.length > 0 ? (
        <ul className="plain-list" aria-label={t('patientLink.matches')}>
          {matches.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button small ghost"
                title={`Patient/${p.id}`}
                onClick={() => {
                  setChosen(p);
                  setMatches([]);
                  onChange(p.id ?? '');
                }}
              >
                {patientName(p, i18n.language)}
                {p.birthDate ? <span className="muted"> · {p.birthDate}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : query.trim() ? (
        <p className="muted text-small">{t('patientLink.none')}</p>
      ) : null}
    </div>
  );
}

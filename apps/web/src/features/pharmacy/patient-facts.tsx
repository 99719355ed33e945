/**
 * The patient facts on a pharmacist's card (the context the review engine judged the order against): age, sex,
 * latest eGFR and potassium with the day they were measured (in the hospital's zone), allergies and pregnancy
 * status; and people (prescriber, reviewer) by display name and role.
 */
import { useTranslation } from 'react-i18next';
import { labDay } from './card-times.ts';
import { showsPregnancy } from './pregnancy-fact.ts';
import type { QueueItem } from './pharmacy-api.ts';

type CardPatient = QueueItem['patient'];

export function PatientFacts({ patient, timeZone }: { patient: CardPatient; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const notRecorded = t('pharmacy.facts.notRecorded');
  const lab = (l: CardPatient['egfr']) =>
    l
      ? t('pharmacy.facts.measured', { value: l.value, unit: l.unit, date: labDay(l.at, timeZone) })
      : notRecorded;
  const showPregnancy = showsPregnancy(patient);
  const facts: [string, string][] = [
    [
      t('pharmacy.facts.age'),
      patient.ageYears !== undefined ? t('pharmacy.facts.years', { count: patient.ageYears }) : notRecorded,
    ],
    [t('pharmacy.facts.sex'), t(`pharmacy.facts.sexes.${patient.sex ?? 'unknown'}`)],
    [t('pharmacy.facts.egfr'), lab(patient.egfr)],
    [t('pharmacy.facts.potassium'), lab(patient.potassium)],
    [
      t('pharmacy.facts.allergies'),
      (patient.allergies ?? []).length > 0
        ? patient.allergies.join(t('pharmacy.listSeparator'))
        : t('pharmacy.facts.noAllergies'),
    ],
  ];
  if (showPregnancy)
    facts.push([
      t('pharmacy.facts.pregnancy'),
      patient.pregnant === undefined
        ? notRecorded
        : patient.pregnant
          ? t('pharmacy.facts.pregnant')
          : t('pharmacy.facts.notPregnant'),
    ]);
  return (
    <dl className="banner-facts pharmacy-facts" aria-label={t('pharmacy.facts.label')} data-testid="rx-facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Name (role)" in the screen's language; the name alone when the role is unknown. */
export function usePersonLabel(): (name: string | undefined, role?: string) => string {
  const { t } = useTranslation();
  return (name, role) =>
    !name
      ? ''
      : role
        ? t('pharmacy.person', { name, role: t(`roles.${role}`, { defaultValue: role }) })
        : name;
}

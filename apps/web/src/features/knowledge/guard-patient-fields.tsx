import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMPTY_PATIENT_FIELDS, withPatientFields, type PatientFields } from './guard-patient.ts';

/** Simple fields (age, sex, eGFR, potassium, pregnancy) that write the patient JSON below them. */
export function GuardPatientFields({ json, onJson }: { json: string; onJson: (json: string) => void }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<PatientFields>(EMPTY_PATIENT_FIELDS);
  const set = (patch: Partial<PatientFields>) => {
    const next = { ...fields, ...patch };
    setFields(next);
    onJson(withPatientFields(json, next));
  };
  return (
    <fieldset className="kb-guard-patient-fields">
      <legend>{t('knowledge.guard.patientFields')}</legend>
      <label>
        {t('knowledge.guard.age')}
        <input
          type="number"
          min={0}
          max={130}
          value={fields.age}
          onChange={(e) => set({ age: e.target.value })}
        />
      </label>
      <label>
        {t('knowledge.guard.sex')}
        <select value={fields.sex} onChange={(e) => set({ sex: e.target.value as PatientFields['sex'] })}>
          <option value="">—</option>
          <option value="female">{t('knowledge.guard.female')}</option>
          <option value="male">{t('knowledge.guard.male')}</option>
        </select>
      </label>
      <label>
        {t('knowledge.guard.egfr')}
        <input
          type="number"
          min={0}
          max={300}
          value={fields.egfr}
          onChange={(e) => set({ egfr: e.target.value })}
        />
      </label>
      <label>
        {t('knowledge.guard.potassium')}
        <input
          type="number"
          min={0}
          max={15}
          step={0.1}
          value={fields.potassium}
          onChange={(e) => set({ potassium: e.target.value })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={fields.pregnant}
          onChange={(e) => set({ pregnant: e.target.checked })}
        />{' '}
        {t('knowledge.guard.pregnant')}
      </label>
    </fieldset>
  );
}

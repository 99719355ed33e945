/** The guard's patient context: the fields POST /guard/check accepts, and the simple form that fills the JSON. */

/** Every key of the guard's patient schema (packages/guard/routes.ts PatientSchema). */
export const GUARD_PATIENT_FIELDS = [
  'age',
  'sex',
  'weightKg',
  'creatinine',
  'egfr',
  'crcl',
  'potassium',
  'conditions',
  'pregnant',
] as const;

export interface PatientFields {
  age: string;
  sex: '' | 'female' | 'male';
  egfr: string;
  potassium: string;
  pregnant: boolean;
}

export const EMPTY_PATIENT_FIELDS: PatientFields = {
  age: '',
  sex: '',
  egfr: '',
  potassium: '',
  pregnant: false,
};

const number = (s: string): number | undefined => {
  const n = Number(s.trim());
  return s.trim() && Number.isFinite(n) ? n : undefined;
};

/**
 * The JSON text with the simple fields written in: other keys already typed (weightKg, creatinine, conditions …)
 * are kept, an empty field removes its key, JSON that does not parse is replaced. '' when nothing is left.
 */
export function withPatientFields(json: string, f: PatientFields): string {
  let base: Record<string, unknown> = {};
  try {
    const parsed = json.trim() ? (JSON.parse(json) as unknown) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      base = parsed as Record<string, unknown>;
  } catch {
    base = {};
  }
  const { age: _a, sex: _s, egfr: _e, potassium: _k, pregnant: _p, ...rest } = base;
  const out: Record<string, unknown> = {
    ...rest,
    ...(number(f.age) !== undefined ? { age: number(f.age) } : {}),
    ...(f.sex ? { sex: f.sex } : {}),
    ...(number(f.egfr) !== undefined ? { egfr: number(f.egfr) } : {}),
    ...(number(f.potassium) !== undefined ? { potassium: number(f.potassium) } : {}),
    ...(f.pregnant ? { pregnant: true } : {}),
  };
  return Object.keys(out).length ? JSON.stringify(out) : '';
}

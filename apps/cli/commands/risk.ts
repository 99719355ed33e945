/** `qihuang risk pce|prevent|china-2018` — cardiovascular-risk engine on the command line. China-PAR is not implemented (REFERENCE §3.3). */
import type { Command } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { pooledCohortRisk, preventRisk, stratifyChina2018 } from '@qihuang/engines/cardiovascular-risk';
import { LOCALE_OPTION } from '../locale.ts';
import { choice, num, run, yesNo, type Opts } from './bp.ts';

const sex = (o: Opts) => choice(o, 'sex', ['female', 'male'] as const);

function pce(o: Opts) {
  return pooledCohortRisk({
    age: num(o, 'age', 40, 79) as number, // REFERENCE §3.1 valid ages
    sex: sex(o),
    race: choice(o, 'race', ['white', 'african-american', 'other'] as const),
    totalCholesterol: num(o, 'tc', 130, 320) as number, // §3.1 input range
    hdl: num(o, 'hdl', 20, 100) as number,
    sbp: num(o, 'sbp', 90, 200) as number,
    treatedHypertension: yesNo(o, 'treated'),
    smoker: yesNo(o, 'smoker'),
    diabetes: yesNo(o, 'diabetes'),
  });
}

function prevent(o: Opts) {
  const bmi = num(o, 'bmi', 18.5, 39.9, false);
  return preventRisk({
    age: num(o, 'age', 30, 79) as number, // REFERENCE §3.2 input ranges
    sex: sex(o),
    totalCholesterol: num(o, 'tc', 130, 320) as number,
    hdl: num(o, 'hdl', 20, 100) as number,
    sbp: num(o, 'sbp', 90, 200) as number,
    egfr: num(o, 'egfr', 15, 140) as number,
    ...(bmi === undefined ? {} : { bmi }),
    diabetes: yesNo(o, 'diabetes'),
    smoker: yesNo(o, 'smoker'),
    antihypertensive: yesNo(o, 'treated'),
    statin: yesNo(o, 'statin', false),
  });
}

function china2018(o: Opts) {
  return stratifyChina2018({
    sbp: num(o, 'sbp', 50, 300) as number,
    dbp: num(o, 'dbp', 20, 200) as number,
    riskFactors: num(o, 'riskFactors', 0, 10) as number,
    targetOrganDamage: yesNo(o, 'organDamage', false),
    ckdStage3: yesNo(o, 'ckd3', false),
    diabetesWithoutComplications: yesNo(o, 'diabetes', false),
    clinicalComplications: yesNo(o, 'complications', false),
    ckdStage4Plus: yesNo(o, 'ckd4', false),
    diabetesWithComplications: yesNo(o, 'diabetesComplications', false),
  });
}

const io = (c: Command) =>
  c
    .option('--json', 'JSON output')
    .option('--batch', 'read one JSON object of options per stdin line')
    .option(...LOCALE_OPTION);

export function registerRisk(program: Command): void {
  const risk = program
    .command('risk')
    .description('Cardiovascular risk: PCE 2013, PREVENT, China 2018 stratification');
  io(risk.command('pce').description('10-year ASCVD risk, 2013 Pooled Cohort Equations'))
    .option('--age <years>')
    .option('--sex <sex>', 'female|male')
    .option('--race <race>', 'white|african-american|other')
    .option('--tc <mg/dL>', 'total cholesterol')
    .option('--hdl <mg/dL>')
    .option('--sbp <mmHg>')
    .option('--treated <yes|no>')
    .option('--smoker <yes|no>')
    .option('--diabetes <yes|no>')
    .action((o: Opts) => run(o, pce));
  io(risk.command('prevent').description('10-year total CVD / ASCVD / HF risk, AHA PREVENT base models'))
    .option('--age <years>')
    .option('--sex <sex>', 'female|male')
    .option('--tc <mg/dL>')
    .option('--hdl <mg/dL>')
    .option('--sbp <mmHg>')
    .option('--egfr <mL/min/1.73m2>')
    .option('--bmi <kg/m2>', 'enables the HF model')
    .option('--treated <yes|no>')
    .option('--statin <yes|no>')
    .option('--smoker <yes|no>')
    .option('--diabetes <yes|no>')
    .action((o: Opts) => run(o, prevent));
  io(
    risk
      .command('china-2018')
      .description('China 2018 hypertension risk stratification (中国高血压防治指南 2018)'),
  )
    .option('--sbp <mmHg>')
    .option('--dbp <mmHg>')
    .option('--risk-factors <n>')
    .option('--organ-damage <yes|no>')
    .option('--ckd3 <yes|no>')
    .option('--diabetes <yes|no>', 'diabetes without complications')
    .option('--complications <yes|no>', 'established CVD')
    .option('--ckd4 <yes|no>')
    .option('--diabetes-complications <yes|no>')
    .action((o: Opts) => run(o, china2018));
  risk
    .command('china-par')
    // REFERENCE §3.3: the China-PAR coefficients are not verified there; users see the reason without the file.
    .description('China-PAR (Yang 2016): not implemented, its coefficients are not verified')
    .action(() => {
      throw new QihuangError(
        'not-supported',
        'China-PAR (Yang 2016) is not implemented: its coefficients have not been verified against the publication',
      );
    });
}

/** `qihuang renal egfr|crcl` — renal-function engine on the command line. */
import type { Command } from 'commander';
import { cockcroftGault, egfrCkdEpi2021 } from '@qihuang/engines/renal-function';
import { LOCALE_OPTION } from '../locale.ts';
import { choice, num, run, type Opts } from './bp.ts';

const base = (o: Opts) => {
  const unit = choice(o, 'unit', ['mg/dL', 'umol/L'] as const, 'mg/dL');
  return {
    unit,
    creatinine: num(o, 'creatinine', unit === 'mg/dL' ? 0.1 : 8.8, unit === 'mg/dL' ? 30 : 2652) as number,
    age: num(o, 'age', 18, 120) as number,
    sex: choice(o, 'sex', ['female', 'male'] as const),
  };
};

export function registerRenal(program: Command): void {
  const renal = program
    .command('renal')
    .description('Renal function: CKD-EPI 2021 eGFR, Cockcroft–Gault, KDIGO stage');
  const common = (c: Command) =>
    c
      .option('--creatinine <value>', 'serum creatinine')
      .option('--unit <unit>', 'mg/dL|umol/L', 'mg/dL')
      .option('--age <years>')
      .option('--sex <sex>', 'female|male')
      .option('--json', 'JSON output')
      .option('--batch', 'read one JSON object of options per stdin line')
      .option(...LOCALE_OPTION);
  common(renal.command('egfr').description('eGFR by CKD-EPI 2021 (race-free) with KDIGO G stage')).action(
    (o: Opts) => run(o, (x) => egfrCkdEpi2021(base(x))),
  );
  common(renal.command('crcl').description('Creatinine clearance by Cockcroft–Gault'))
    .option('--weight <kg>', 'body weight (kg)')
    .action((o: Opts) =>
      run(o, (x) => cockcroftGault({ ...base(x), weightKg: num(x, 'weight', 1, 400) as number })),
    );
}

import type { Command } from 'commander';
import { registerAbpm } from './abpm.ts';
import { registerAudit } from './audit.ts';
import { registerBp } from './bp.ts';
import { registerCare } from './care.ts';
import { registerDeid } from './deid.ts';
import { registerEval } from './eval.ts';
import { registerGuard } from './guard.ts';
import { registerImport } from './import.ts';
import { registerKb } from './kb.ts';
import { registerRenal } from './renal.ts';
import { registerRisk } from './risk.ts';
import { registerRx } from './rx.ts';
import { registerServe } from './serve.ts';
import { registerText } from './text.ts';

/** One line per command. Keep this list sorted. */
export function registerCommands(program: Command): void {
  registerAbpm(program);
  registerAudit(program);
  registerBp(program);
  registerCare(program);
  registerDeid(program);
  registerEval(program);
  registerGuard(program);
  registerImport(program);
  registerKb(program);
  registerRenal(program);
  registerRisk(program);
  registerRx(program);
  registerServe(program);
  registerText(program);
}

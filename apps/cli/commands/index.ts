import type { Command } from 'commander';
import { registerAudit } from './audit.ts';
import { registerBp } from './bp.ts';
import { registerImport } from './import.ts';
import { registerRenal } from './renal.ts';
import { registerRisk } from './risk.ts';
import { registerRx } from './rx.ts';
import { registerServe } from './serve.ts';

/** One line per command. Keep this list sorted. */
export function registerCommands(program: Command): void {
  registerAudit(program);
  registerBp(program);
  registerImport(program);
  registerRenal(program);
  registerRisk(program);
  registerRx(program);
  registerServe(program);
}

/**
 * The command table (issue 19 item 4, start-up): each row is what `qihuang --help` lists (name, usage term,
 * summary) and how to load the command. main.ts imports only the module of the command being run (or asked
 * for with `qihuang help <name>` / `qihuang <name> --help`); every other command is listed from its row, so
 * `--help` loads none of the commands' packages. index.test.ts checks each row against its module.
 */
import type { Command } from 'commander';

export interface CommandRow {
  name: string;
  /** As the help listing shows it: name, `[options]` when it has options, its arguments. */
  term: string;
  summary: string;
  load: () => Promise<(program: Command) => void>;
}

/** One row per command. Keep this list sorted. */
export const COMMANDS: readonly CommandRow[] = [
  {
    name: 'abpm',
    term: 'abpm [options] <file>',
    summary: 'Summarise a 24-hour ambulatory BP recording: 24 h/day/night means, dipping, phenotype',
    load: async () => (await import('./abpm.ts')).registerAbpm,
  },
  {
    name: 'audit',
    term: 'audit',
    summary: 'Tamper-evident audit trail: verify the hash chain, export entries',
    load: async () => (await import('./audit.ts')).registerAudit,
  },
  {
    name: 'bp',
    term: 'bp',
    summary: 'Blood pressure: office classification and home-series assessment',
    load: async () => (await import('./bp.ts')).registerBp,
  },
  {
    name: 'care',
    term: 'care',
    summary: 'Hypertension care: emergency triage, treatment proposal, measurement reminders',
    load: async () => (await import('./care.ts')).registerCare,
  },
  {
    name: 'deid',
    term: 'deid [options] <file>',
    summary:
      'De-identify a clinical text (zh/en): names, IDs, phones, addresses, dates (shifted), ages over 89, … (HIPAA Safe Harbor + Chinese identifiers)',
    load: async () => (await import('./deid.ts')).registerDeid,
  },
  {
    name: 'eval',
    term: 'eval',
    summary: 'Evaluation centre: run suites against models or pipelines, report, compare',
    load: async () => (await import('./eval.ts')).registerEval,
  },
  {
    name: 'guard',
    term: 'guard',
    summary: 'Grounding guard: verify a model answer against its passages and the clinical engines',
    load: async () => (await import('./guard.ts')).registerGuard,
  },
  {
    name: 'import',
    term: 'import [options] <paths...>',
    summary:
      'Load FHIR Bundles (transaction, batch, collection), resources and Bulk Data NDJSON files or folders',
    load: async () => (await import('./import.ts')).registerImport,
  },
  {
    name: 'kb',
    term: 'kb',
    summary: 'Medical knowledge base: add documents, search with citations',
    load: async () => (await import('./kb.ts')).registerKb,
  },
  {
    name: 'renal',
    term: 'renal',
    summary: 'Renal function: CKD-EPI 2021 eGFR, Cockcroft–Gault, KDIGO stage',
    load: async () => (await import('./renal.ts')).registerRenal,
  },
  {
    name: 'risk',
    term: 'risk',
    summary: 'Cardiovascular risk: PCE 2013, PREVENT, China 2018 stratification',
    load: async () => (await import('./risk.ts')).registerRisk,
  },
  {
    name: 'rx',
    term: 'rx',
    summary: 'Prescription review (前置审方)',
    load: async () => (await import('./rx.ts')).registerRx,
  },
  {
    name: 'serve',
    term: 'serve [options]',
    summary:
      'Start the Qihuang server (FHIR API, gateway, console). Settings from PORT, HOST, QIHUANG_DATA_DIR, DATABASE_URL, QIHUANG_DEMO …',
    load: async () => (await import('./serve.ts')).registerServe,
  },
  {
    name: 'text',
    term: 'text',
    summary: 'Clinical language (zh/en): concepts, codes, modifiers and vital signs in patient text',
    load: async () => (await import('./text.ts')).registerText,
  },
  {
    name: 'user',
    term: 'user',
    summary: 'Accounts: list, create, reset a password (server stopped)',
    load: async () => (await import('./user.ts')).registerUser,
  },
];

/** The command `argv` (process.argv) runs or asks help for: its first operand, or the one after `help`. */
export function commandNamed(argv: readonly string[]): string | undefined {
  const operands = argv.slice(2).filter((a) => !a.startsWith('-'));
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/**
 * Registers every command on `program`, in table order: the one `argv` names in full (its module imported),
 * the others as listing-only stubs whose help term comes from their row. `argv` undefined loads them all.
 */
export async function registerCommands(program: Command, argv?: readonly string[]): Promise<void> {
  const wanted = argv ? commandNamed(argv) : undefined;
  const registers = await Promise.all(
    COMMANDS.map((row) => (!argv || row.name === wanted ? row.load() : undefined)),
  );
  const stubs = new Map<Command, CommandRow>();
  COMMANDS.forEach((row, i) => {
    const register = registers[i];
    if (register) register(program);
    else stubs.set(program.command(row.name).description(row.summary), row);
  });
  if (!stubs.size) return;
  const helper = program.createHelp();
  program.configureHelp({
    subcommandTerm: (cmd) => stubs.get(cmd)?.term ?? helper.subcommandTerm(cmd),
  });
}

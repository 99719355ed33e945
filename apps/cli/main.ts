/**
 * `qihuang` — one CLI over the same packages the server uses. Each command lives in commands/<name>.ts and
 * has a row in commands/index.ts; only the module of the command being run is imported.
 */
import { Command, CommanderError } from 'commander';
import { isQihuangError } from '@qihuang/contracts';
import { registerCommands } from './commands/index.ts';

const program = new Command('qihuang')
  .description('Qihuang (岐黄) — self-hosted medical large-model platform')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

await registerCommands(program, process.argv);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors exit 2 (commander already printed the reason).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (isQihuangError(error)) {
    console.error(`error: ${error.message}`);
    process.exitCode = error.code === 'invalid-input' ? 2 : 1;
  } else {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

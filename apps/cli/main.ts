/**
 * `qihuang` — one CLI over the same packages the server uses. Each command lives in commands/<name>.ts and
 * has a row in commands/index.ts; only the module of the command being run is imported.
 */
import { Command, CommanderError } from 'commander';
import { isQihuangError } from '@qihuang/contracts';
import { registerCommands } from './commands/index.ts';
import { exitCodeFor, isBrokenPipe } from './exit-codes.ts';
import { localizeHelp } from './help-zh.ts';
import { checkLocaleArgument, placeLocaleArgument, withLocaleOption } from './locale.ts';
import { errorLine, messageLocale } from './messages.ts';
import { isUsageError, usageLine } from './usage-errors.ts';

// `qihuang audit export | head`: the reader closed the pipe; stop quietly (exit-codes.ts).
process.stdout.on('error', (error) => {
  if (isBrokenPipe(error)) process.exit(0);
  throw error;
});

const program = new Command('qihuang')
  .description('Qihuang (岐黄) — self-hosted medical large-model platform')
  .version('0.1.0')
  // Usage errors are printed below as one line in the run's language (usage-errors.ts), not by commander.
  .configureOutput({ outputError: () => {} });

const argv = placeLocaleArgument(process.argv);
await registerCommands(program, argv);
withLocaleOption(program); // every command takes --locale, before or after it (locale.ts)
if (messageLocale() === 'zh-CN') localizeHelp(program); // --help in the CLI's language (help-zh.ts)
/** The command a usage error is about (`qihuang text analyze`), for its `--help` hint. */
let failed = 'qihuang';
const exitOverride = (cmd: Command, path: string): void => {
  cmd.exitOverride((error) => {
    failed = path;
    throw error;
  });
  for (const sub of cmd.commands) exitOverride(sub, `${path} ${sub.name()}`);
};
exitOverride(program, 'qihuang');

try {
  checkLocaleArgument(argv); // a bad --locale: exit 2 before help or any command (locale.ts)
  await program.parseAsync(argv);
} catch (error) {
  // One rule (exit-codes.ts): 2 the input or usage is wrong, 1 the command could not complete.
  // Commander printed the help (or version) itself; a usage error is one line in the run's language.
  if (error instanceof CommanderError) {
    if (isUsageError(error)) console.error(usageLine(error, failed, messageLocale()));
  } else if (!isBrokenPipe(error))
    console.error(
      errorLine(
        isQihuangError(error) || error instanceof Error ? error.message : String(error),
        messageLocale(),
      ),
    );
  process.exitCode = exitCodeFor(error);
}

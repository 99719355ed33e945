import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandNamed, registerCommands } from './index.ts';

const program = () => new Command('qihuang').description('Qihuang').version('0.1.0');

describe('command table', () => {
  it('each row lists its command as the module registers it (name, term, summary)', async () => {
    const eager = program();
    await registerCommands(eager);
    const help = eager.createHelp();
    expect(
      eager.commands.map((c) => ({
        name: c.name(),
        term: help.subcommandTerm(c),
        summary: help.subcommandDescription(c),
      })),
    ).toEqual(COMMANDS.map(({ name, term, summary }) => ({ name, term, summary })));
  });

  it('`--help` from the table is the help of all modules loaded, and loads none', async () => {
    const eager = program();
    await registerCommands(eager);
    const lazy = program();
    await registerCommands(lazy, ['node', 'qihuang', '--help']);
    expect(lazy.helpInformation()).toBe(eager.helpInformation());
    // Stubs have no options or subcommands of their own: nothing but the row was read.
    expect(lazy.commands.every((c) => c.commands.length === 0 && c.options.length === 0)).toBe(true);
  });

  it('the command being run (or asked help for) is registered in full, in its place', async () => {
    for (const argv of [
      ['node', 'qihuang', 'bp', 'classify', '--sbp', '150'],
      ['node', 'qihuang', 'help', 'bp'],
      ['node', 'qihuang', '--help', 'bp'],
    ]) {
      const lazy = program();
      await registerCommands(lazy, argv);
      expect(commandNamed(argv)).toBe('bp');
      expect(lazy.commands.map((c) => c.name())).toEqual(COMMANDS.map((r) => r.name));
      const bp = lazy.commands.find((c) => c.name() === 'bp')!;
      expect(bp.commands.map((c) => c.name())).toEqual(['classify', 'assess']);
      expect(lazy.commands.find((c) => c.name() === 'rx')!.commands).toEqual([]);
    }
  });
});

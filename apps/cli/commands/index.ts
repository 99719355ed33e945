import type { Command } from 'commander';

/** One line per command. Keep this list sorted. */
export function registerCommands(program: Command): void {
  void program;
}

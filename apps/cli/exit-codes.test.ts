/**
 * One exit-code rule for every command (IT trial, issue 19: import on a locked database exited 1 but
 * `audit verify` 2; a missing file 2 but bad JSON 1): 2 = the user's input or usage is wrong; 1 = the command
 * could not complete (database locked or unreachable, server unreachable, anything unexpected); 3 = a check ran
 * and found a problem (`audit verify`: the chain is broken). docs/operations.md, "The command line".
 */
import { CommanderError } from 'commander';
import { QihuangError } from '@qihuang/contracts';
import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeFor } from './exit-codes.ts';

const nodeError = (code: string) => Object.assign(new Error(`${code}: x`), { code });

describe('exitCodeFor', () => {
  it('2 when the input or usage is wrong', () => {
    expect(exitCodeFor(new CommanderError(1, 'commander.unknownOption', 'unknown option'))).toBe(2);
    expect(exitCodeFor(new QihuangError('invalid-input', '--since: not a date'))).toBe(2);
    expect(exitCodeFor(new QihuangError('invalid-resource', 'Patient.gender'))).toBe(2);
    expect(exitCodeFor(new QihuangError('not-found', 'No such file or folder'))).toBe(2);
    expect(exitCodeFor(nodeError('ENOENT'))).toBe(2);
    expect(exitCodeFor(nodeError('EISDIR'))).toBe(2);
    expect(exitCodeFor(new SyntaxError('Unexpected token } in JSON'))).toBe(2);
  });

  it('1 when the command could not complete', () => {
    expect(exitCodeFor(new QihuangError('database-locked', 'in use by process 42'))).toBe(1);
    expect(exitCodeFor(new QihuangError('unavailable', 'cannot open the database'))).toBe(1);
    expect(exitCodeFor(new QihuangError('upstream-error', 'server answered 502'))).toBe(1);
    expect(exitCodeFor(nodeError('ECONNREFUSED'))).toBe(1);
    expect(exitCodeFor(new TypeError('fetch failed'))).toBe(1);
    expect(exitCodeFor(new Error('anything else'))).toBe(1);
  });

  it('0 for help and version', () => {
    expect(exitCodeFor(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
  });

  it('names the codes', () => {
    expect(EXIT).toEqual({ ok: 0, failed: 1, badInput: 2, checkFailed: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/qihuang.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, QIHUANG_LOCALE: '', LANG: '', LC_ALL: '', LC_MESSAGES: '', ...env },
  });
const han = /[\u4e00-\u9fa5]/;
const classify = ['bp', 'classify', '--sbp', '150', '--dbp', '95'];
const egfr = ['renal', 'egfr', '--creatinine', '1.2', '--age', '60', '--sex', 'male'];

describe('one language per screen: --locale for bp, renal, risk, care (issue 18 review)', () => {
  it('--locale en prints English only, --locale zh-CN Chinese only', () => {
    for (const args of [classify, egfr]) {
      const en = cli([...args, '--locale', 'en']);
      expect(en.status, en.stderr).toBe(0);
      expect(en.stdout).not.toMatch(han);
      const zh = cli([...args, '--locale', 'zh-CN']);
      expect(zh.status, zh.stderr).toBe(0);
      expect(zh.stdout).toMatch(han);
    }
  });
  it('the default comes from QIHUANG_LOCALE, else LANG; bad values exit 2', () => {
    expect(cli(classify, { QIHUANG_LOCALE: 'en' }).stdout).not.toMatch(han);
    expect(cli(classify, { LANG: 'en_US.UTF-8' }).stdout).not.toMatch(han);
    expect(cli(classify, { LANG: 'zh_CN.UTF-8' }).stdout).toMatch(han);
    const bad = cli([...classify, '--locale', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^错误：--locale 必须是 zh-CN 或 en/); // the default language, as the output's
    expect(cli([...classify, '--locale', 'fr'], { LANG: 'en_US.UTF-8' }).stderr).toMatch(/^error: .*locale/);
  });
});

// Issue 21 (IT try): `qihuang --locale fr --help` was accepted silently (exit 0) at the top level while a command's
// `--locale fr` exits 2: the same refusal everywhere, whatever else is on the line (help included).
describe("a bad --locale at the top level is refused like a command's", () => {
  it('exit 2 with the one-line reason, before help; a good one still shows help', () => {
    for (const args of [
      ['--locale', 'fr', '--help'],
      ['--locale=fr', '--help'],
      ['--locale', 'fr'],
      ['bp', '--locale', 'fr', '--help'],
      ['bp', 'classify', '--help', '--locale', 'fr'],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim().split('\n'), args.join(' ')).toEqual([
        '错误：--locale 必须是 zh-CN 或 en，收到 "fr"',
      ]);
    }
    const en = cli(['--locale', 'fr', '--help'], { LANG: 'en_US.UTF-8' });
    expect(en.status).toBe(2);
    expect(en.stderr.trim()).toBe('error: --locale must be zh-CN or en, got "fr"');
    const good = cli(['--locale', 'en', '--help']);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Usage: qihuang/);
    // A good --locale with a command still runs it.
    const text = cli(['text', 'analyze', '--locale', 'en', '--text', 'BP 150/95', '--json']);
    expect(text.status, text.stderr).toBe(0);
  });
});

// Issue 21 (IT try, tenth session): `--locale` before the command was an unknown option (`qihuang --locale en bp
// classify …`, exit 2), `qihuang --locale en user --help` printed the top-level help, and serve, import, kb search
// and text had no --locale: the run's language is one option, before or after any command.
describe('--locale before the command, and on every command', () => {
  it('before the command it applies to it, help included', () => {
    const run = cli(['--locale', 'en', ...classify]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(han);
    expect(cli(['--locale=zh-CN', ...classify], { LANG: 'en_US.UTF-8' }).stdout).toMatch(han);
    const help = cli(['--locale', 'en', 'user', '--help']);
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: qihuang user /);
    const bad = cli(['--locale', 'fr', ...classify]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('错误：--locale 必须是 zh-CN 或 en，收到 "fr"');
  });
  it('commands that declared no --locale take it too (serve, import, kb search)', () => {
    for (const args of [['serve'], ['import'], ['kb', 'search']]) {
      const help = cli([...args, '--locale', 'en', '--help']);
      expect(help.status, `${args.join(' ')}: ${help.stderr}`).toBe(0);
      expect(help.stdout).toMatch(/--locale <locale>/);
    }
  });
});

// Issue 21 (IT try, tenth session): QIHUANG_LOCALE=xx was accepted silently by --help while --locale xx exits 2.
describe('a bad QIHUANG_LOCALE is refused like a bad --locale', () => {
  it('exit 2 and one line, help included; --locale on the line wins', () => {
    const bad = cli(['--help'], { QIHUANG_LOCALE: 'xx' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe('错误：QIHUANG_LOCALE 必须是 zh-CN 或 en，收到 "xx"');
    const chosen = cli(['--locale', 'en', '--help'], { QIHUANG_LOCALE: 'xx' });
    expect(chosen.status, chosen.stderr).toBe(0);
  });
});

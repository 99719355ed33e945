/**
 * The CLI's own words in the user's language (one language per screen, issue 20): the language of error lines
 * and of the import summary, and a table that words the commands' usage errors in Chinese. The commands throw
 * their reasons in English (QihuangError); `errorLine` translates the known forms, anything else stays as is.
 */
import {
  PASSWORD_LENGTHS,
  PASSWORD_REFUSAL_CODES,
  PASSWORD_REFUSAL_WORDS,
} from '@qihuang/identity/api-types';
import { runLocale, type CliLocale } from './locale.ts';

/** The language of messages: the CLI's one rule (locale.ts), the same as the commands' output. */
export function messageLocale(argv: readonly string[] = process.argv): CliLocale {
  return runLocale(argv);
}

const NETWORK_ZH: Record<string, string> = {
  'connection refused': '连接被拒绝',
  'connection reset': '连接被重置',
  'connection timed out': '连接超时',
  'host not found': '找不到主机',
  'host name lookup failed': '主机名解析失败',
  'host unreachable': '主机不可达',
  'network unreachable': '网络不可达',
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `--text` or `line 3` as the start of a Chinese reason. */
const where = (w: string) => (w.startsWith('line ') ? `第 ${w.slice(5)} 行：` : `${w}：`);

/** English reason (as thrown) → Chinese. */
const ZH: [RegExp, (...m: string[]) => string][] = [
  [/^(--[\w-]+) must be a number, got "(.*)"$/s, (o, v) => `${o} 必须是数字，收到 "${v}"`],
  [
    /^(--[\w-]+) must be between (\S+) and (\S+), got (.*)$/s,
    (o, a, b, v) => `${o} 必须在 ${a} 到 ${b} 之间，收到 ${v}`,
  ],
  [/^(--[\w-]+) is required \((.*)\)$/s, (o, v) => `缺少 ${o}（${v}）`],
  [/^(--[\w-]+) is required$/, (o) => `缺少 ${o}`],
  [/^(--[\w-]+) must be one of (.*), got "(.*)"$/s, (o, a, v) => `${o} 必须是 ${a} 之一，收到 "${v}"`],
  [/^(--[\w-]+) must be one of (.*)$/s, (o, a) => `${o} 必须是 ${a} 之一`],
  [/^(--[\w-]+) must be yes or no, got "(.*)"$/s, (o, v) => `${o} 必须是 yes 或 no，收到 "${v}"`],
  [/^(--[\w-]+) must be an ISO date-time, got "(.*)"$/s, (o, v) => `${o} 必须是 ISO 日期时间，收到 "${v}"`],
  [/^(--[\w-]+) must be an ISO date-time$/, (o) => `${o} 必须是 ISO 日期时间`],
  [
    /^(--[\w-]+) must be a whole number from (\d+) to (\d+), got "(.*)"$/s,
    (o, a, b, v) => `${o} 必须是 ${a} 到 ${b} 之间的整数，收到 "${v}"`,
  ],
  [/^(--[\w-]+) must be a whole number, got "(.*)"$/s, (o, v) => `${o} 必须是整数，收到 "${v}"`],
  [/^(--dbp) \((.*)\) must be below (--sbp) \((.*)\)$/, (d, a, s, b) => `${d}（${a}）必须小于 ${s}（${b}）`],
  [/^--locale must be zh-CN or en, got "(.*)"$/s, (v) => `--locale 必须是 zh-CN 或 en，收到 "${v}"`],
  [/^No such file or folder: (.*)$/s, (p) => `文件或文件夹不存在：${p}`],
  [/^(.*): not a \.json, \.ndjson or \.jsonl file$/s, (p) => `${p}：不是 .json、.ndjson 或 .jsonl 文件`],
  // serve: the port is taken or not permitted (apps/server/start-server.ts listen, issue 21)
  [
    /^port (\d+) is in use on (\S+) \(another server is listening there\): stop it, or choose another port with PORT or --port$/,
    (p, h) => `端口 ${p}（${h}）已被占用（另一个服务正在监听）：请停止它，或用 PORT 或 --port 换一个端口`,
  ],
  [
    /^port (\d+) may not be used by this user: choose a port above 1023 with PORT or --port$/,
    (p) => `当前用户无权使用端口 ${p}：请用 PORT 或 --port 选择 1023 以上的端口`,
  ],
  // DATABASE_URL other than PostgreSQL (packages/config, issue 21)
  [
    /^DATABASE_URL must be a PostgreSQL URL \(postgres:\/\/user@host:5432\/database\)(?:, not (\S+))?; leave it unset for the embedded database$/,
    (scheme) =>
      `DATABASE_URL 必须是 PostgreSQL 地址（postgres://用户@主机:5432/数据库）${scheme ? `，不支持 ${scheme}` : ''}；不设置则使用内置数据库`,
  ],
  [
    // The embedded database held by a running server (packages/store/directory-lock.ts), e.g. `audit verify`.
    /^cannot open the database: The embedded database in (.*) is in use by process (\d+) on (\S+) \((.*), since (.*)\)\. Stop that process, or talk to it \(e\.g\. `(.*)`\), or set DATABASE_URL to use a PostgreSQL server\.$/s,
    (dir, pid, host, command, since, other) =>
      `无法打开数据库：${dir} 中的内置数据库正被主机 ${host} 上的进程 ${pid} 使用（${command === 'unknown command' ? '命令未知' : command}，始于 ${since}）。请先停止该进程，或通过运行中的服务器操作（如 \`${other}\`），或设置 DATABASE_URL 改用 PostgreSQL 数据库`,
  ],
  [
    // The same for `user` (database.ts ACCOUNTS_IN_USE): its advice works for accounts (issue 21).
    /^cannot open the database: The embedded database in (.*) is in use by process (\d+) on (\S+) \((.*), since (.*)\)\. Stop the server and run this command again, or while it runs manage accounts in the console \(Users\) or through the \/admin\/users API\.$/s,
    (dir, pid, host, command, since) =>
      `无法打开数据库：${dir} 中的内置数据库正被主机 ${host} 上的进程 ${pid} 使用（${command === 'unknown command' ? '命令未知' : command}，始于 ${since}）。请先停止服务器再运行此命令，或在服务器运行时通过控制台的“用户”页面或 /admin/users 接口管理账号`,
  ],
  [/^cannot open the database: Could not lock (.*)$/s, (path) => `无法打开数据库：无法锁定 ${path}`],
  [/^cannot open the database: (.*)$/s, (why) => `无法打开数据库：${why}`],
  [
    /^QIHUANG_LOCALE must be zh-CN or en, got "(.*)"$/s,
    (v) => `QIHUANG_LOCALE 必须是 zh-CN 或 en，收到 "${v}"`,
  ],
  // text analyze, deid, user (one language per run: their reasons in Chinese under zh-CN)
  [
    /^(--text|line \d+): text is required \(a non-empty string\)$/,
    (w) => `${where(w)}缺少文本（须为非空字符串）`,
  ],
  [/^(--text|line \d+): text longer than (\d+) characters$/, (w, n) => `${where(w)}文本超过 ${n} 个字符`],
  [/^give --text or --batch, not both$/, () => '--text 和 --batch 只能给一个'],
  [/^cannot read (?:batch )?file "?(.*?)"?$/s, (p) => `无法读取文件 ${p}`],
  [/^cannot read (.*)$/s, (p) => `无法读取 ${p}`],
  [/^"(.*)" is not valid JSON$/s, (p) => `${p} 不是有效的 JSON`],
  [/^(.*) is not a text file \(it contains NUL bytes\)$/s, (p) => `${p} 不是文本文件（含 NUL 字节）`],
  [/^(.*) is not UTF-8 text$/s, (p) => `${p} 不是 UTF-8 文本`],
  [/^(.*) is empty$/s, (p) => `${p} 是空的`],
  [/^(.*) is longer than (\d+) characters; split it$/s, (p, n) => `${p} 超过 ${n} 个字符，请拆分后再处理`],
  [/^--password-stdin: cannot read standard input$/, () => '--password-stdin：无法读取标准输入'],
  [/^--password-stdin: standard input is empty$/, () => '--password-stdin：标准输入为空'],
  [/^no user "(.*)"$/s, (u) => `没有名为 "${u}" 的账号`],
  [/^A user named "(.*)" already exists$/s, (u) => `名为 "${u}" 的账号已存在`],
  [
    /^patientId: a patient user must be linked to a Patient resource$/,
    () => '患者账号须用 --patient 关联患者档案',
  ],
  [
    /^patientId: only patient users are linked to a Patient resource$/,
    () => '只有患者账号（--role patient）才能关联患者档案',
  ],
  // the identity service's /admin rules (packages/identity/schemas.ts, users.ts), as `qihuang user` meets them
  [
    /^username: letters, digits and \. _ @ - \(up to 64\)$/,
    () => '用户名只能含字母、数字和 . _ @ -（最多 64 个字符）',
  ],
  // the password policy's refusals (packages/identity/password-policy.ts, issue 21): the contract's one table
  ...PASSWORD_REFUSAL_CODES.map((code): [RegExp, (...m: string[]) => string] => [
    new RegExp(`^password: ${escapeRegExp(PASSWORD_REFUSAL_WORDS.en[code]).replace('\\{n\\}', '(\\d+)')}$`),
    (n = String(PASSWORD_LENGTHS.min)) => PASSWORD_REFUSAL_WORDS['zh-CN'][code].replace('{n}', n),
  ]),
  [
    /^patientId: there is no Patient\/(.*); link the account to an existing patient record$/s,
    (id) => `没有编号为 ${id} 的患者档案；请用 --patient 关联已有的患者档案`,
  ],
  [/^(--[\w-]+): not a date "(.*)"$/s, (o, v) => `${o}：不是日期 "${v}"`],
  [/^(--[\w-]+): cannot read (.*)$/s, (o, p) => `${o}：无法读取 ${p}`],
  [
    /^cannot reach the server: (.+) \((\S+)\) at (\S+)$/s,
    (why, code, url) => `无法连接服务器 ${url}：${NETWORK_ZH[why] ?? why}（${code}）`,
  ],
];

/** The one line the CLI prints for a failed command. */
export function errorLine(message: string, locale: CliLocale): string {
  if (locale === 'en') return `error: ${message}`;
  for (const [pattern, word] of ZH) {
    const match = pattern.exec(message);
    if (match) return `错误：${word(...match.slice(1))}`;
  }
  return `错误：${message}`;
}

/** The import summary's lines. */
export const IMPORT_TEXT = {
  en: {
    imported: (done: number, files: number, rejected: number) =>
      rejected > 0 ? `Imported ${done} of ${files} file(s)` : `Imported ${files} file(s)`,
    resources: (resources: number, written: number, unchanged: number, seconds: string, rate: number) =>
      `${resources} resources (${written} written, ${unchanged} unchanged) in ${seconds} s (${rate}/s)`,
    filesRejected: (n: number) => `${n} file(s) rejected`,
    rejected: (n: number) => `Rejected ${n}:`,
    entry: 'entry',
  },
  'zh-CN': {
    imported: (done: number, files: number, rejected: number) =>
      rejected > 0 ? `已导入 ${done}/${files} 个文件` : `已导入 ${files} 个文件`,
    resources: (resources: number, written: number, unchanged: number, seconds: string, rate: number) =>
      `${resources} 个资源（写入 ${written}，未变 ${unchanged}），用时 ${seconds} 秒（${rate}/秒）`,
    filesRejected: (n: number) => `${n} 个文件被拒绝`,
    rejected: (n: number) => `拒绝 ${n} 项：`,
    entry: '条目',
  },
} as const;

/**
 * `--help` in Chinese when the CLI's language is zh-CN (issue 20: the help was English only; one language per
 * screen). The commands word their help in English where they are registered; this table gives the Chinese of
 * each text, keyed by the English, and `localizeHelp` shows it through commander's help hooks (titles, option
 * defaults, CJK-aware wrapping): the top-level help, the commands an IT engineer uses first (here) and the clinical
 * and evaluation commands (help-zh-commands.ts). help-zh.test.ts checks every command's help has no English prose
 * left, so a new or reworded text needs its Chinese.
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { HELP_ZH_COMMANDS } from './help-zh-commands.ts';

const LOCALE_ZH = 'zh-CN|en（文字输出的语言；默认取 QIHUANG_LOCALE 或 LANG）';

/** English help text (as registered) → Chinese: main.ts, the command table, serve, import, user, audit. */
export const HELP_ZH: Readonly<Record<string, string>> = {
  // commander and main.ts
  'Qihuang (岐黄) — self-hosted medical large-model platform': '岐黄（Qihuang）— 本地部署的医疗大模型平台',
  'output the version number': '显示版本号',
  'display help for command': '显示命令帮助',
  // the command table (commands/index.ts): the top-level listing
  'Summarise a 24-hour ambulatory BP recording: 24 h/day/night means, dipping, phenotype':
    '汇总 24 小时动态血压记录：24 小时、白天、夜间均值，夜间下降率，表型',
  'Tamper-evident audit trail: verify the hash chain, export entries': '防篡改审计日志：校验哈希链，导出条目',
  'Blood pressure: office classification and home-series assessment': '血压：诊室血压分级，家庭血压序列评估',
  'Hypertension care: emergency triage, treatment proposal, measurement reminders':
    '高血压全程管理：急症分诊，治疗方案建议，测量提醒',
  'De-identify a clinical text (zh/en): names, IDs, phones, addresses, dates (shifted), ages over 89, … (HIPAA Safe Harbor + Chinese identifiers)':
    '临床文本去标识化（中英文）：姓名、证件号、电话、地址、日期（整体平移）、89 岁以上年龄等（HIPAA Safe Harbor 及中国身份标识）',
  'Evaluation centre: run suites against models or pipelines, report, compare':
    '评测中心：用评测集测试模型或流程，出报告，做比较',
  'Grounding guard: verify a model answer against its passages and the clinical engines':
    '依据校验：对照引用段落和临床引擎核查模型回答',
  'Load FHIR Bundles (transaction, batch, collection), resources and Bulk Data NDJSON files or folders':
    '导入 FHIR Bundle（transaction、batch、collection）、单个资源和 Bulk Data NDJSON 文件或文件夹',
  'Medical knowledge base: add documents, search with citations': '医学知识库：添加文档，带出处检索',
  'Renal function: CKD-EPI 2021 eGFR, Cockcroft–Gault, KDIGO stage':
    '肾功能：CKD-EPI 2021 eGFR，Cockcroft–Gault 肌酐清除率，KDIGO 分期',
  'Cardiovascular risk: PCE 2013, PREVENT, China 2018 stratification':
    '心血管风险：PCE 2013，PREVENT，中国高血压防治指南 2018 危险分层',
  'Prescription review (前置审方)': '前置审方',
  'Start the Qihuang server (FHIR API, gateway, console). Settings from PORT, HOST, QIHUANG_DATA_DIR, DATABASE_URL, QIHUANG_DEMO …':
    '启动岐黄服务器（FHIR 接口、模型网关、控制台）。设置取自 PORT、HOST、QIHUANG_DATA_DIR、DATABASE_URL、QIHUANG_DEMO 等',
  'Clinical language (zh/en): concepts, codes, modifiers and vital signs in patient text':
    '临床语言（中英文）：患者文本中的概念、编码、修饰语和生命体征',
  'Accounts: list, create, reset a password (server stopped)': '账号：列出、创建、重置密码（需先停止服务器）',
  // serve
  'port to listen on (PORT, default 8080)': '监听端口（PORT，默认 8080）',
  'address to bind (HOST, default 127.0.0.1)': '绑定地址（HOST，默认 127.0.0.1）',
  'embedded database directory (QIHUANG_DATA_DIR, default ./.qihuang)':
    '内置数据库目录（QIHUANG_DATA_DIR，默认 ./.qihuang）',
  'start without demo data (QIHUANG_DEMO=0)': '启动时不加载演示数据（QIHUANG_DEMO=0）',
  // import
  'files or folders (.json, .ndjson)': '文件或文件夹（.json、.ndjson）',
  'import through a running server instead of opening the database directly':
    '通过运行中的服务器导入，不直接打开数据库',
  'bearer token or API key for --server (or QIHUANG_TOKEN)':
    '--server 使用的令牌或 API 密钥（或 QIHUANG_TOKEN）',
  'files imported at once on PostgreSQL or through a server (default 4)':
    '使用 PostgreSQL 或通过服务器时同时导入的文件数（默认 4）',
  'print the summary as JSON': '以 JSON 输出汇总',
  'no progress bar': '不显示进度条',
  // user
  'List the accounts: username, display name, role, linked patient, status':
    '列出账号：用户名、显示名称、角色、关联患者、状态',
  'JSON output': 'JSON 输出',
  'zh-CN|en (text output; default QIHUANG_LOCALE or LANG)': LOCALE_ZH,
  'Create an account; prints a generated password unless --password-stdin':
    '创建账号；未用 --password-stdin 时显示生成的密码',
  'letters, digits and . _ @ -': '字母、数字及 . _ @ -',
  "the patient's record id (role patient)": '患者的病历 id（角色为 patient 时）',
  'the name shown in the console': '控制台中显示的姓名',
  'read the password from standard input': '从标准输入读取密码',
  "Set a new password and sign the account's sessions out; prints it unless --password-stdin":
    '设置新密码并注销该账号的所有会话；未用 --password-stdin 时显示新密码',
  'read the new password from standard input': '从标准输入读取新密码',
  // audit
  'Check every audit entry against the hash chain; exit 3 naming the first entry that was edited, deleted, inserted or reordered; exit 2 for a bad option; exit 1 when it cannot run (the database cannot be opened, e.g. the embedded one while the server runs)':
    '按哈希链逐条校验审计条目；发现被修改、删除、插入或调换顺序的条目时以退出码 3 结束并指出第一条；选项错误退出码 2；无法运行（数据库打不开，如服务器运行时的内置数据库）退出码 1',
  'print the result as JSON': '以 JSON 输出结果',
  'a chain head kept outside the database (as printed by verify): fail unless the chain still holds it':
    '保存在数据库之外的链头（verify 输出的格式）：链中不再包含它时判为失败',
  'file of chain-head checkpoints (QIHUANG_AUDIT_CHECKPOINT_FILE): fail unless the chain holds every one':
    '链头检查点文件（QIHUANG_AUDIT_CHECKPOINT_FILE）：链中缺少任一检查点时判为失败',
  "hash inside PostgreSQL: faster, but trusts the server's sha256 (routine checks)":
    '在 PostgreSQL 内计算哈希：更快，但信任数据库的 sha256（日常检查用）',
  'Write audit entries as NDJSON AuditEvent resources to stdout (oldest first)':
    '把审计条目以 NDJSON 格式的 AuditEvent 资源写到标准输出（按时间从早到晚）',
  'only entries touching this patient': '只导出涉及该患者的条目',
  'only entries recorded at or after this date/time (ISO 8601)':
    '只导出该日期时间（ISO 8601）及之后记录的条目',
};

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

const zh = (text: string) => HELP_ZH[text] ?? HELP_ZH_COMMANDS[text] ?? text;

/** Commander's own notes after an option or argument, in Chinese: （默认：…）, （可选值：…）. */
function extras(full: string, description: string): string {
  const rest = full.startsWith(description) ? full.slice(description.length) : '';
  const words: [RegExp, string][] = [
    [/\s*\(default: (.*)\)$/, '（默认：$1）'],
    [/\s*\(choices: (.*)\)$/, '（可选值：$1）'],
    [/\s*\(preset: (.*)\)$/, '（预设：$1）'],
    [/\s*\(env: (.*)\)$/, '（环境变量：$1）'],
  ];
  return words.reduce((text, [pattern, word]) => text.replace(pattern, word), rest);
}

/** Terminal columns of a string: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[\d*(;\d+)*m/g, ''))
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/** Wraps at spaces and between CJK characters; a closing mark never starts a line. */
function boxWrap(this: Help, text: string, width: number): string {
  if (width < this.minWidthToWrap) return text;
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\n/)) {
    const tokens = raw.match(/\s*(?:[\u2e80-\ua4cf\uff00-\uffef]|[^\s\u2e80-\ua4cf\uff00-\uffef]+)/gu) ?? [
      '',
    ];
    let line = '';
    for (const token of tokens) {
      const closing = /^[，。；：、）》」』！？]/.test(token);
      if (line && !closing && displayWidth(line + token) > width) {
        lines.push(line);
        line = token.trimStart();
      } else line += token;
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Shows `program`'s help, and every command's below it, in Chinese (where HELP_ZH has the text). */
export function localizeHelp(program: Command): void {
  const base = Help.prototype;
  const config: Partial<Help> = {
    styleTitle: (title: string) => TITLES[title] ?? title,
    formatHelp: (cmd: Command, helper: Help) =>
      base.formatHelp.call(helper, cmd, helper).replace(/^用法： /, '用法：'),
    commandDescription: (cmd: Command) => zh(base.commandDescription.call(new Help(), cmd)),
    subcommandDescription: (cmd: Command) => zh(base.subcommandDescription.call(new Help(), cmd)),
    optionDescription: (option: Option) =>
      zh(option.description) + extras(base.optionDescription.call(new Help(), option), option.description),
    argumentDescription: (argument: Argument) =>
      zh(argument.description) +
      extras(base.argumentDescription.call(new Help(), argument), argument.description),
    displayWidth,
    boxWrap,
  };
  const walk = (cmd: Command) => {
    cmd.configureHelp({ ...cmd.configureHelp(), ...config });
    cmd.commands.forEach(walk);
  };
  walk(program);
}

/**
 * The lines `qihuang audit verify` prints, in the run's language (one language per run, issue 20): the result
 * and the progress counter. The audit package words a broken entry's detail in English; in Chinese the line is
 * worded from the problem and the entry number.
 */
import type { AuditProblem, AuditVerifyResult } from '@qihuang/audit';
import type { CliLocale } from '../locale.ts';

/** Each problem's name and its sentence in Chinese (`seq` the first bad entry, `checked` entries intact). */
export const PROBLEM_ZH: Record<
  AuditProblem,
  { name: string; detail: (seq: number, checked: number) => string }
> = {
  edited: { name: '被修改', detail: (s) => `第 ${s} 条的内容与其哈希不符，已被修改` },
  deleted: { name: '被删除', detail: (s) => `从第 ${s} 条起有条目缺失，已被删除` },
  inserted: { name: '被插入', detail: (s) => `第 ${s} 条超出链头记录的范围，是绕过审计日志写入的` },
  reordered: {
    name: '位置被改变',
    detail: (s) => `第 ${s} 条不在其写入时的位置（被移动、插入，或删除后重新编号）`,
  },
  'broken-link': {
    name: '链接断开',
    detail: (s) => `第 ${s} 条与第 ${s - 1} 条的链接不符（前一条被改写，或在其前插入或删除了条目）`,
  },
  'head-mismatch': { name: '链头不符', detail: (s) => `第 ${s} 条与链头记录的哈希不符` },
  rewound: {
    name: '链被回退',
    detail: (s, c) => `检查点记录了第 ${s} 条，但链止于第 ${c} 条：最新的条目被删除，链头被回退`,
  },
  'checkpoint-mismatch': {
    name: '与检查点不符',
    detail: (s) => `第 ${s} 条的哈希与检查点记录的不同：链从该条或更早处被改写`,
  },
  'empty-chain': {
    name: '链被清空',
    detail: () => '审计链为空，但数据库中仍有病历资源或用户：审计链已被删除',
  },
};

export function verifyLine(result: AuditVerifyResult, locale: CliLocale): string {
  const zh = locale === 'zh-CN';
  if (result.ok) {
    const { checked, head, elapsedMs, checkpoints } = result;
    if (zh)
      return `审计链完整：共 ${checked} 条，链头 ${head.seq}:${head.hash}${checkpoints !== undefined ? `，${checkpoints} 个检查点均吻合` : ''}（${elapsedMs} 毫秒）`;
    const held = checkpoints !== undefined ? `, ${checkpoints} checkpoint(s) hold` : '';
    return `audit chain intact: ${checked} entries, head ${head.seq}:${head.hash}${held} (${elapsedMs} ms)`;
  }
  const bad = result.firstBad;
  if (!zh) return `audit chain BROKEN at entry ${bad?.seq} (${bad?.problem}): ${bad?.message}`;
  const problem = bad ? PROBLEM_ZH[bad.problem] : undefined;
  return `审计链在第 ${bad?.seq} 条处断裂（${problem?.name ?? '未知问题'}）：${problem?.detail(bad!.seq, result.checked) ?? ''}`;
}

/** The progress counter written to a terminal's stderr while verifying. */
export const progressLine = (checked: number, total: number, locale: CliLocale) =>
  locale === 'zh-CN' ? `\r已校验 ${checked} / ${total}` : `\rchecked ${checked} / ${total}`;

/**
 * Users never see internal references (IT trial, issue 19: `qihuang kb search "氨氯地平 最大剂量" --json` returned
 * "来源：REFERENCE §5.1 (ACC/AHA 2017 Table 18 …)", and the guideline summary carried "[V2]" verification tags).
 * The shipped packs and what a search over them returns cite the guideline, label or paper by name and section —
 * never "REFERENCE", "UNVERIFIED" or a [V1]/[V2] mark. Internal provenance stays in Markdown comments, which are
 * stripped before ingestion. (Engines: packages/engines/user-facing-sources.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import type { Database } from '@qihuang/store';
import { openTestDatabase } from '@qihuang/test-kit';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge-base.ts';
import { drugMonographsMarkdown } from './drug-monographs.ts';
import { guidelineSummaryMarkdown, loadKnowledgePacks } from './index.ts';

const INTERNAL = [/REFERENCE/, /UNVERIFIED/i, /\[V\d\]/, /未核实/];

function strings(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const leaks = (label: string, value: unknown) =>
  strings(value, label)
    .flatMap(([p, s]) => s.split('\n').map((line) => [p, line] as const))
    .filter(([, line]) => INTERNAL.some((re) => re.test(line)))
    .map(([p, line]) => `${p}: ${line}`);

describe('knowledge packs shown to users', () => {
  it('the guideline summary and the drug monographs name guidelines, not internal references', () => {
    expect(leaks('guideline', guidelineSummaryMarkdown())).toEqual([]);
    expect(leaks('drugs', drugMonographsMarkdown())).toEqual([]);
    expect(drugMonographsMarkdown()).toMatch(/来源：ACC\/AHA 2017 Table 18/);
    expect(guidelineSummaryMarkdown()).toMatch(/ACC\/AHA 2017 高血压指南 Table 6/);
  });

  describe('search results', () => {
    let database: Database;
    let kb: KnowledgeBase;
    beforeAll(async () => {
      database = await openTestDatabase('pglite');
      kb = createKnowledgeBase({ db: database.db });
      await loadKnowledgePacks(database.db, { knowledge: kb });
    });
    afterAll(() => database.close());

    it.each([
      ['氨氯地平 最大剂量', 'drug-monographs'],
      ['螺内酯 肾功能', 'drug-monographs'],
      ['ACC/AHA 2017 分类', 'guidelines'],
      ['家庭血压监测', 'guidelines'],
      ['高血压急症', 'guidelines'],
      ['降压目标 老年', 'guidelines'],
    ])('"%s" in %s', async (query, collection) => {
      const result = await kb.search({ query, principal: SYSTEM_PRINCIPAL, collections: [collection] });
      expect(result.passages.length).toBeGreaterThan(0);
      expect(leaks('result', result)).toEqual([]);
    });
  });
});

/**
 * `kb import-kg PATH`: imports a copy of the QASystemOnMedicalKG disease knowledge graph (liuhuanyong) that the
 * hospital obtained itself. It is not shipped with Qihuang because its repository states no licence (see
 * ../shared/data/medical-kg-zh/SOURCE.md). Accepts the `dict/*.txt` entity lists (one name per line) and, when
 * present, `data/medical.json` (one JSON disease record per line): entity names join the segmentation
 * dictionary; disease records become one Markdown section each (简介, 病因, 症状, 检查, 治疗, 常用药 …).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QihuangError, type Principal } from '@qihuang/contracts';
import type { KnowledgeBase } from './knowledge-base.ts';
import { addDictionaryWords } from './segment.ts';
import type { IngestResult } from './types.ts';

export interface ImportKgOptions {
  collection?: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface ImportKgSummary {
  collection: string;
  dictionaryWords: number;
  diseases: number;
  documents: IngestResult[];
}

const ENTITY_FILES: Record<string, string> = {
  'disease.txt': '疾病 Diseases',
  'symptom.txt': '症状 Symptoms',
  'drug.txt': '药品 Drugs',
  'check.txt': '检查 Checks',
  'department.txt': '科室 Departments',
  'food.txt': '食物 Foods',
  'producer.txt': '在售药品 Products',
};
const DICTIONARY_FILES = new Set(['disease.txt', 'symptom.txt', 'drug.txt', 'check.txt']);

const FIELDS: [string, string][] = [
  ['desc', '简介'],
  ['category', '分类'],
  ['cause', '病因'],
  ['prevent', '预防'],
  ['symptom', '症状'],
  ['acompany', '并发症'],
  ['cure_department', '就诊科室'],
  ['cure_way', '治疗方法'],
  ['cure_lasttime', '治疗周期'],
  ['cured_prob', '治愈率'],
  ['check', '检查'],
  ['common_drug', '常用药'],
  ['recommand_drug', '推荐药'],
  ['easy_get', '易感人群'],
  ['get_way', '传染方式'],
];

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function diseaseSection(record: Record<string, unknown>): string | undefined {
  const name = typeof record.name === 'string' ? record.name.trim() : '';
  if (!name) return undefined;
  const lines = [`## ${name}`, ''];
  for (const [key, label] of FIELDS) {
    const v = record[key];
    const text = Array.isArray(v)
      ? v.filter((x) => typeof x === 'string').join('、')
      : typeof v === 'string'
        ? v.trim()
        : '';
    if (text) lines.push(`${label}：${text}`, '');
  }
  return lines.join('\n');
}

export async function importKnowledgeGraph(
  kb: KnowledgeBase,
  path: string,
  principal: Principal,
  options: ImportKgOptions = {},
): Promise<ImportKgSummary> {
  if (!existsSync(path)) throw new QihuangError('invalid-input', `No such file or folder: ${path}`);
  const root = statSync(path).isDirectory() ? path : join(path, '..');
  const dictDir = existsSync(join(root, 'dict')) ? join(root, 'dict') : root;
  const entityFiles = readdirSync(dictDir).filter((f) => f in ENTITY_FILES);
  const jsonPath = [join(root, 'data', 'medical.json'), join(root, 'medical.json')].find((p) =>
    existsSync(p),
  );
  if (!entityFiles.length && !jsonPath) {
    throw new QihuangError('invalid-input', `${path}: expected dict/*.txt entity lists or data/medical.json`);
  }
  const collection = options.collection ?? 'medical-kg';
  await kb.ensureCollection(
    {
      name: collection,
      description: 'Imported disease knowledge graph (QASystemOnMedicalKG; licence: none stated)',
    },
    principal,
  );
  let dictionaryWords = 0;
  for (const f of entityFiles)
    if (DICTIONARY_FILES.has(f)) dictionaryWords += addDictionaryWords(readLines(join(dictDir, f)));

  const docs: { filename: string; content: string }[] = [];
  let diseases = 0;
  if (jsonPath) {
    const sections: string[] = [];
    for (const line of readFileSync(jsonPath, 'utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      const s = diseaseSection(record);
      if (s) sections.push(s);
    }
    diseases = sections.length;
    for (let i = 0; i < sections.length; i += 200) {
      const n = String(i / 200 + 1).padStart(3, '0');
      docs.push({
        filename: `diseases-${n}.md`,
        content: [`# 疾病知识图谱 ${n}`, '', ...sections.slice(i, i + 200)].join('\n'),
      });
    }
  }
  for (const f of entityFiles) {
    const names = readLines(join(dictDir, f));
    const label = ENTITY_FILES[f] as string;
    const paragraphs: string[] = [];
    for (let i = 0; i < names.length; i += 60) paragraphs.push(names.slice(i, i + 60).join('、'));
    docs.push({
      filename: `entities-${basename(f, '.txt')}.md`,
      content: [`# ${label}`, '', ...paragraphs.map((p) => `${p}\n`)].join('\n'),
    });
  }
  const documents: IngestResult[] = [];
  for (const [i, d] of docs.entries()) {
    documents.push(
      await kb.ingest(
        {
          collection,
          filename: d.filename,
          content: d.content,
          source: 'QASystemOnMedicalKG (liuhuanyong), imported locally',
        },
        principal,
      ),
    );
    options.onProgress?.(i + 1, docs.length, d.filename);
  }
  return { collection, dictionaryWords, diseases, documents };
}

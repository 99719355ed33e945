/**
 * De-identification on outside text that carries no identifiers (issue 18): every span found there is a false
 * positive, and each one makes a cloud prompt harder to read. Runs `detectPhi` (safety net on, as for cloud
 * calls) over the shared question-and-answer sets in ../shared/data and prints spans per 10,000 characters by set
 * and by category:
 *   CMExam (question, options, explanation per row), Toyhom MedQA (questions.jsonl title + ask, answers.jsonl
 *   text), MIE (one dialogue per text, turns written "speaker：text"), MedQA-USMLE (question and options),
 *   PubMedQA (question, contexts, long answer).
 * `--show N` lists up to N example spans per set with their context; `--sets cmexam,mie` runs a subset;
 * `--data DIR` reads the sets from another folder.
 * Steps aside with a message when ../shared/data is absent (a fresh clone).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCsvRecords } from '@qihuang/csv';
import { detectPhi, type PhiSpan } from '@qihuang/deid';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
/** `--data DIR` measures another checkout (a worktree of older code) against the same data. */
const DATA =
  flag('data')?.replace(/\/?$/, '/') ?? fileURLToPath(new URL('../../shared/data/', import.meta.url));
const show = Number(flag('show') ?? 0);
const wanted = flag('sets')?.split(',');

const read = (path: string) => readFileSync(`${DATA}${path}`, 'utf8');
const jsonl = <T>(path: string): T[] =>
  read(path)
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** Each set: its file (checked for presence) and its texts, one per question, answer or dialogue. */
const SETS: { name: string; file: string; texts: () => string[] }[] = [
  {
    name: 'cmexam',
    file: 'cmexam/cmexam_val_subset.csv',
    texts: () =>
      readCsvRecords(read('cmexam/cmexam_val_subset.csv')).map((r) =>
        [r['Question'], (r['Options'] ?? '').replaceAll('\\n', '\n'), r['Explanation']].join('\n'),
      ),
  },
  {
    name: 'toyhom',
    file: 'toyhom-medqa/questions.jsonl',
    texts: () => [
      ...jsonl<{ title: string; ask: string }>('toyhom-medqa/questions.jsonl').map(
        (q) => `${q.title}\n${q.ask}`,
      ),
      ...jsonl<{ text: string }>('toyhom-medqa/answers.jsonl').map((a) => a.text),
    ],
  },
  {
    name: 'mie',
    file: 'mie/mie_dev_dialogues.jsonl',
    texts: () =>
      jsonl<{ turns: { speaker: string; text: string }[] }>('mie/mie_dev_dialogues.jsonl').map((d) =>
        d.turns.map((t) => `${t.speaker}：${t.text}`).join('\n'),
      ),
  },
  {
    name: 'medqa-usmle',
    file: 'medqa-usmle/medqa_usmle_4options_test_subset.jsonl',
    texts: () =>
      jsonl<{ question: string; options: Record<string, string> }>(
        'medqa-usmle/medqa_usmle_4options_test_subset.jsonl',
      ).map((q) => [q.question, ...Object.entries(q.options).map(([k, v]) => `${k}. ${v}`)].join('\n')),
  },
  {
    name: 'pubmedqa',
    file: 'pubmedqa/ori_pqal_subset.json',
    texts: () =>
      Object.values(
        JSON.parse(read('pubmedqa/ori_pqal_subset.json')) as Record<
          string,
          { QUESTION: string; CONTEXTS: string[]; LONG_ANSWER: string }
        >,
      ).map((x) => [x.QUESTION, ...x.CONTEXTS, x.LONG_ANSWER].join('\n')),
  },
];

if (!existsSync(DATA)) {
  console.log(`deid-outside-text: ${DATA} absent (fresh clone): skipped`);
} else {
  let total = 0;
  let totalChars = 0;
  for (const set of SETS) {
    if (wanted && !wanted.includes(set.name)) continue;
    if (!existsSync(`${DATA}${set.file}`)) {
      console.log(`${set.name}: ${set.file} absent: skipped`);
      continue;
    }
    const texts = set.texts();
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const byCategory = new Map<string, number>();
    const examples: string[] = [];
    let spans = 0;
    for (const text of texts) {
      const found: PhiSpan[] = detectPhi(text);
      spans += found.length;
      for (const s of found) {
        byCategory.set(s.category, (byCategory.get(s.category) ?? 0) + 1);
        if (examples.length < show) {
          const context = text.slice(Math.max(0, s.start - 12), s.end + 12).replaceAll('\n', '⏎');
          examples.push(`  ${s.category} ${JSON.stringify(s.text)} … ${context}`);
        }
      }
    }
    total += spans;
    totalChars += chars;
    const per = (n: number) => ((n / chars) * 10_000).toFixed(2);
    console.log(
      `${set.name}: ${texts.length} texts, ${chars} chars, ${spans} spans = ${per(spans)} per 10k chars (${[
        ...byCategory,
      ]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${per(n)}`)
        .join(', ')})`,
    );
    for (const e of examples) console.log(e);
  }
  if (totalChars > 0)
    console.log(
      `all: ${total} spans over ${totalChars} chars = ${((total / totalChars) * 10_000).toFixed(2)} per 10k`,
    );
}

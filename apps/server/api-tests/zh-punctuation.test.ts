/**
 * Chinese screens use Chinese punctuation (issue 20, a non-author try): the zh console catalogue and the server's
 * zh text builders (crisis alert text, triage as the CLI prints it, lifestyle goals, the alert-close refusal) never
 * put an ASCII `:`, `;`, `?` or `@` beside a Chinese character ("测量值: ", "胸痛/胸闷;190/125 mmHg",
 * "处置措施:请填写…"). Times (08:30), ratios (190/125) and units keep their ASCII characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAlertAction } from '@qihuang/bp-monitoring';
import { evaluateAlerts } from '@qihuang/engines/blood-pressure';
import { lifestyleGoals, triage } from '@qihuang/engines/hypertension-care';
import { BUILT_IN_DRUGS, DRUG_CLASSES } from '@qihuang/drug-knowledge';

const CJK = '\\u3400-\\u9fff\\u3000-\\u303f\\uff01-\\uff60';
/** An ASCII : ; ? @ with a Chinese character or Chinese punctuation beside it (spaces between allowed). */
const ASCII_BESIDE_CJK = new RegExp(`[${CJK}] *[:;?@]|[:;?@] *[${CJK}]`);

/** Every string in a (nested) message object, with its key path. */
function strings(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, `${path}.${k}`, out);
  return out;
}

const offending = (texts: [string, string][]) => texts.filter(([, text]) => ASCII_BESIDE_CJK.test(text));
/**
 * ASCII brackets in Chinese text (issue 20 try: '高于家庭血压阈值 (135/85)', '血压 (mmHg)'): a bracket with a Chinese
 * character or Chinese punctuation before it, or a closing one followed by Chinese. Latin inside Latin stays.
 */
const ASCII_BRACKET_BESIDE_CJK = new RegExp(`[${CJK}] *[()]|\\) *[${CJK}]`);
const bracketed = (texts: [string, string][]) =>
  texts.filter(([, text]) => ASCII_BRACKET_BESIDE_CJK.test(text));

describe('zh text uses Chinese punctuation', () => {
  it('the pattern: catches ASCII punctuation beside Chinese, not times, ratios or units', () => {
    for (const bad of [
      '测量值: 3',
      '胸痛/胸闷;190/125 mmHg',
      '确认签署此处方?',
      '危急读数（1 次）: 192/124',
      '危急读数 @ 00:17',
      'kg/m²;腰围',
    ])
      expect(bad).toMatch(ASCII_BESIDE_CJK);
    for (const ok of ['测量于 08:30', '190/125 mmHg', '请选择：a；b？', 'BMI <24 kg/m²；腰围', 'https://x.y'])
      expect(ok).not.toMatch(ASCII_BESIDE_CJK);
    for (const bad of ['高于家庭血压阈值 (135/85)', '血压 (mmHg)', '(2 次)以上'])
      expect(bad).toMatch(ASCII_BRACKET_BESIDE_CJK);
    for (const ok of ['高于家庭血压阈值（135/85）', 'Above the home threshold (135/85)', '血压（mmHg）'])
      expect(ok).not.toMatch(ASCII_BRACKET_BESIDE_CJK);
  });

  it('in every zh-CN catalogue of the console', async () => {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src/i18n');
    const files = readdirSync(dir).filter((f) => /^zh-CN.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(3);
    const texts: [string, string][] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) strings(value, `${file}:${name}`, texts);
    }
    expect(texts.length).toBeGreaterThan(500);
    expect(offending(texts)).toEqual([]);
    expect(bracketed(texts)).toEqual([]);
  });

  it('in the console: a catalogue label is followed by the catalogue colon, never a literal ": "', () => {
    const web = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/src');
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(join(dir, e.name))
          : /\.tsx$/.test(e.name) && !e.name.includes('.test.')
            ? [join(dir, e.name)]
            : [],
      );
    // `{t('care.source')}: {…}` read "依据: …" on a Chinese screen; `{t('common.colon')}` is '：' there.
    const literal = /\$?\{t\('[^']+'(?:, \{[^{}]*\})?\)\}(?::(?:\{' '\}| |<)|:$)|\.join\(' @ '\)/m;
    // A catalogue label followed by a literal ' (…)' around numbers: '高于家庭血压阈值 (135/85)' on a zh screen.
    const bracket = /t\('[^']+'\)[^\n]*` \(\$\{/;
    const found = sources(web).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => [`${file.slice(web.length + 1)}:${i + 1}`, line.trim()] as const)
        .filter(([, line]) => literal.test(line) || bracket.test(line)),
    );
    expect(found).toEqual([]);
  });

  it('in the server text builders: crisis alert, triage (CLI), lifestyle goals, alert-close refusal', () => {
    const now = '2026-12-08T00:20:00Z';
    const texts: [string, string][] = [];
    const alerts = evaluateAlerts({
      readings: [
        { id: 'a', sbp: 198, dbp: 130, time: '2026-12-08T00:10:00Z' },
        { id: 'b', sbp: 192, dbp: 124, time: '2026-12-06T00:17:00Z' },
      ],
      now,
      target: { sbp: 140, dbp: 90 },
      guideline: 'china-2018',
    });
    expect(alerts.some((a) => a.kind === 'crisis')).toBe(true);
    for (const a of alerts) texts.push([`alert ${a.kind}`, a.display.zh]);
    const crisis = alerts.find((a) => a.kind === 'crisis')!.display.zh;
    expect(crisis.match(/请立即评估有无靶器官损害症状/g)).toHaveLength(1);
    expect(crisis).toMatch(/。$/);
    for (const level of [
      { text: '胸痛，胸闷', sbp: 190, dbp: 125 },
      { text: '头痛', sbp: 185, dbp: 100 },
    ]) {
      const r = triage({
        text: level.text,
        readings: [{ id: 'r', sbp: level.sbp, dbp: level.dbp, time: now }],
        now,
        guideline: 'china-2018',
      });
      texts.push([`triage ${r.level}`, r.display.zh]);
    }
    for (const guideline of ['china-2018', 'esh-2023', 'acc-aha-2017'] as const)
      for (const g of lifestyleGoals({ guideline, bmi: 29, smoker: true, saltGramsPerDay: 12, sex: 'male' }))
        texts.push(...strings(g, `lifestyle ${guideline}`));
    let refusal = '';
    try {
      parseAlertAction({}, now, {}, { language: 'zh-CN', timeZone: 'Asia/Shanghai' });
    } catch (error) {
      refusal = (error as Error).message;
    }
    expect(refusal).toMatch(/^关闭警报须记录处置措施：/);
    texts.push(['alert-close refusal', refusal]);
    expect(offending(texts)).toEqual([]);
    expect(bracketed(texts)).toEqual([]);
  });

  // Issue 20: the drug knowledge base's Chinese reaches zh screens in findings ('血管紧张素转换酶抑制剂(ACEI)').
  it('in the drug knowledge base: class names and drug texts in Chinese', () => {
    const zh = [...strings(DRUG_CLASSES, 'classes'), ...strings(BUILT_IN_DRUGS, 'drugs')].filter(([path]) =>
      /\.(zh|zhName)$/.test(path),
    );
    expect(zh.length).toBeGreaterThan(50);
    expect(bracketed(zh)).toEqual([]);
  });
});

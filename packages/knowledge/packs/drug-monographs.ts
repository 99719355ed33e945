/**
 * Drug monographs generated from the drug knowledge base (@qihuang/drug-knowledge): one Markdown section per
 * drug with names, class, usual/maximum dose, renal rules, contraindications and pregnancy facts, each with
 * its source label. Regenerated whenever the knowledge base version changes (the content hash changes).
 */
import {
  BUILT_IN_DRUGS,
  DRUG_CLASSES,
  DRUG_KNOWLEDGE_VERSION,
  sourceOf,
  withoutInternalReferences,
  type DrugEntry,
} from '@qihuang/drug-knowledge';

/** Users see the guideline or label by name and section, never the internal reference or verification marks. */
const cite = (id: string) => withoutInternalReferences(sourceOf(id).label).replace(/\s*\[V\d\]/g, '');

/**
 * Facts the drug knowledge base marks as not yet checked against the label ("(UNVERIFIED)", "（未核实）") keep a
 * caution users can act on, in words rather than the internal mark.
 */
const shown = (text: string) =>
  text
    .replace(/\s*\(UNVERIFIED\)/gi, ' (to be checked against the label)')
    .replace(/\s*[(（]未核实[)）]/g, '（请核对说明书）')
    .replace(/\bUNVERIFIED\b/gi, 'to be checked against the label')
    .replace(/\s*\[V\d\]/g, '');

function doseLine(d: DrugEntry): string | undefined {
  const dose = d.dose;
  if (!dose) return undefined;
  const parts: string[] = [];
  if (dose.usualDaily)
    parts.push(`常用剂量 usual ${dose.usualDaily[0]}–${dose.usualDaily[1]} ${dose.unit}/日`);
  if (dose.maxDaily !== undefined) parts.push(`最大剂量 max ${dose.maxDaily} ${dose.unit}/日`);
  if (dose.maxSingle !== undefined) parts.push(`单次最大 ${dose.maxSingle} ${dose.unit}`);
  if (dose.timesPerDay?.length) parts.push(`每日 ${dose.timesPerDay.join(' 或 ')} 次`);
  if (dose.elderlyStart !== undefined) parts.push(`老年人起始 ${dose.elderlyStart} ${dose.unit}`);
  if (!parts.length) return undefined;
  return `剂量 Dose：${parts.join('；')}${dose.note ? `（${dose.note}）` : ''}。来源：${cite(dose.source)}。`;
}

export function drugMonograph(d: DrugEntry): string {
  const classes = d.classes.map((c) => DRUG_CLASSES[c]).filter(Boolean);
  const lines: string[] = [`## ${d.names.zh} ${d.names.en}`, ''];
  const ident = [
    classes.length ? `类别 Class：${classes.map((c) => `${c.names.zh} (${c.names.en})`).join('、')}` : '',
    d.atc?.length ? `ATC：${d.atc.join(', ')}` : '',
    d.synonyms?.length ? `别名：${d.synonyms.join('、')}` : '',
    d.brands?.length
      ? `商品名：${d.brands.map((b) => [b.zh, b.en].filter(Boolean).join(' / ')).join('；')}`
      : '',
    d.strengths?.length ? `规格：${d.strengths.join('、')}` : '',
  ].filter(Boolean);
  lines.push(`${ident.join('；')}。来源：${cite(d.source)}。`, '');
  const dose = doseLine(d);
  if (dose) lines.push(dose, '');
  for (const r of d.renal ?? []) {
    lines.push(
      `肾功能 Renal（${r.measure} <${r.below}${r.atLeast !== undefined ? `，≥${r.atLeast}` : ''}）：${r.text.zh} ${r.text.en}。来源：${cite(r.source)}。`,
      '',
    );
  }
  for (const h of d.hepatic ?? [])
    lines.push(`肝功能 Hepatic：${h.text.zh} ${h.text.en}。来源：${cite(h.source)}。`, '');
  const contra = [...(d.contraindications ?? []), ...classes.flatMap((c) => c.contraindications ?? [])];
  for (const c of contra) {
    const level = c.severity === 'contraindicated' ? '禁忌 Contraindicated' : '慎用 Caution';
    lines.push(
      `${level}（${c.condition.label.zh} ${c.condition.label.en}）：${c.text.zh} ${c.text.en}。来源：${cite(c.source)}。`,
      '',
    );
  }
  const pregnancy = d.pregnancy ?? classes.find((c) => c.pregnancy)?.pregnancy;
  if (pregnancy)
    lines.push(
      `妊娠 Pregnancy（${pregnancy.level}）：${pregnancy.text.zh} ${pregnancy.text.en}。来源：${cite(pregnancy.source)}。`,
      '',
    );
  const lactation = d.lactation ?? classes.find((c) => c.lactation)?.lactation;
  if (lactation)
    lines.push(
      `哺乳 Lactation（${lactation.level}）：${lactation.text.zh} ${lactation.text.en}。来源：${cite(lactation.source)}。`,
      '',
    );
  return shown(lines.join('\n'));
}

/** The whole monograph book as Markdown (one section per drug, single-ingredient drugs first). */
export function drugMonographsMarkdown(drugs: readonly DrugEntry[] = BUILT_IN_DRUGS): string {
  const sorted = [...drugs].sort(
    (a, b) => Number(!!a.components) - Number(!!b.components) || a.id.localeCompare(b.id),
  );
  return [
    `# 药品说明摘要 Drug monographs`,
    '',
    `由岐黄药品知识库 (drug knowledge ${DRUG_KNOWLEDGE_VERSION}) 自动生成；每条事实注明来源。Generated from the Qihuang drug knowledge base; every fact names its source.`,
    '',
    ...sorted.map(drugMonograph),
  ].join('\n');
}

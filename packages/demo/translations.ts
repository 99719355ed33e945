/**
 * Chinese names for the codes the demo patients' records use (issue 20: one language per screen). The Synthea
 * records are English; the demo loader adds each name as FHIR's standard translation extension
 * (http://hl7.org/fhir/StructureDefinition/translation, lang zh-CN) on the coding's `display` and the concept's
 * `text`, so a Chinese screen reads the Chinese name and an English screen keeps the record's own display.
 * Drug names come from the drug knowledge base's Chinese names where it has the ingredient. Pure.
 */
import { BUILT_IN_DRUGS } from '@qihuang/drug-knowledge';

export const TRANSLATION_URL = 'http://hl7.org/fhir/StructureDefinition/translation';
const SNOMED = 'http://snomed.info/sct';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** SNOMED CT conditions, encounter types and reasons in the demo records. */
export const SNOMED_ZH: Record<string, string> = {
  '10509002': '急性支气管炎',
  '124171000119105': '慢性顽固性无先兆偏头痛',
  '15777000': '糖尿病前期',
  '162864005': '肥胖（体重指数 30 以上）',
  '19169002': '孕早期流产',
  '192127007': '儿童注意缺陷障碍',
  '195662009': '急性病毒性咽炎',
  '230690007': '脑卒中',
  '239872002': '髋关节骨关节炎',
  '262574004': '枪伤',
  '271737000': '贫血',
  '283385000': '大腿裂伤',
  '284551006': '足部裂伤',
  '307731004': '肩袖肌腱损伤',
  '36971009': '鼻窦炎',
  '38341003': '高血压',
  '40055000': '慢性鼻窦炎',
  '428251008': '阑尾切除术史',
  '43878008': '链球菌性咽喉炎',
  '44465007': '踝关节扭伤',
  '444814009': '病毒性鼻窦炎',
  '53741008': '冠心病',
  '55822004': '高脂血症',
  '62106007': '脑震荡（无意识丧失）',
  '64859006': '骨质疏松症',
  '68496003': '结肠息肉',
  '70704007': '腕关节扭伤',
  '72892002': '正常妊娠',
  '74400008': '阑尾炎',
  '75498004': '急性细菌性鼻窦炎',
  '90560007': '痛风',
  // Encounter types
  '183452005': '住院',
  '185345009': '因症状就诊',
  '185347001': '因问题就诊',
  '185349003': '健康体检',
  '210098006': '居家或养老机构诊疗',
  '270427003': '患者主动就诊',
  '305408004': '外科住院',
  '308335008': '门诊就诊',
  '308646001': '死亡证明',
  '371883000': '门诊手术',
  '390906007': '复诊',
  '424441002': '首次产检',
  '424619006': '产检',
  '50849002': '急诊',
  '698314001': '治疗咨询',
};

/**
 * RxNorm clinical drugs in the demo records: the ingredients (drug knowledge base ids; the Chinese name in the
 * second place when the base has no entry) and the strength and form in Chinese.
 */
const RXNORM_PARTS: Record<string, { drugs: [id: string, zh?: string][]; rest: string }> = {
  '1000126': { drugs: [['medroxyprogesterone', '醋酸甲羟孕酮']], rest: '150 mg/ml 注射液 1 ml' },
  '1043400': {
    drugs: [
      ['acetaminophen', '对乙酰氨基酚'],
      ['dextromethorphan', '右美沙芬'],
      ['doxylamine', '多西拉敏'],
    ],
    rest: '口服溶液',
  },
  '1091392': { drugs: [['methylphenidate', '盐酸哌甲酯']], rest: '20 mg 口服片' },
  '1534809': {
    drugs: [
      ['ethinylestradiol', '炔雌醇'],
      ['norelgestromin', '诺孕曲明'],
    ],
    rest: '透皮贴剂（每贴 7 天）',
  },
  '197319': { drugs: [['allopurinol', '别嘌醇']], rest: '100 mg 口服片' },
  '197361': { drugs: [['amlodipine']], rest: '5 mg 口服片' },
  '309362': { drugs: [['clopidogrel']], rest: '75 mg 口服片' },
  '310325': { drugs: [['ferrous-sulfate', '硫酸亚铁']], rest: '325 mg 口服片' },
  '310965': { drugs: [['ibuprofen']], rest: '200 mg 口服片' },
  '312961': { drugs: [['simvastatin']], rest: '20 mg 口服片' },
  '313782': { drugs: [['acetaminophen', '对乙酰氨基酚']], rest: '325 mg 口服片' },
  '316049': { drugs: [['hydrochlorothiazide']], rest: '25 mg' },
  '316052': { drugs: [['hydrochlorothiazide']], rest: '6.25 mg' },
  '316672': { drugs: [['simvastatin']], rest: '10 mg' },
  '389221': { drugs: [['etonogestrel', '依托孕烯']], rest: '68 mg 皮下埋植剂' },
  '562251': { drugs: [['amoxicillin'], ['clavulanic-acid']], rest: '250 mg/125 mg 口服片' },
  '705129': { drugs: [['nitroglycerin']], rest: '0.4 mg/揿 口腔喷雾剂' },
  '748856': { drugs: [['drospirenone-ethinylestradiol', '屈螺酮炔雌醇']], rest: '（Yaz）28 天装' },
  '751905': { drugs: [['norgestimate-ethinylestradiol', '诺孕酯炔雌醇']], rest: '（Trinessa）28 天装' },
  '757594': { drugs: [['norethisterone', '炔诺酮']], rest: '（Jolivette）28 天装' },
  '807283': { drugs: [['levonorgestrel', '左炔诺孕酮']], rest: '52 mg 宫内节育系统（曼月乐）' },
  '834061': { drugs: [['phenoxymethylpenicillin']], rest: '钾 250 mg 口服片' },
  '834102': { drugs: [['phenoxymethylpenicillin']], rest: '钾 500 mg 口服片' },
  '849574': { drugs: [['naproxen']], rest: '钠 220 mg 口服片' },
  '858069': { drugs: [['colchicine', '秋水仙碱']], rest: '0.6 mg（Colcrys）' },
  '904419': { drugs: [['alendronic-acid', '阿仑膦酸']], rest: '10 mg 口服片' },
};

const KB_ZH = new Map(BUILT_IN_DRUGS.map((d) => [d.id, d.names.zh]));

/** An RxNorm clinical drug in Chinese, or undefined when the table has no row for it. */
export function rxnormZh(code: string): string | undefined {
  const row = RXNORM_PARTS[code];
  if (!row) return undefined;
  const names = row.drugs.map(([id, zh]) => KB_ZH.get(id) ?? zh ?? id);
  // "青霉素V 钾 250 mg" reads as "青霉素V钾 250 mg": a salt word joins the name.
  const rest = /^[钾钠]/.test(row.rest) ? row.rest : ` ${row.rest}`;
  return `${names.join('/')}${rest}`;
}

/** The Chinese name of one coding, when the table has it. */
export function codingZh(coding: { system?: string; code?: string }): string | undefined {
  if (!coding.code) return undefined;
  if (coding.system === SNOMED) return SNOMED_ZH[coding.code];
  if (coding.system === RXNORM) return rxnormZh(coding.code);
  return undefined;
}

type Json = Record<string, unknown>;

const translation = (zh: string) => ({
  url: TRANSLATION_URL,
  extension: [
    { url: 'lang', valueCode: 'zh-CN' },
    { url: 'content', valueString: zh },
  ],
});

/** Adds the zh-CN translation to `element._<name>` (keeping other extensions; never twice). */
function withTranslation(holder: Json, name: 'text' | 'display', zh: string): Json {
  const key = `_${name}`;
  const element = (holder[key] as { extension?: Json[] } | undefined) ?? {};
  const extensions = element.extension ?? [];
  if (extensions.some((e) => e.url === TRANSLATION_URL)) return holder;
  return { ...holder, [key]: { ...element, extension: [...extensions, translation(zh)] } };
}

/** A CodeableConcept with the zh-CN translation on each known coding's display and on its text. */
export function translateConcept<T>(concept: T): T {
  if (!concept || typeof concept !== 'object') return concept;
  let out = concept as unknown as Json;
  const codings = (out.coding as Json[] | undefined) ?? [];
  let first: string | undefined;
  const translated = codings.map((c) => {
    const zh = codingZh(c as { system?: string; code?: string });
    if (!zh) return c;
    first ??= zh;
    return typeof c.display === 'string' ? withTranslation(c, 'display', zh) : c;
  });
  if (first === undefined) return concept;
  out = { ...out, coding: translated };
  if (typeof out.text === 'string') out = withTranslation(out, 'text', first);
  return out as T;
}

/** The patient-facing concepts of a resource (problems, medicines, allergies, visits) with zh-CN translations. */
export function translateResource<T>(resource: T): T {
  const r = resource as unknown as Json;
  if (!r || typeof r !== 'object') return resource;
  switch (r.resourceType) {
    case 'Condition':
    case 'AllergyIntolerance':
    case 'Procedure':
      return { ...r, ...(r.code ? { code: translateConcept(r.code) } : {}) } as T;
    case 'MedicationRequest':
    case 'MedicationStatement':
      return r.medicationCodeableConcept
        ? ({ ...r, medicationCodeableConcept: translateConcept(r.medicationCodeableConcept) } as T)
        : resource;
    case 'Encounter':
      return {
        ...r,
        ...(Array.isArray(r.type) ? { type: r.type.map(translateConcept) } : {}),
        ...(Array.isArray(r.reasonCode) ? { reasonCode: r.reasonCode.map(translateConcept) } : {}),
      } as T;
    default:
      return resource;
  }
}

/** A transaction or collection Bundle with every entry's resource translated. */
export function translateBundle(bundle: Record<string, unknown>): Record<string, unknown> {
  const entries = bundle.entry as { resource?: unknown }[] | undefined;
  if (!Array.isArray(entries)) return bundle;
  return {
    ...bundle,
    entry: entries.map((e) => (e?.resource ? { ...e, resource: translateResource(e.resource) } : e)),
  };
}

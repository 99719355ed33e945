/**
 * Chinese names of the SNOMED CT conditions the care engines read (the codes of bp-monitoring condition-keys.ts),
 * for a zh chart whose record carries no zh translation (issue 20: "Essential hypertension" on a zh chart; the demo
 * loader translates only the codes its data uses). Each name says the concept's own meaning (2型糖尿病, not 糖尿病).
 * A code not listed keeps the record's text. Pure data.
 */
const SNOMED_ZH: Record<string, string> = {
  // Hypertension
  '38341003': '高血压',
  '59621000': '原发性高血压',
  '1201005': '良性原发性高血压',
  '78975002': '恶性原发性高血压',
  // Diabetes
  '73211009': '糖尿病',
  '44054006': '2型糖尿病',
  '46635009': '1型糖尿病',
  '127013003': '糖尿病肾病',
  '422034002': '2型糖尿病视网膜病变',
  '90781000119102': '2型糖尿病所致微量白蛋白尿',
  '1551000119108': '2型糖尿病非增殖性视网膜病变',
  '368581000119106': '2型糖尿病神经病变',
  '157141000119108': '2型糖尿病所致蛋白尿',
  // Chronic kidney disease
  '709044004': '慢性肾脏病',
  '431855005': '慢性肾脏病1期',
  '431856006': '慢性肾脏病2期',
  '433144002': '慢性肾脏病3期',
  '431857002': '慢性肾脏病4期',
  '433146000': '慢性肾脏病5期',
  '46177005': '终末期肾病',
  // Coronary heart disease
  '53741008': '冠状动脉粥样硬化性心脏病',
  '414545008': '缺血性心脏病',
  '22298006': '心肌梗死',
  '401303003': '急性ST段抬高型心肌梗死',
  '401314000': '急性非ST段抬高型心肌梗死',
  '399211009': '陈旧性心肌梗死',
  '194828000': '心绞痛',
  '371806006': '稳定型心绞痛',
  // Stroke
  '230690007': '脑卒中',
  '422504002': '缺血性脑卒中',
  '274100004': '脑出血',
  '266257000': '短暂性脑缺血发作',
  '432504007': '脑梗死',
  // Heart failure
  '84114007': '心力衰竭',
  '88805009': '慢性充血性心力衰竭',
  '42343007': '充血性心力衰竭',
  '703272007': '射血分数降低的心力衰竭',
  '85232009': '左心衰竭',
  // Others the engines read
  '90560007': '痛风',
  '195967001': '哮喘',
  '55822004': '高脂血症',
  '13644009': '高胆固醇血症',
  '302870006': '高甘油三酯血症',
  '370992007': '血脂异常',
  '49436004': '心房颤动',
  '282825002': '阵发性心房颤动',
  '274769005': '白蛋白尿',
  '29738008': '蛋白尿',
  '312975006': '微量白蛋白尿',
};

/** The zh name of a concept's SNOMED CT coding, if it is one of the care conditions. */
export function conditionNameZh(
  concept: { coding?: { system?: string; code?: string }[] } | undefined,
): string | undefined {
  for (const c of concept?.coding ?? [])
    if (/snomed/i.test(c.system ?? '') && c.code && SNOMED_ZH[c.code]) return SNOMED_ZH[c.code];
  return undefined;
}

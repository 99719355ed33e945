/**
 * An out-of-office value said to correspond to an office value, on a row of ACC/AHA 2017 Table 11 (REFERENCE §2.1),
 * read through the blood-pressure engine (`equivalentOutOfOffice`).
 */
import { equivalentOutOfOffice } from '@qihuang/engines/blood-pressure';
import { guidelineName, say, SETTING_NAME, type Lang } from '../../i18n.ts';
import type { BpData, Verdict } from '../../types.ts';

export function judgeCorrespondence(bp: BpData, lang: Lang): Verdict | undefined {
  if (!bp.office || !bp.sbp || !bp.dbp || bp.setting === 'office') return undefined;
  const truth = equivalentOutOfOffice(bp.office, bp.setting);
  const where = SETTING_NAME[bp.setting][lang];
  const name = guidelineName('acc-aha-2017', lang);
  const office = `${bp.office.sbp}/${bp.office.dbp}`;
  const expected = `${truth.sbp}/${truth.dbp}`;
  const stated = `${bp.sbp[0]}/${bp.dbp[0]}`;
  const evidence = [
    {
      source: 'ACC/AHA 2017 Table 11',
      text: say(
        lang,
        `诊室 ${office} mmHg ↔ ${where} ${expected} mmHg`,
        `office ${office} mmHg ↔ ${where} ${expected} mmHg`,
      ),
    },
  ];
  return stated === expected
    ? {
        verdict: 'supported',
        reason: say(
          lang,
          `${name}：与诊室 ${office} mmHg 对应的${where}血压为 ${expected} mmHg`,
          `${name}: office ${office} mmHg corresponds to ${where} ${expected} mmHg`,
        ),
        evidence,
      }
    : {
        verdict: 'contradicted',
        reason: say(
          lang,
          `${name}：与诊室 ${office} mmHg 对应的${where}血压为 ${expected} mmHg，而非 ${stated}`,
          `${name}: office ${office} mmHg corresponds to ${where} ${expected} mmHg, not ${stated}`,
        ),
        evidence,
      };
}

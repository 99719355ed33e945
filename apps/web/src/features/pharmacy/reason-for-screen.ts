/**
 * A pharmacist's return reason worded for this screen (issue 20): the chosen category in the page language whatever
 * language the pharmacist's screen had; the details as written. Pure.
 */
import { enPharmacy } from '../../i18n/en-pharmacy.ts';
import { zhCNPharmacy } from '../../i18n/zh-CN-pharmacy.ts';
import { reasonInLanguage } from './review-form.ts';

const KNOWN = [zhCNPharmacy.returnReasons, enPharmacy.returnReasons];

export function reasonForScreen(text: string, lang: string): string {
  const zh = lang.toLowerCase().startsWith('zh');
  const target = zh
    ? { labels: zhCNPharmacy.returnReasons, separator: zhCNPharmacy.labelSeparator }
    : { labels: enPharmacy.returnReasons, separator: enPharmacy.labelSeparator };
  return reasonInLanguage(text, KNOWN, target);
}

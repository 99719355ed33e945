/**
 * The daily report's rates as shown: a rate over nothing is no rate, so a day with nothing reviewed (or nothing
 * flagged) reads "—", not "0.0% (0/0)" (issue 20, tried as a pharmacist).
 */
export function rateText(numerator: number, denominator: number, withCounts = false, lang = 'en'): string {
  if (denominator === 0) return '—';
  const percent = `${((numerator / denominator) * 100).toFixed(1)}%`;
  if (!withCounts) return percent;
  // Full-width brackets on a Chinese screen (issue 20).
  return lang.toLowerCase().startsWith('zh')
    ? `${percent}（${numerator}/${denominator}）`
    : `${percent} (${numerator}/${denominator})`;
}

/**
 * The period of the monitoring line, as its translation key and values (issue 20 try): a single day once, a
 * period with both ends; the brackets belong to the language's text (full-width in Chinese). Pure.
 */
export function adherenceRange(
  from: string,
  to: string,
):
  | { key: 'care.home.adherenceDay'; values: { date: string } }
  | { key: 'care.home.adherenceRange'; values: { from: string; to: string } } {
  return from === to
    ? { key: 'care.home.adherenceDay', values: { date: from } }
    : { key: 'care.home.adherenceRange', values: { from, to } };
}

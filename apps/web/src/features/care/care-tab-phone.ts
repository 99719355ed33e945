/**
 * The patient's phone number as the Care tab shows it on the "contact the patient" button: never split across
 * lines (issue 20, non-author try at 375 px: "Contact the patient: 555-845-…" was cut, and once the button wrapped
 * the zh page broke "+86 138-0013-" / "8000"). Its hyphens and spaces become their non-breaking forms, so the
 * number wraps whole onto its own line; the tap-to-call link keeps only digits and "+". Pure.
 */
export function unbrokenPhone(phone: string | undefined): string | undefined {
  return phone?.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');
}

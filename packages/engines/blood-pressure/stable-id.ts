/** Deterministic identifiers (FNV-1a, two 32-bit lanes → 16 hex chars). Not cryptographic; only for idempotent ids. */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 0x2a) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** FHIR-id-safe stable id for a reading key (patient|device|UTC time). */
export function stableId(key: string): string {
  return `bp-${fnv1a64(key)}`;
}

import { clinicalNotes } from './de-identification/fixtures/clinical-notes.ts';
import { deidentifyTexts, PlaceholderVault } from './de-identification/index.ts';
for (const note of clinicalNotes) {
  const vault = new PlaceholderVault();
  const [out] = deidentifyTexts([note.text], vault);
  console.log('---', note.id); console.log(out);
  for (const id of note.identifiers) if (out!.includes(id)) console.log('  LEAK', id);
  for (const k of note.keep) if (!out!.includes(k)) console.log('  LOST', k);
  if (vault.restore(out!) !== note.text) console.log('  RESTORE MISMATCH');
}

/**
 * Dialogue → record loaders: MIE (Chinese cardiology dialogues → category:item-status labels, research data,
 * no licence stated: read from ../shared at run time, never copied) and ACI-BENCH (English visit dialogues →
 * clinical note, CC BY 4.0).
 */
import { QihuangError } from '@qihuang/contracts';
import { readCsvRecords as parseCsv } from '@qihuang/csv';
import type { DialogueRecordItem, ItemMetadata } from '../suite-types.ts';

const bad = (message: string) => new QihuangError('invalid-input', message);

interface MieTurn {
  speaker: string;
  text: string;
}

/** MIE JSONL (mie_dev_dialogues.jsonl): id, turns [{speaker, text}], labels. `ontology` is ontology.json text. */
export function loadMie(text: string, ontology?: string): DialogueRecordItem[] {
  let labelHint: string | undefined;
  if (ontology) {
    const parsed = JSON.parse(ontology) as Record<string, string[]>;
    const statuses = (parsed['状态'] ?? []).join('、');
    labelHint = Object.entries(parsed)
      .filter(([category]) => category !== '状态')
      .map(([category, items]) => `${category}: ${items.join('、')}`)
      .concat(statuses ? [`状态: ${statuses}`] : [])
      .join('\n');
  }
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .map((line, index) => {
      const row = JSON.parse(line) as { id?: string; turns?: MieTurn[]; labels?: string[] };
      if (!Array.isArray(row.turns) || !Array.isArray(row.labels))
        throw bad(`MIE line ${index + 1}: needs turns and labels`);
      return {
        kind: 'dialogue-record',
        task: 'labels',
        id: row.id ?? `mie-${index + 1}`,
        categories: ['scenario', 'dialogue-to-labels', 'mie'],
        provenance: {
          source: 'MIE (Zhang et al., ACL 2020)',
          licence: 'none stated (research use)',
          origin: `line ${index + 1}`,
        },
        metadata: { language: 'zh' },
        dialogue: row.turns.map((t) => `${t.speaker}：${t.text}`).join('\n'),
        referenceLabels: row.labels,
        labelHint,
      };
    });
}

/** ACI-BENCH CSV (dataset, encounter_id, dialogue, note) with optional metadata CSV (patient_gender, patient_age, cc). */
export function loadAciBench(text: string, metadataText?: string): DialogueRecordItem[] {
  const meta = new Map<string, Record<string, string>>();
  if (metadataText) for (const row of parseCsv(metadataText)) meta.set(row.encounter_id ?? '', row);
  return parseCsv(text).map((row, index) => {
    if (!row.dialogue || !row.note || !row.encounter_id)
      throw bad(`ACI-BENCH row ${index + 2}: needs encounter_id, dialogue, note`);
    const m = meta.get(row.encounter_id);
    const metadata: ItemMetadata = { language: 'en' };
    const sex = m?.patient_gender?.trim().toLowerCase();
    if (sex === 'female' || sex === 'male') metadata.sex = sex;
    const age = Number(m?.patient_age);
    if (m?.patient_age && Number.isFinite(age)) metadata.age = age;
    if (m?.cc) metadata.chiefComplaint = m.cc;
    return {
      kind: 'dialogue-record',
      task: 'note',
      id: `aci-${row.encounter_id}`,
      categories: ['scenario', 'dialogue-to-note', `aci-${row.dataset || 'unknown'}`],
      provenance: {
        source: 'ACI-BENCH (Yim et al. 2023)',
        licence: 'CC-BY-4.0',
        origin: `encounter ${row.encounter_id}`,
      },
      metadata,
      dialogue: row.dialogue,
      referenceNote: row.note,
    };
  });
}

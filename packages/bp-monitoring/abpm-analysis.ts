/**
 * 24-hour ambulatory BP (ABPM) intake (issue 17 item 6): a CSV device export, or FHIR Observations marked as
 * ambulatory (method SNOMED CT 164783007 "Ambulatory blood pressure recording", or the tag
 * urn:qihuang:bp-method|abpm), read into the existing ABPM engine: 24 h / day / night means, dipping and,
 * with a recent office visit, the white-coat/masked phenotype. No I/O here (the CLI and the route share it).
 */
import { QihuangError } from '@qihuang/contracts';
import {
  classifyPhenotype,
  ingest,
  summarizeAbpm,
  type AbpmSummary,
  type BpValue,
  type Guideline,
  type PhenotypeResult,
} from '@qihuang/engines/blood-pressure';

/** SNOMED CT 164783007 Ambulatory blood pressure recording (standard concept; not in REFERENCE §8.4). */
export const ABPM_METHOD = { system: 'http://snomed.info/sct', code: '164783007' };
export const ABPM_TAG = { system: 'urn:qihuang:bp-method', code: 'abpm' };

/** Guideline names as a user sees them (REFERENCE §2.2 thresholds, §2.4 dipping, §2.5 phenotypes). */
const GUIDELINE_NAME: Record<Guideline, string> = {
  'acc-aha-2017': 'ACC/AHA 2017',
  'esh-2023': 'ESH 2023',
  'china-2018': 'Chinese Hypertension Guidelines 2018',
  'china-2024': 'Chinese Hypertension Guidelines 2024',
};

export interface AbpmResult {
  guideline: Guideline;
  /** Named for the user: thresholds, dipping and phenotype sources. */
  guidelineName: string;
  sources: string[];
  readings: number;
  rejected: number;
  start: string;
  end: string;
  utcOffsetMinutes: number;
  summary: AbpmSummary;
  phenotype?: PhenotypeResult;
}

type Json = Record<string, unknown>;

function marked(resource: Json): boolean {
  const method = resource.method as { coding?: { system?: string; code?: string }[] } | undefined;
  const tags = (resource.meta as { tag?: { system?: string; code?: string }[] } | undefined)?.tag ?? [];
  return (
    (method?.coding ?? []).some((c) => c.code === ABPM_METHOD.code) ||
    tags.some((t) => t.system === ABPM_TAG.system && t.code === ABPM_TAG.code)
  );
}

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every item must be a JSON object (a resource or a Bundle): `null`, numbers and strings are bad input. */
function objectsOnly(items: unknown[]): Json[] {
  if (!items.every(isObject))
    throw new QihuangError('invalid-input', 'The ABPM JSON must be FHIR resources or a Bundle (objects)');
  return items;
}

function resourcesOf(text: string): Json[] {
  return objectsOnly(parseResources(text));
}

function parseResources(text: string): unknown[] {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      throw new QihuangError('invalid-input', 'The ABPM file is neither CSV nor valid JSON');
    }
    const list = objectsOnly(Array.isArray(parsed) ? parsed : [parsed]);
    return list.flatMap((x) =>
      x.resourceType === 'Bundle'
        ? (Array.isArray(x.entry) ? (x.entry as unknown[]) : []).flatMap((e) =>
            isObject(e) && e.resource !== undefined ? [e.resource] : [],
          )
        : [x],
    );
  }
  return t
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new QihuangError('invalid-input', 'The ABPM file is neither CSV nor FHIR JSON/NDJSON');
      }
    });
}

/** Readings of an ABPM file: CSV as is; FHIR only the Observations marked as ambulatory (heart rates ride along). */
export function readAbpm(text: string, options: { now: string; patientId: string }) {
  const body = text.replace(/^\uFEFF/, '');
  const csv = !/^\s*[[{]/.test(body) && /,/.test(body.split(/\r?\n/)[0] ?? '');
  let source = body;
  if (!csv) {
    const all = resourcesOf(body).filter((r) => r.resourceType === 'Observation');
    const abpm = all.filter(marked);
    if (abpm.length === 0)
      throw new QihuangError(
        'invalid-input',
        'No Observation is marked as 24-hour ambulatory (method SNOMED CT 164783007 or tag urn:qihuang:bp-method|abpm)',
      );
    source = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: abpm.map((resource) => ({ resource })),
    });
  }
  const parsed = ingest(source, {
    now: options.now,
    format: csv ? 'csv' : 'fhir',
    patientId: `Patient/${options.patientId}`,
  });
  if (parsed.readings.length === 0)
    throw new QihuangError(
      'invalid-input',
      `No valid BP reading in the ABPM file (${parsed.rejected} rejected)`,
    );
  return parsed;
}

/** Summary, dipping and (with an office mean) the phenotype of one ABPM recording. */
export function analyseAbpm(
  text: string,
  options: {
    now: string;
    patientId: string;
    guideline: Guideline;
    utcOffsetMinutes: number;
    office?: BpValue;
    treated?: boolean;
  },
): AbpmResult {
  const parsed = readAbpm(text, options);
  const readings = [...parsed.readings].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const summary = summarizeAbpm(readings, {
    guideline: options.guideline,
    utcOffsetMinutes: options.utcOffsetMinutes,
  });
  const phenotype =
    options.office && summary.valid
      ? classifyPhenotype({
          guideline: options.guideline,
          office: options.office,
          treated: options.treated ?? false,
          ...(summary.day.mean ? { day: summary.day.mean } : {}),
          ...(summary.night.mean ? { night: summary.night.mean } : {}),
          ...(summary['24h'].mean ? { '24h': summary['24h'].mean } : {}),
        })
      : undefined;
  const name = GUIDELINE_NAME[options.guideline];
  return {
    guideline: options.guideline,
    guidelineName: name,
    sources: [
      `${name}: ambulatory BP thresholds (24 h, day, night)`,
      'ESH ABPM position paper (O’Brien 2013): dipping',
      ...(phenotype ? [`${name}: white-coat and masked hypertension`] : []),
    ],
    readings: readings.length,
    rejected: parsed.rejected,
    start: readings[0]!.time,
    end: readings.at(-1)!.time,
    utcOffsetMinutes: options.utcOffsetMinutes,
    summary,
    ...(phenotype ? { phenotype } : {}),
  };
}

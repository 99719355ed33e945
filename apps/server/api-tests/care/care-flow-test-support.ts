/**
 * Shared setup of the hypertension-care flow API tests (care-intake-emergency, care-prescription-plan and
 * care-copilot .test.ts): the whole server on a test database with a scripted model, two patients (htn-1,
 * htn-2), the knowledge packs, and a clinician, a nurse and both patients signed in; plus the steps of the flow
 * that a later test starts from (the guided intake, a week of home readings, confirming the reported conditions).
 */
import { loadKnowledgePacks } from '@qihuang/knowledge';
import { startScriptedUpstream, type ReceivedRequest, type ScriptedUpstream } from '@qihuang/test-kit';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import type { DatabaseKind } from '@qihuang/store';
import { createTestApp, type TestApp } from '../../test-support.ts';
import { week } from './care-test-support.ts';

export const NOW = new Date('2026-03-10T04:00:00Z'); // 12:00 in China (UTC+8)
const clock = () => NOW;

// Conversation and copilot turns (the triage second opinion, second-opinion.test.ts, is counted apart).
export const isChat = (r: ReceivedRequest) =>
  r.path.endsWith('/chat/completions') && !JSON.stringify(r.body).includes('TRIAGE-SECOND-OPINION');
export const hasToolResults = (r: ReceivedRequest) => JSON.stringify(r.body).includes('"role":"tool"');

/** htn-1's answers to the seven intake questions. */
export const INTAKE_ANSWERS = [
  '偶尔头晕，没有胸痛',
  '高血压5年，糖尿病3年，没有痛风',
  '父亲有高血压',
  '二甲双胍 500mg 每日两次',
  '没有过敏',
  '不吸烟，偶尔喝啤酒，口味偏咸，身高170cm，体重82kg',
  '最近在家量过 152/96 和 148/94',
];

type Init = RequestInit & { json?: unknown };

export interface CareFlow {
  t: TestApp;
  upstream: ScriptedUpstream;
  /** A request as `who` (doc, nurse, p1 = htn-1, p2 = htn-2). */
  api(who: string, path: string, init?: Init): Promise<Response>;
}

export async function startCareFlow(kind: DatabaseKind): Promise<CareFlow> {
  const upstream = await startScriptedUpstream({ models: ['qwen-local'] });
  const t = await createTestApp(
    kind,
    { model: { baseUrl: upstream.url, name: 'qwen-local', location: 'cloud' } },
    clock,
    'required',
  );
  const system = { requestId: 'seed', principal: SYSTEM_PRINCIPAL };
  for (const [id, family, given, gender, birthDate] of [
    ['htn-1', '王', '小明', 'male', '1966-05-01'],
    ['htn-2', '李', '秀英', 'female', '1958-02-11'],
  ] as const) {
    await t.repository.update(system, 'Patient', id, {
      resourceType: 'Patient',
      id,
      name: [{ family, given: [given], text: `${family}${given}` }],
      gender,
      birthDate,
    });
  }
  await loadKnowledgePacks(t.repository.db, { knowledge: t.knowledge });
  const tokens: Record<string, string> = {};
  tokens.doc = await t.userToken({ username: 'doc', password: 'doctor-password-1', role: 'clinician' });
  tokens.nurse = await t.userToken({ username: 'nurse', password: 'nurse-password-1', role: 'nurse' });
  tokens.rx = await t.userToken({ username: 'rx', password: 'pharmacist-password-1', role: 'pharmacist' });
  tokens.p1 = await t.userToken({
    username: 'xiaoming',
    password: 'patient-password-1',
    role: 'patient',
    patientId: 'htn-1',
  });
  tokens.p2 = await t.userToken({
    username: 'xiuying',
    password: 'patient-password-2',
    role: 'patient',
    patientId: 'htn-2',
  });
  const api = async (who: string, path: string, init: Init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens[who]}`);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    return t.request(path, { ...init, headers });
  };
  return { t, upstream, api };
}

export async function closeCareFlow(flow: CareFlow | undefined): Promise<void> {
  await flow?.t.closeAll();
  await flow?.upstream.close();
}

/** htn-1 completes the guided intake (the model acknowledges every answer); their drafts are saved. */
export async function completeIntake({ upstream, api }: CareFlow): Promise<void> {
  upstream.reset();
  upstream.when(isChat, { content: '好的，谢谢您的回答。' });
  const start = await api('p1', '/api/care/patients/htn-1/consultations', {
    method: 'POST',
    json: { language: 'zh' },
  });
  if (start.status !== 201) throw new Error(`intake not started: ${start.status}`);
  const { id } = (await start.json()) as { id: string };
  for (const text of INTAKE_ANSWERS) {
    const answered = await api('p1', `/api/care/consultations/${id}/messages`, {
      method: 'POST',
      json: { text },
    });
    if (answered.status !== 200) throw new Error(`intake answer refused: ${answered.status}`);
    await answered.text(); // the stream runs to its end
  }
  const complete = await api('p1', `/api/care/consultations/${id}/complete`, { method: 'POST' });
  if (complete.status !== 200) throw new Error(`intake not completed: ${complete.status}`);
}

/** htn-1 uploads a week of morning and evening home readings at 168/102 (device CSV). */
export async function uploadWeek({ api }: CareFlow): Promise<Response> {
  return api('p1', '/api/bp/patients/htn-1/readings', {
    method: 'POST',
    body: week(168, 102),
    headers: { 'content-type': 'text/csv' },
  });
}

/**
 * The clinician confirms the conditions htn-1 reported in the intake: only confirmed, they drive the proposal
 * and the target (docs/decisions/0003, patient-recorded values). The answers to the PUTs.
 */
export async function confirmReportedConditions({ api }: CareFlow): Promise<Response[]> {
  const reported = (await (
    await api('doc', '/fhir/R4/Condition?patient=htn-1&verification-status=unconfirmed')
  ).json()) as { entry?: { resource: Record<string, unknown> & { id: string } }[] };
  const answers: Response[] = [];
  for (const { resource } of reported.entry ?? []) {
    const confirmed = {
      ...resource,
      verificationStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }],
      },
    };
    answers.push(await api('doc', `/fhir/R4/Condition/${resource.id}`, { method: 'PUT', json: confirmed }));
  }
  return answers;
}

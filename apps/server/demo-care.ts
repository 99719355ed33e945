/**
 * First-start demo for the hypertension-care scenario: a clinician, a pharmacist (前置审方, the demo's recent
 * orders) and a patient account (passwords
 * generated and printed once, like the admin's) and a care plan per demo patient, so the patient home page
 * and the clinician panel show something at once. Runs only when the demo data is seeded for the first time.
 */
import { randomBytes } from 'node:crypto';
import { carePanel, upsertCarePlan, type CareDeps } from '@qihuang/care';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import type { Identity } from '@qihuang/identity';
import type { FhirRepository } from '@qihuang/store';

export interface DemoAccounts {
  clinician: { username: string; password: string };
  pharmacist: { username: string; password: string };
  patient: { username: string; password: string; patientId: string };
  carePlans: number;
}

export async function seedCareDemo(options: {
  repository: FhirRepository;
  identity: Identity;
  care: CareDeps;
}): Promise<DemoAccounts | undefined> {
  const ctx = { requestId: 'seed-care', principal: SYSTEM_PRINCIPAL };
  const patients = await options.repository.searchAll(ctx, 'Patient', [['_sort', '_id']], 200);
  if (patients.length === 0) return undefined;
  let carePlans = 0;
  for (const p of patients) {
    // Plans are for the living (issue 17 item 4): a deceased demo patient gets none instead of a 409 that
    // aborted the whole seed (no demo accounts were created).
    const d = p as { deceasedBoolean?: boolean; deceasedDateTime?: string };
    if (d.deceasedBoolean === true || d.deceasedDateTime) continue;
    await upsertCarePlan(options.care, ctx, String(p.id), 'china-2018');
    carePlans++;
  }
  const db = options.repository.db;
  const clinician = { username: 'doctor', password: randomBytes(12).toString('base64url') };
  const pharmacist = { username: 'pharmacist', password: randomBytes(12).toString('base64url') };
  const patient = {
    username: 'patient',
    password: randomBytes(12).toString('base64url'),
    // The demo patient is the one most in need on the panel (above target), so every page has something to show.
    patientId: (await carePanel(options.care, ctx)).entries[0]?.patientId ?? String(patients[0]!.id),
  };
  await options.identity.createUser(db, {
    username: clinician.username,
    password: clinician.password,
    role: 'clinician',
    // Personal names, not English phrases: a display name shows on zh and en pages alike (a non-author try saw
    // 'Demo clinician' on a zh page, 2026-12-08).
    displayName: '李明',
  });
  await options.identity.createUser(db, {
    username: pharmacist.username,
    password: pharmacist.password,
    role: 'pharmacist',
    displayName: '王芳',
  });
  await options.identity.createUser(db, {
    username: patient.username,
    password: patient.password,
    role: 'patient',
    patientId: patient.patientId,
    displayName: 'Demo patient',
  });
  return { clinician, pharmacist, patient, carePlans };
}

import pino from 'pino';
import { loadConfig } from '@qihuang/config';
import { SYSTEM_PRINCIPAL } from '@qihuang/contracts';
import { loadKnowledgePacks } from '@qihuang/knowledge';
import { openTestDatabase, startScriptedUpstream } from '@qihuang/test-kit';
import { buildApp } from '../apps/server/build-app.ts';
import { assessPatient } from '@qihuang/bp-monitoring';
import { loadChart } from '@qihuang/pharmacy-review';

const upstream = await startScriptedUpstream({ models: ['m'] });
const database = await openTestDatabase('pglite');
const built = await buildApp({ config: loadConfig({ QIHUANG_DEMO: '0' }, { model: { baseUrl: upstream.url, name: 'm', location: 'on-premises' } }), database, log: pino({ level: 'silent' }), version: 'b', authentication: 'disabled' });
const ctx = { requestId: 'b', principal: SYSTEM_PRINCIPAL };
await loadKnowledgePacks(database.db, { knowledge: built.knowledge });
await built.repository.update(ctx, 'Patient', 'p', { resourceType: 'Patient', id: 'p', gender: 'male', birthDate: '1960-01-01' });
const rows = ['time,sbp,dbp,unit,heart_rate,device_id'];
for (let d = 1; d <= 14; d++) { const day = `2026-11-${String(d).padStart(2, '0')}`; rows.push(`${day}T07:00:00+08:00,150,95,mmHg,70,c`, `${day}T21:00:00+08:00,148,92,mmHg,70,c`); }
await built.app.request('http://localhost/api/bp/patients/p/readings', { method: 'POST', body: rows.join('\n'), headers: { 'content-type': 'text/csv' } });
const time = async (label: string, f: () => Promise<unknown>) => { for (let i = 0; i < 3; i++) await f(); const t = performance.now(); for (let i = 0; i < 10; i++) await f(); console.log(label, ((performance.now() - t) / 10).toFixed(1), 'ms'); };
await time('assessPatient', () => assessPatient(built.repository, ctx, 'p', { guideline: 'china-2018', now: new Date().toISOString() }));
await time('loadChart', () => loadChart(built.repository, ctx, 'p'));
await time('kb search', () => built.knowledge.search({ query: '高血压 降压目标', limit: 4, principal: SYSTEM_PRINCIPAL }));
await time('read patient', () => built.repository.read(ctx, 'Patient', 'p'));
await time('audit append', () => built.audit.append(database.db, ctx, { action: 'operation', outcome: 'success', patientIds: ['p'] }));
await built.close(); await database.close(); await upstream.close();

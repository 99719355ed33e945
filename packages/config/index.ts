/**
 * The one place that reads process.env. Everything else receives a typed Config.
 */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { QihuangError } from '@qihuang/contracts';

export interface ModelQuickStart {
  baseUrl: string;
  name: string;
  /**
   * An embedding model served at the same base URL (QIHUANG_MODEL_EMBEDDING_NAME): the knowledge base's dense
   * vectors (`embed-zh`). Absent = keyword search only; the chat model is never asked for embeddings.
   */
  embeddingName?: string;
  apiKey?: string;
  location: 'on-premises' | 'cloud';
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  adminPassword?: string;
  model?: ModelQuickStart;
  gatewayConfigFile?: string;
  corsOrigins: string[];
  /**
   * Reverse proxies whose X-Forwarded-For is believed (QIHUANG_TRUST_PROXY): a number of proxy hops in front of the
   * server, or the proxies' addresses / CIDR ranges (`loopback` = 127.0.0.0/8 and ::1). Undefined (the default) =
   * the socket's peer is the client and forwarding headers are ignored, so a client cannot choose its address.
   */
  trustProxy?: TrustProxy;
  /** FHIR servers (base URLs) a CDS Hooks call's `fhirServer` may name: QIHUANG_CDS_FHIR_SERVERS, comma-separated. */
  cdsFhirServers: string[];
  /** Measurement reminders are POSTed here (the hospital's SMS/WeChat gateway): QIHUANG_CARE_WEBHOOK_URL. */
  careWebhookUrl?: string;
  /**
   * HMAC-SHA256 key signing each reminder and BP alert webhook over '<timestamp>.<body>' (headers
   * x-qihuang-timestamp, x-qihuang-signature): QIHUANG_CARE_WEBHOOK_SECRET.
   */
  careWebhookSecret?: string;
  /**
   * A critical BP alert not closed with an action within this many minutes is escalated (webhook, FHIR
   * Communication, console): QIHUANG_BP_ALERT_ESCALATE_MINUTES, default 15 (docs/decisions, issue 17).
   */
  bpAlertEscalateMinutes: number;
  /** IANA time zone of the hospital: readings are bucketed (morning/evening, days) in it unless the Patient
   * names their own (QIHUANG_TIME_ZONE, default Asia/Shanghai). */
  timeZone: string;
  /** The hospital's name printed on prescription slips (处方笺): QIHUANG_HOSPITAL_NAME, absent = not printed. */
  hospitalName?: string;
  /**
   * Pharmacy review (前置审方) before a signed prescription becomes the patient's medication: QIHUANG_PHARMACY_REVIEW,
   * default on (《医疗机构处方审核规范》2018: prescriptions are reviewed by a pharmacist before they are charged and
   * dispensed; docs/decisions/0017). Off: signing activates the order at once (a clinic without a reviewing pharmacist).
   */
  pharmacyReview: boolean;
  /** Office BP older than this many months is not classified (QIHUANG_OFFICE_BP_WINDOW_MONTHS, default 12). */
  officeBpWindowMonths: number;
  /**
   * Days a patient-reported emergency whose alert could not be written leads the clinician's screens
   * (QIHUANG_REPORTED_EMERGENCY_DAYS, default 14, 1–90; docs/decisions/0011-reported-emergency-window.md).
   */
  reportedEmergencyDays: number;
  /** Bearer token or API key the CLI uses against a running server (QIHUANG_TOKEN). */
  token?: string;
  /**
   * Longest a database statement of the server may run, in ms (QIHUANG_STATEMENT_TIMEOUT_MS, default 30000;
   * 0 = no limit). Past it the request answers 503 with an OperationOutcome (docs/decisions/0004-…).
   */
  statementTimeoutMs: number;
  /**
   * Connections the server keeps to a PostgreSQL server (QIHUANG_DB_POOL_SIZE). Default 10, or cores + 1 (at least
   * 2) when DATABASE_URL names this machine: backends beyond the cores they share with the server only queue for
   * a core, and short requests (/healthz) wait behind them (docs/decisions/0004-…, "Pool size").
   */
  dbPoolSize: number;
  /** The embedded database in a worker thread, never blocking the server (QIHUANG_PGLITE_WORKER, default 1). */
  pgliteWorker: boolean;
  /** Audit chain-head checkpoints: appended to this file (QIHUANG_AUDIT_CHECKPOINT_FILE) … */
  auditCheckpointFile?: string;
  /** … and/or POSTed here (QIHUANG_AUDIT_CHECKPOINT_URL) … */
  auditCheckpointUrl?: string;
  /**
   * HMAC-SHA256 key signing each checkpoint POST (QIHUANG_AUDIT_CHECKPOINT_SECRET; headers X-Qihuang-Timestamp and
   * X-Qihuang-Signature, packages/audit/README.md). Required whenever QIHUANG_AUDIT_CHECKPOINT_URL is set.
   */
  auditCheckpointSecret?: string;
  /** … every this many seconds (QIHUANG_AUDIT_CHECKPOINT_INTERVAL, default 3600). */
  auditCheckpointIntervalSeconds: number;
}

/** `hops`: that many proxies in front; `ranges`: addresses or CIDR ranges (e.g. 10.0.0.0/8, ::1/128). */
export type TrustProxy = { hops: number } | { ranges: string[] };

type Env = Record<string, string | undefined>;

/** QIHUANG_TRUST_PROXY: unset/0/false/off = off; 1–10 = hops; else comma-separated addresses or CIDRs. */
function trustProxy(env: Env): TrustProxy | undefined {
  const raw = (env.QIHUANG_TRUST_PROXY ?? '').trim();
  if (raw === '' || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return undefined;
  const fail = (part: string): never => {
    throw new QihuangError(
      'invalid-input',
      `QIHUANG_TRUST_PROXY must be a number of proxy hops (1–10) or comma-separated proxy addresses/CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16 or loopback), got "${part}"`,
    );
  };
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    return hops >= 1 && hops <= 10 ? { hops } : fail(raw);
  }
  const ranges: string[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (part.toLowerCase() === 'loopback') {
      ranges.push('127.0.0.0/8', '::1/128');
      continue;
    }
    const [address = '', prefix, extra] = part.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    if (!family || extra !== undefined) fail(part);
    if (prefix !== undefined && (!/^\d+$/.test(prefix) || Number(prefix) > max)) fail(part);
    ranges.push(prefix === undefined ? `${address}/${max}` : part);
  }
  return ranges.length ? { ranges } : fail(raw);
}

function timeZone(value: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new QihuangError('invalid-input', `QIHUANG_TIME_ZONE must be an IANA time zone, got "${value}"`);
  }
  return value;
}

/** A checkpoint webhook is never sent unsigned: its URL without a secret is a configuration error. */
function checkpointSecret(env: Env): string | undefined {
  const secret = env.QIHUANG_AUDIT_CHECKPOINT_SECRET || undefined;
  if (env.QIHUANG_AUDIT_CHECKPOINT_URL && !secret) {
    throw new QihuangError(
      'invalid-input',
      'QIHUANG_AUDIT_CHECKPOINT_URL is set but QIHUANG_AUDIT_CHECKPOINT_SECRET is not: audit checkpoint webhooks are always signed (HMAC-SHA256); set a secret shared with the receiver',
    );
  }
  return secret;
}

function integer(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new QihuangError(
      'invalid-input',
      `${key} must be a whole number from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

function flag(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new QihuangError('invalid-input', `${key} must be 1 or 0 (true/false), got "${raw}"`);
}

/** Comma-separated http(s) URLs without credentials, query or fragment. */
function urlList(env: Env, key: string): string[] {
  const urls = (env[key] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const raw of urls) {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      !['http:', 'https:'].includes(url.protocol) ||
      url.username ||
      url.password ||
      url.search ||
      url.hash
    )
      throw new QihuangError('invalid-input', `${key} must list http(s) base URLs, got "${raw}"`);
  }
  return urls;
}

/**
 * Reads a secret named in configuration (e.g. a model provider's `apiKey: {"env": "DEEPSEEK_API_KEY"}`) from the
 * environment. Kept here so that process.env is read in this module only.
 */
export function readSecretFromEnv(name: string, env: Env = process.env): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The language of command-line text: QIHUANG_LOCALE (zh-CN | en), else the system locale (LC_ALL,
 * LC_MESSAGES, LANG: zh_* → zh-CN, en_* → en); undefined when neither says (callers default to zh-CN).
 */
export function localeFromEnv(env: Env = process.env): 'zh-CN' | 'en' | undefined {
  const explicit = env.QIHUANG_LOCALE?.trim();
  if (explicit) {
    if (/^zh/i.test(explicit)) return 'zh-CN';
    if (/^en/i.test(explicit)) return 'en';
    throw new QihuangError('invalid-input', `QIHUANG_LOCALE must be zh-CN or en, got "${explicit}"`);
  }
  const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^zh/i.test(system)) return 'zh-CN';
  if (/^en/i.test(system)) return 'en';
  return undefined;
}

/**
 * DATABASE_URL names a PostgreSQL server (postgres:// or postgresql://, as node-postgres reads it); anything else
 * is refused at once (issue 21: mysql://… failed later as "getaddrinfo ENOTFOUND"), the URL never echoed (it may
 * hold a password).
 */
function databaseUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') return value;
  throw new QihuangError(
    'invalid-input',
    `DATABASE_URL must be a PostgreSQL URL (postgres://user@host:5432/database)${scheme ? `, not ${scheme}://` : ''}; leave it unset for the embedded database`,
  );
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const location = env.QIHUANG_MODEL_LOCATION ?? 'on-premises';
  if (location !== 'on-premises' && location !== 'cloud') {
    throw new QihuangError(
      'invalid-input',
      `QIHUANG_MODEL_LOCATION must be "on-premises" or "cloud", got "${location}"`,
    );
  }
  const baseUrl = env.QIHUANG_MODEL_BASE_URL;
  const config: Config = {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.QIHUANG_DATA_DIR || '.qihuang'),
    databaseUrl: databaseUrl(env.DATABASE_URL),
    demo: flag(env, 'QIHUANG_DEMO', true),
    logLevel: env.QIHUANG_LOG_LEVEL || env.LOG_LEVEL || 'info',
    bodyLimitBytes: integer(env, 'QIHUANG_BODY_LIMIT', 50 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    adminPassword: env.QIHUANG_ADMIN_PASSWORD || undefined,
    gatewayConfigFile: env.QIHUANG_GATEWAY_CONFIG || undefined,
    token: env.QIHUANG_TOKEN || undefined,
    statementTimeoutMs: integer(env, 'QIHUANG_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    dbPoolSize: integer(env, 'QIHUANG_DB_POOL_SIZE', defaultPoolSize(env.DATABASE_URL), 1, 1_000),
    pgliteWorker: flag(env, 'QIHUANG_PGLITE_WORKER', true),
    careWebhookUrl: env.QIHUANG_CARE_WEBHOOK_URL || undefined,
    careWebhookSecret: env.QIHUANG_CARE_WEBHOOK_SECRET || undefined,
    bpAlertEscalateMinutes: integer(env, 'QIHUANG_BP_ALERT_ESCALATE_MINUTES', 15, 1, 1440),
    timeZone: timeZone(env.QIHUANG_TIME_ZONE || 'Asia/Shanghai'),
    hospitalName: env.QIHUANG_HOSPITAL_NAME?.trim() || undefined,
    pharmacyReview: flag(env, 'QIHUANG_PHARMACY_REVIEW', true),
    officeBpWindowMonths: integer(env, 'QIHUANG_OFFICE_BP_WINDOW_MONTHS', 12, 1, 600),
    reportedEmergencyDays: integer(env, 'QIHUANG_REPORTED_EMERGENCY_DAYS', 14, 1, 90),
    auditCheckpointFile: env.QIHUANG_AUDIT_CHECKPOINT_FILE
      ? resolve(env.QIHUANG_AUDIT_CHECKPOINT_FILE)
      : undefined,
    auditCheckpointUrl: env.QIHUANG_AUDIT_CHECKPOINT_URL || undefined,
    auditCheckpointSecret: checkpointSecret(env),
    auditCheckpointIntervalSeconds: integer(env, 'QIHUANG_AUDIT_CHECKPOINT_INTERVAL', 3600, 10, 7 * 86400),
    cdsFhirServers: urlList(env, 'QIHUANG_CDS_FHIR_SERVERS'),
    trustProxy: trustProxy(env),
    corsOrigins: (env.QIHUANG_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    model: baseUrl
      ? {
          baseUrl,
          name: env.QIHUANG_MODEL_NAME || 'default',
          ...(env.QIHUANG_MODEL_EMBEDDING_NAME ? { embeddingName: env.QIHUANG_MODEL_EMBEDDING_NAME } : {}),
          apiKey: env.QIHUANG_MODEL_API_KEY || undefined,
          location,
        }
      : undefined,
  };
  return { ...config, ...overrides };
}

/** Pool size when none is set: cores + 1 for a database on this machine (loopback or socket), else 10. */
export function defaultPoolSize(databaseUrl: string | undefined, cores = availableParallelism()): number {
  if (!databaseUrl) return 10;
  let host = '';
  try {
    host = new URL(databaseUrl).hostname;
  } catch {
    return 10;
  }
  const local = host === '' || host === 'localhost' || host.startsWith('127.') || host === '[::1]';
  return local ? Math.min(10, Math.max(2, cores + 1)) : 10;
}

/**
 * `qihuang user list | create | reset-password` — accounts from the command line, for the IT engineer who has no
 * admin session yet or lost the admin password (issue 20, tried as IT: the README created users with curl and
 * nothing reset a password). It opens the database itself (server stopped for the embedded one, like `audit`),
 * goes through the identity service the /admin routes use, and writes the same audit entries (action admin,
 * principal `cli`). A password is read from standard input with `--password-stdin`, else generated and printed
 * once; a reset revokes the account's sessions. The service checks what it is given with the /admin rules
 * (username, the password policy — packages/identity/password-policy.ts, a patient link to a Patient that exists):
 * a refusal, or a username already taken, is one line in the run's language and exit 2. `list` prints a header,
 * the display name and the roles as the console names them. With the server running (the embedded database held),
 * exit 1 with advice that works for accounts: stop it, or use the console or the /admin API (issue 21).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isQihuangError, QihuangError, SYSTEM_PRINCIPAL, type RequestContext } from '@qihuang/contracts';
import { createAuditLog } from '@qihuang/audit';
import { createIdentity, USER_ROLES, type UserView } from '@qihuang/identity';
import { ACCOUNTS_IN_USE, withDatabase } from '../database.ts';
import { LOCALE_OPTION, resolveLocale, type CliLocale } from '../locale.ts';

const CLI_CONTEXT: RequestContext = {
  requestId: `cli-${process.pid}`,
  principal: { ...SYSTEM_PRINCIPAL, username: 'cli' },
};

/** A generated password: 18 random bytes, URL-safe (24 characters). */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

function readPassword(fromStdin: boolean | undefined): { password: string; generated: boolean } {
  if (!fromStdin) return { password: generatePassword(), generated: true };
  let text: string;
  try {
    text = readFileSync(0, 'utf8');
  } catch {
    throw new QihuangError('invalid-input', '--password-stdin: cannot read standard input');
  }
  const password = text.replace(/\r?\n$/, '');
  if (!password) throw new QihuangError('invalid-input', '--password-stdin: standard input is empty');
  return { password, generated: false };
}

/** A username already taken is the user's input to fix (exit 2), as the one-line reason the service gives. */
function takenIsBadInput(error: unknown): never {
  if (isQihuangError(error) && error.code === 'conflict')
    throw new QihuangError('invalid-input', error.message);
  throw error;
}

type Role = (typeof USER_ROLES)[number];

/** Roles as the web console names them (apps/web/src/i18n/*.ts roles). */
const ROLE_NAMES = {
  en: {
    admin: 'Administrator',
    clinician: 'Clinician',
    nurse: 'Nurse',
    pharmacist: 'Pharmacist',
    auditor: 'Auditor',
    patient: 'Patient',
  },
  'zh-CN': {
    admin: '管理员',
    clinician: '医生',
    nurse: '护士',
    pharmacist: '药师',
    auditor: '审计员',
    patient: '患者',
  },
} satisfies Record<CliLocale, Record<Role, string>>;

const TEXT = {
  en: {
    created: (u: UserView) => `created ${u.username} (${ROLE_NAMES.en[u.role as Role] ?? u.role})`,
    reset: (u: string, revoked: number) => `password of ${u} reset; ${revoked} session(s) signed out`,
    generated: (p: string) => `password (shown once): ${p}`,
    none: 'no users',
    // The web console's words (apps/web/src/i18n/en.ts users, roles).
    header: 'Username\tDisplay name\tRole\tPatient ID\tStatus',
    active: 'Active',
    disabled: 'Disabled',
    roles: ROLE_NAMES.en,
  },
  'zh-CN': {
    created: (u: UserView) => `已创建账号 ${u.username}（${ROLE_NAMES['zh-CN'][u.role as Role] ?? u.role}）`,
    reset: (u: string, revoked: number) => `已重置 ${u} 的密码；已注销 ${revoked} 个登录会话`,
    generated: (p: string) => `新密码（仅显示这一次）：${p}`,
    none: '没有账号',
    // The web console's words (apps/web/src/i18n/zh-CN.ts users, roles).
    header: '用户名\t显示名称\t角色\t患者 ID\t状态',
    active: '启用',
    disabled: '已停用',
    roles: ROLE_NAMES['zh-CN'],
  },
} satisfies Record<CliLocale, unknown>;

export function registerUser(program: Command): void {
  const user = program
    .command('user')
    .description('Accounts: list, create, reset a password (server stopped)');

  user
    .command('list')
    .description('List the accounts: username, display name, role, linked patient, status')
    .option('--json', 'JSON output')
    .option(...LOCALE_OPTION)
    .action(async (o: { json?: boolean; locale?: string }) => {
      const locale = resolveLocale(o.locale);
      const users = await withDatabase(
        (database) => createIdentity({ db: database.db }).listUsers(database.db),
        { inUseAdvice: ACCOUNTS_IN_USE },
      );
      if (o.json) return console.log(JSON.stringify(users, null, 2));
      const text = TEXT[locale];
      if (!users.length) return console.log(text.none);
      console.log(text.header);
      for (const u of users)
        console.log(
          [
            u.username,
            u.displayName ?? '-',
            text.roles[u.role as Role] ?? u.role,
            u.patientId ?? '-',
            u.disabled ? text.disabled : text.active,
          ].join('\t'),
        );
    });

  user
    .command('create')
    .description('Create an account; prints a generated password unless --password-stdin')
    .argument('<username>', 'letters, digits and . _ @ -')
    .requiredOption('--role <role>', USER_ROLES.join('|'))
    .option('--patient <id>', "the patient's record id (role patient)")
    .option('--display-name <name>', 'the name shown in the console')
    .option('--password-stdin', 'read the password from standard input')
    .option(...LOCALE_OPTION)
    .action(
      async (
        username: string,
        o: { role: string; patient?: string; displayName?: string; passwordStdin?: boolean; locale?: string },
      ) => {
        const locale = resolveLocale(o.locale);
        if (!(USER_ROLES as readonly string[]).includes(o.role))
          throw new QihuangError(
            'invalid-input',
            `--role must be one of ${USER_ROLES.join(', ')}, got "${o.role}"`,
          );
        const { password, generated } = readPassword(o.passwordStdin);
        const created = await withDatabase(
          async (database) => {
            const identity = createIdentity({ db: database.db });
            const audit = createAuditLog();
            return database.db.transaction().execute(async (trx) => {
              const u = await identity
                .createUser(trx, {
                  username,
                  password,
                  role: o.role as Role,
                  ...(o.displayName ? { displayName: o.displayName } : {}),
                  ...(o.patient ? { patientId: o.patient } : {}),
                })
                .catch(takenIsBadInput);
              await audit.append(trx, CLI_CONTEXT, {
                action: 'admin',
                outcome: 'success',
                resourceType: 'User',
                resourceId: u.id,
                patientIds: o.patient ? [o.patient] : [],
                detail: { operation: 'users.create', username: u.username, role: u.role, via: 'cli' },
              });
              return u;
            });
          },
          { inUseAdvice: ACCOUNTS_IN_USE },
        );
        console.log(TEXT[locale].created(created));
        if (generated) console.log(TEXT[locale].generated(password));
      },
    );

  user
    .command('reset-password')
    .description("Set a new password and sign the account's sessions out; prints it unless --password-stdin")
    .argument('<username>')
    .option('--password-stdin', 'read the new password from standard input')
    .option(...LOCALE_OPTION)
    .action(async (username: string, o: { passwordStdin?: boolean; locale?: string }) => {
      const locale = resolveLocale(o.locale);
      const { password, generated } = readPassword(o.passwordStdin);
      const revoked = await withDatabase(
        async (database) => {
          const identity = createIdentity({ db: database.db });
          const audit = createAuditLog();
          const name = username.trim().toLowerCase();
          const found = (await identity.listUsers(database.db)).find((u) => u.username === name);
          if (!found) throw new QihuangError('not-found', `no user "${username}"`);
          return database.db.transaction().execute(async (trx) => {
            await identity.updateUser(trx, found.id, { password });
            const n = await identity.revokeUserTokens(trx, found.id);
            await audit.append(trx, CLI_CONTEXT, {
              action: 'admin',
              outcome: 'success',
              resourceType: 'User',
              resourceId: found.id,
              patientIds: [],
              detail: { operation: 'users.update', changed: ['password'], via: 'cli' },
            });
            return n;
          });
        },
        { inUseAdvice: ACCOUNTS_IN_USE },
      );
      console.log(TEXT[locale].reset(username, revoked));
      if (generated) console.log(TEXT[locale].generated(password));
    });
}

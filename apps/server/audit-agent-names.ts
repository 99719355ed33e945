/**
 * The audit page shows people, not ids: each AuditEvent agent that is a user gets `agent.name` = the user's
 * display name (FHIR: "human-meaningful name for the agent"), looked up once per user on the page. The user
 * name (who.display), the principal id (who.identifier) and the role (agent.role) stay as recorded — the audit
 * entry itself is never changed. Users without a display name get their user name (an entry may have recorded only the id); API keys and the
 * system keep their recorded name.
 */
import type { Identity } from '@qihuang/identity';

interface AgentLike {
  name?: string;
  who?: { identifier?: { system?: string; value?: string } };
}

const USER_SYSTEM = /\/principal\/user$/;

const agentsOf = (event: Record<string, unknown>): AgentLike[] =>
  Array.isArray(event.agent) ? (event.agent as AgentLike[]) : [];

export async function withAgentNames<T extends Record<string, unknown>>(
  identity: Pick<Identity, 'getUser'>,
  events: T[],
): Promise<T[]> {
  const ids = new Set<string>();
  for (const event of events)
    for (const agent of agentsOf(event)) {
      const identifier = agent.who?.identifier;
      if (identifier?.value && USER_SYSTEM.test(identifier.system ?? '')) ids.add(identifier.value);
    }
  const names = new Map<string, string>();
  await Promise.all(
    [...ids].map(async (id) => {
      const user = await identity.getUser(id).catch(() => undefined);
      // The display name, else the user name: entries written knowing only the id (gateway model calls record
      // the principal id as user name) still show a person rather than a UUID.
      if (user?.displayName) names.set(id, user.displayName);
      else if (user?.username) names.set(id, user.username);
    }),
  );
  if (names.size === 0) return events;
  return events.map((event) =>
    Array.isArray(event.agent)
      ? {
          ...event,
          agent: agentsOf(event).map((agent) => {
            const name = names.get(agent.who?.identifier?.value ?? '');
            return name ? { ...agent, name } : agent;
          }),
        }
      : event,
  );
}

/**
 * Who did it, as a person: the agent's name (the server puts the user's display name in agent.name) and role,
 * e.g. "Dr Li (Clinician)"; the system itself reads "System". The recorded user name and id stay at hand in
 * the tooltip and in the cell's accessible description.
 */
import { useTranslation } from 'react-i18next';
import type { AuditEventAgent } from '@medplum/fhirtypes';

const ROLES = ['admin', 'clinician', 'nurse', 'pharmacist', 'auditor', 'patient', 'service'];

export function agentView(agent: AuditEventAgent | undefined) {
  const username = agent?.who?.display ?? agent?.altId ?? '';
  const id = agent?.who?.identifier?.value ?? '';
  const system = /\/principal\/system$/.test(agent?.who?.identifier?.system ?? '');
  const role = agent?.role?.[0]?.coding?.[0]?.code;
  return { name: agent?.name || username || id, username, id, system, role };
}

export function AuditAgent({ agent }: { agent: AuditEventAgent | undefined }) {
  const { t } = useTranslation();
  if (!agent) return null;
  const view = agentView(agent);
  const title = t('auditAgent.idTitle', { username: view.username || '—', id: view.id || '—' });
  if (view.system)
    return (
      <span title={title} data-testid="audit-agent">
        {t('auditAgent.system')}
      </span>
    );
  return (
    <span title={title} data-testid="audit-agent" data-agent-id={view.id}>
      {view.name}
      {view.role && ROLES.includes(view.role) ? (
        <span className="muted"> ({t(`roles.${view.role}`)})</span>
      ) : null}
      <span className="visually-hidden"> · {title}</span>
    </span>
  );
}

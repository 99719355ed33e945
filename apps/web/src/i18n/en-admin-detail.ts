/** English strings: why a gateway provider is not up, providers from the environment, audit agents (issue 20). */
export const enAdminDetail = {
  gatewayReasons: {
    'health-check-failed': 'Health check {{check}} failed: {{cause}}',
    'requests-failing_one': '{{count}} request failed: {{cause}}',
    'requests-failing_other': '{{count}} requests failed in a row: {{cause}}',
    'circuit-open': 'Circuit breaker open: requests skip this provider until a probe succeeds',
    'circuit-half-open': 'Circuit breaker half-open: the next request probes this provider',
    at: 'at {{time}}',
    causes: {
      refused: 'the server refused the connection or closed it (is it running at this base URL?)',
      timeout: 'no answer in time',
      dns: 'the host name was not found',
      tls: 'the TLS certificate was not accepted',
      'http-status': 'the server answered HTTP {{status}}',
      'model-missing':
        'the server is up but does not list the configured model (requests would answer model_not_found)',
      other: 'an unexpected error',
    },
    technical: 'Technical detail',
  },
  gatewayOrigin: {
    environment: 'From {{setting}}',
    deleteDisabled:
      'Configured by the server setting {{setting}}: deleting it here would not last (it comes back at the next start). Remove the setting and restart the server to delete it; you can still edit it here.',
  },
  auditAgent: {
    system: 'System',
    idTitle: 'User name: {{username}} · ID: {{id}}',
  },
};

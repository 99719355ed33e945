/** Alert kinds the server raises, each with a label under `alerts.kinds.<kind>` (the inbox and the care tab). */
export const ALERT_KINDS: readonly string[] = [
  'crisis',
  'reported-emergency',
  'reported-urgent',
  'sustained-above-target',
  'rapid-rise',
  'rapid-fall',
  'missed-measurements',
];

import { asArray, asInteger, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** Allowed ranges (seconds, or attempts for retries) of the container health check. */
export const HEALTH_CHECK_LIMITS = {
  interval: { min: 5, max: 300, unit: 'seconds', fallback: 30 },
  timeout: { min: 2, max: 60, unit: 'seconds', fallback: 5 },
  retries: { min: 1, max: 10, unit: 'attempts', fallback: 3 },
  startPeriod: { min: 0, max: 300, unit: 'seconds', fallback: 0 },
} as const;

/** healthCheck: a command starting with CMD or CMD-SHELL, and timings within their ranges. */
export const healthCheck: Rule = {
  id: 'health-check',
  summary: 'Health checks have a CMD or CMD-SHELL command and timings within range.',
  learnMore: { lesson: { id: 'task-definitions', section: 'healthcheck' }, docs: DOCS.healthCheck },
  check({ containers }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const check = asObject(c.def.healthCheck);
      if (!check) continue;
      const pointer = `${c.pointer}/healthCheck`;
      const command = asArray(check.command);
      const first = asString(command[0]);
      if (Array.isArray(check.command) && first !== 'CMD' && first !== 'CMD-SHELL') {
        const asShell = command.filter((p): p is string => typeof p === 'string').join(' ');
        // AWS registers such a command (["/healthcheck"] is seen in the wild), so this is advice.
        out.push(
          finding(this, {
            severity: 'warning',
            awsMessage: 'healthCheck command does not start with CMD or CMD-SHELL.',
            explanation:
              'Start the command list with "CMD" to run a program directly, or "CMD-SHELL" to run a line through the shell, for example ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]. Without either, how the command runs depends on the container runtime.',
            pointer: `${pointer}/command/0`,
            fixes: asShell
              ? [
                  {
                    title: 'Run it with CMD-SHELL',
                    edits: [{ pointer: `${pointer}/command`, value: ['CMD-SHELL', asShell] }],
                  },
                ]
              : [],
          }),
        );
      } else if (Array.isArray(check.command) && command.length < 2) {
        out.push(
          finding(this, {
            awsMessage: 'Invalid healthCheck command: nothing to run.',
            explanation: 'After CMD or CMD-SHELL, give the command to run.',
            pointer: `${pointer}/command`,
          }),
        );
      }
      for (const [field, limit] of Object.entries(HEALTH_CHECK_LIMITS)) {
        const value = asInteger(check[field]);
        if (value !== undefined && (value < limit.min || value > limit.max)) {
          out.push(
            finding(this, {
              awsMessage: `Invalid healthCheck ${field}: ${value}. It must be between ${limit.min} and ${limit.max}.`,
              explanation: `"${field}" is in ${limit.unit}, from ${limit.min} to ${limit.max} (default ${limit.fallback}).`,
              pointer: `${pointer}/${field}`,
            }),
          );
        }
      }
      const interval = asInteger(check.interval) ?? HEALTH_CHECK_LIMITS.interval.fallback;
      const timeout = asInteger(check.timeout) ?? HEALTH_CHECK_LIMITS.timeout.fallback;
      if (timeout >= interval && check.timeout !== undefined) {
        out.push(
          finding(this, {
            severity: 'warning',
            awsMessage: `Health check timeout (${timeout} s) is not shorter than its interval (${interval} s).`,
            explanation:
              'A check that may take as long as the gap between checks makes checks overlap. Keep the timeout well below the interval.',
            pointer: `${pointer}/timeout`,
          }),
        );
      }
    }
    return out;
  },
};

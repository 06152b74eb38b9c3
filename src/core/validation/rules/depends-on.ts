import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/**
 * dependsOn: the target exists; COMPLETE and SUCCESS targets are not essential; a HEALTHY target
 * has a health check. (AWS's message for a missing target really contains "+ '".)
 */
export const dependsOn: Rule = {
  id: 'depends-on',
  summary: 'Container dependencies point at existing containers with compatible conditions.',
  learnMore: { lesson: { id: 'task-definitions', section: 'container-definitions' }, docs: DOCS.dependency },
  check({ containers }) {
    const out: Finding[] = [];
    const byName = new Map(containers.flatMap((c) => (c.name ? [[c.name, c] as const] : [])));
    for (const c of containers) {
      asArray(c.def.dependsOn).forEach((raw, i) => {
        const dep = asObject(raw);
        const target = asString(dep?.containerName);
        const condition = asString(dep?.condition);
        if (!dep || target === undefined) return;
        const pointer = `${c.pointer}/dependsOn/${i}`;
        const other = byName.get(target);
        if (!other) {
          out.push(
            finding(this, {
              awsMessage: `Cannot depend on container + '${target}' because it does not exist`,
              explanation: `There is no container named "${target}" in this task definition. Check the spelling of containerName.`,
              pointer: `${pointer}/containerName`,
            }),
          );
          return;
        }
        if (other === c) {
          out.push(
            finding(this, {
              awsMessage: `Container '${target}' cannot depend on itself.`,
              explanation: 'A dependency makes one container wait for another one.',
              pointer: `${pointer}/containerName`,
            }),
          );
          return;
        }
        if ((condition === 'COMPLETE' || condition === 'SUCCESS') && other.essential) {
          out.push(
            finding(this, {
              awsMessage: 'A dependency container with SUCCESS or COMPLETE condition cannot be an essential container',
              explanation: `"${target}" is expected to finish, but an essential container that stops stops the whole task. Mark "${target}" "essential": false (typical for init or migration containers).`,
              pointer: `${pointer}/condition`,
              fixes: [
                {
                  title: `Mark "${target}" not essential`,
                  edits: [{ pointer: `${other.pointer}/essential`, value: false }],
                },
              ],
            }),
          );
        }
        if (condition === 'HEALTHY' && asObject(other.def.healthCheck) === undefined) {
          out.push(
            finding(this, {
              awsMessage: `Container '${target}' has no health check, so it can never become HEALTHY.`,
              explanation: `The HEALTHY condition waits for "${target}"'s health check to pass. Add a "healthCheck" to "${target}", or wait for START instead.`,
              pointer: `${pointer}/condition`,
            }),
          );
        }
      });
    }
    return out;
  },
};

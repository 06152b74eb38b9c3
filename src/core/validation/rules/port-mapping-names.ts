import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** Port mapping names (used by Service Connect): ≤ 64 lowercase letters, digits, _ and -, not starting with -; unique in the task. */
export const portMappingNames: Rule = {
  id: 'port-mapping-name',
  summary: 'Port mapping names are short lowercase identifiers, unique in the task.',
  learnMore: {
    lesson: { id: 'load-balancing-and-service-discovery', section: 'service-connect' },
    docs: DOCS.portMapping,
  },
  check({ containers }) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const c of containers) {
      asArray(c.def.portMappings).forEach((raw, i) => {
        const name = asString(asObject(raw)?.name);
        if (name === undefined) return;
        const pointer = `${c.pointer}/portMappings/${i}/name`;
        if (!/^[a-z0-9_][a-z0-9_-]{0,63}$/.test(name)) {
          out.push(
            finding(this, {
              awsMessage: `Invalid port mapping name '${name}'.`,
              explanation:
                'A port name has up to 64 lowercase letters, digits, underscores and hyphens, and does not start with a hyphen, for example "web-http".',
              pointer,
            }),
          );
        } else if (seen.has(name)) {
          out.push(
            finding(this, {
              awsMessage: `Port mapping name '${name}' is used more than once in this task definition.`,
              explanation:
                "Service Connect finds ports by name, so each name must be unique across the task's containers.",
              pointer,
            }),
          );
        }
        seen.add(name);
      });
    }
    return out;
  },
};

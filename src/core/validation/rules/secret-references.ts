import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** A Secrets Manager secret or SSM parameter ARN; anything else that starts with "arn:" is malformed. */
const SECRET_ARN = /^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:\d{12}:secret:.+|ssm:[a-z0-9-]+:\d{12}:parameter\/?.+)$/;

/** secrets[].valueFrom is a parameter name or a well-formed Secrets Manager / Parameter Store ARN. */
export const secretReferences: Rule = {
  id: 'secret-reference',
  summary: 'Secret references are parameter names or well-formed ARNs.',
  learnMore: { lesson: { id: 'security', section: 'secrets-without-clear-text' }, docs: DOCS.secrets },
  check({ containers }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const lists = [
        ['secrets', asArray(c.def.secrets)],
        ['logConfiguration/secretOptions', asArray(asObject(c.def.logConfiguration)?.secretOptions)],
      ] as const;
      for (const [where, list] of lists) {
        list.forEach((raw, i) => {
          const value = asString(asObject(raw)?.valueFrom);
          if (value === undefined || !value.startsWith('arn:') || SECRET_ARN.test(value)) return;
          out.push(
            finding(this, {
              awsMessage: 'Invalid arn syntax.',
              explanation:
                'valueFrom is the ARN of a Secrets Manager secret (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME) or of a Parameter Store parameter (arn:aws:ssm:REGION:ACCOUNT:parameter/NAME), or just the parameter name when it is in the same Region.',
              pointer: `${c.pointer}/${where}/${i}/valueFrom`,
            }),
          );
        });
      }
    }
    return out;
  },
};

import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/**
 * environment and secrets: every variable has a name; a secret's name is not also a plain
 * environment variable; environmentFiles are .env files in S3 (at most 10).
 */
export const environment: Rule = {
  id: 'environment',
  summary: 'Environment variables and secrets have names that do not clash.',
  learnMore: { lesson: { id: 'task-definitions', section: 'environment-and-secrets' }, docs: DOCS.secrets },
  check({ containers }) {
    const out: Finding[] = [];
    for (const c of containers) {
      const envNames = new Set<string>();
      asArray(c.def.environment).forEach((raw, i) => {
        const entry = asObject(raw);
        if (!entry) return;
        const name = asString(entry.name);
        if (name === undefined || name.trim() === '') {
          out.push(
            finding(this, {
              awsMessage: 'Environment variable name cannot be null or blank.',
              explanation: 'Each environment entry is { "name": "PORT", "value": "8080" }.',
              pointer: `${c.pointer}/environment/${i}`,
            }),
          );
        } else {
          envNames.add(name);
        }
      });
      asArray(c.def.secrets).forEach((raw, i) => {
        const name = asString(asObject(raw)?.name);
        if (name !== undefined && envNames.has(name)) {
          out.push(
            finding(this, {
              awsMessage: `The secret name must be unique and not shared with any new or existing environment variables set on the container, such as '${name}'.`,
              explanation: `"${name}" is both a plain environment variable and a secret. Keep it only as a secret.`,
              pointer: `${c.pointer}/secrets/${i}/name`,
            }),
          );
        }
      });
      const files = asArray(c.def.environmentFiles);
      if (files.length > 10) {
        out.push(
          finding(this, {
            awsMessage: 'Too many environment files: at most 10 are allowed.',
            explanation: 'A container may load up to 10 environment files.',
            pointer: `${c.pointer}/environmentFiles`,
          }),
        );
      }
      files.forEach((raw, i) => {
        const file = asObject(raw);
        const value = asString(file?.value);
        if (value !== undefined && !/^arn:aws[a-z-]*:s3:::.+\.env$/.test(value)) {
          out.push(
            finding(this, {
              awsMessage:
                'Invalid environmentFiles value: it must be the ARN of an object in Amazon S3 with the .env extension.',
              explanation: 'For example "arn:aws:s3:::my-bucket/app/prod.env".',
              pointer: `${c.pointer}/environmentFiles/${i}/value`,
            }),
          );
        }
      });
    }
    return out;
  },
};

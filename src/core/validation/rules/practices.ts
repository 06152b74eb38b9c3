import { asArray, asObject, asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';
import type { Finding } from '../types.ts';

/** Variable names that usually hold credentials. */
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?)/i;

/** The tag of an image reference: none (means "latest"), "latest", a tag, or a digest. */
export function imageTag(image: string): { kind: 'none' | 'latest' | 'tag' | 'digest'; tag?: string } {
  if (image.includes('@sha256:')) return { kind: 'digest' };
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return { kind: 'none' };
  const tag = lastSegment.slice(colon + 1);
  return tag === 'latest' ? { kind: 'latest', tag } : { kind: 'tag', tag };
}

/** Warnings a reviewer would raise; AWS accepts all of these. */
export const latestTag: Rule = {
  id: 'mutable-image-tag',
  summary: 'Images are pinned to a version tag or digest, not "latest".',
  learnMore: { lesson: { id: 'images-and-ecr', section: 'tags-and-digests' }, docs: DOCS.containerDefinition },
  check({ containers }) {
    return containers.flatMap((c) => {
      const image = asString(c.def.image);
      if (!image) return [];
      const tag = imageTag(image);
      if (tag.kind !== 'none' && tag.kind !== 'latest') return [];
      return [
        finding(this, {
          severity: 'warning',
          awsMessage: `Image "${image}" ${tag.kind === 'none' ? 'has no tag, so it means :latest' : 'uses the :latest tag'}.`,
          explanation:
            '"latest" is just a name that moves whenever someone pushes. Two tasks started a day apart may run different code, and a rollback has nothing to roll back to. Use a version tag (":1.4.2") or a digest.',
          pointer: `${c.pointer}/image`,
        }),
      ];
    });
  },
};

export const noLogConfiguration: Rule = {
  id: 'no-log-configuration',
  summary: 'Each container sends its logs somewhere.',
  learnMore: {
    lesson: { id: 'logging-and-monitoring', section: 'container-logs-with-the-awslogs-driver' },
    docs: DOCS.awslogs,
  },
  check({ containers }) {
    return containers.flatMap((c) =>
      c.def.logConfiguration === undefined
        ? [
            finding(this, {
              severity: 'warning',
              awsMessage: `Container '${c.name ?? `#${c.index + 1}`}' has no log configuration.`,
              explanation:
                'Without a log driver, what the container prints is lost when the task stops (on Fargate you cannot see it at all). Add a logConfiguration, usually awslogs to CloudWatch Logs.',
              pointer: c.pointer,
              fixes: [
                {
                  title: 'Send logs to CloudWatch (awslogs)',
                  edits: [
                    {
                      pointer: `${c.pointer}/logConfiguration`,
                      value: {
                        logDriver: 'awslogs',
                        options: {
                          'awslogs-group': `/ecs/${c.name ?? 'app'}`,
                          'awslogs-region': 'us-east-1',
                          'awslogs-stream-prefix': 'ecs',
                        },
                      },
                    },
                  ],
                },
              ],
            }),
          ]
        : [],
    );
  },
};

export const plaintextSecrets: Rule = {
  id: 'plaintext-secret',
  summary: 'Credentials come from secrets, not plain environment variables.',
  learnMore: { lesson: { id: 'security', section: 'secrets-without-clear-text' }, docs: DOCS.secrets },
  check({ containers }) {
    const out: Finding[] = [];
    for (const c of containers) {
      asArray(c.def.environment).forEach((raw, i) => {
        const name = asString(asObject(raw)?.name);
        if (name && SECRET_NAME.test(name) && asString(asObject(raw)?.value)) {
          out.push(
            finding(this, {
              severity: 'warning',
              awsMessage: `Environment variable "${name}" looks like a credential in plain text.`,
              explanation:
                'Environment values are visible to anyone who can describe the task definition. Store the value in Secrets Manager or Parameter Store and reference it under "secrets" instead.',
              pointer: `${c.pointer}/environment/${i}/value`,
            }),
          );
        }
      });
    }
    return out;
  },
};

export const privilegedContainer: Rule = {
  id: 'privileged-container',
  summary: 'Containers do not run privileged.',
  learnMore: { lesson: { id: 'security', section: 'isolation-where-are-the-walls' }, docs: DOCS.containerDefinition },
  check({ containers, fargate }) {
    if (fargate) return []; // fargate-unsupported-parameter reports it as an error
    return containers.flatMap((c) =>
      c.def.privileged === true
        ? [
            finding(this, {
              severity: 'warning',
              awsMessage: `Container '${c.name ?? `#${c.index + 1}`}' runs privileged.`,
              explanation:
                'A privileged container has nearly full access to the host, so a bug in it can take over the instance and every other task on it. Add only the capabilities it really needs instead.',
              pointer: `${c.pointer}/privileged`,
            }),
          ]
        : [],
    );
  },
};

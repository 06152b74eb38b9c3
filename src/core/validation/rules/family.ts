import { asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** `family`: not blank, at most 255 letters, digits, hyphens and underscores. */
export const family: Rule = {
  id: 'family-name',
  summary: 'The family name is 1–255 letters, digits, hyphens or underscores.',
  learnMore: { lesson: { id: 'task-definitions', section: 'families-and-revisions' }, docs: DOCS.registerApi },
  check({ td }) {
    const value = asString(td.family);
    if (value === undefined) return [];
    if (value.trim() === '') {
      return [
        finding(this, {
          awsMessage: 'Family can not be blank.',
          explanation:
            'Give the task definition a family name, such as "web-app". Each registration in a family becomes its next revision.',
          pointer: '/family',
        }),
      ];
    }
    if (!/^[A-Za-z0-9_-]+$/.test(value)) {
      const suggestion =
        value
          .replace(/[^A-Za-z0-9_-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 255) || 'my-task';
      return [
        finding(this, {
          awsMessage: 'Family contains invalid characters.',
          explanation:
            'A family name may use only letters, digits, hyphens (-) and underscores (_): no spaces, dots or slashes.',
          pointer: '/family',
          fixes: [{ title: `Rename to "${suggestion}"`, edits: [{ pointer: '/family', value: suggestion }] }],
        }),
      ];
    }
    if (value.length > 255) {
      return [
        finding(this, {
          awsMessage: 'Family contains invalid characters.',
          explanation: `A family name may be at most 255 characters long; this one has ${value.length}.`,
          pointer: '/family',
        }),
      ];
    }
    return [];
  },
};

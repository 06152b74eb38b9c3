import { asInteger, asObject } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** ephemeralStorage.sizeInGiB is 21–200 (Fargate gives 20 GiB without it). */
export const ephemeralStorage: Rule = {
  id: 'ephemeral-storage',
  summary: 'Ephemeral storage is between 21 and 200 GiB.',
  learnMore: { lesson: { id: 'launch-types-and-capacity', section: 'fargate' }, docs: DOCS.ephemeralStorage },
  check({ td }) {
    const size = asInteger(asObject(td.ephemeralStorage)?.sizeInGiB);
    if (size === undefined || (size >= 21 && size <= 200)) return [];
    return [
      finding(this, {
        awsMessage: `Invalid ephemeralStorage sizeInGiB: ${size}. It must be between 21 and 200.`,
        explanation:
          'Fargate tasks get 20 GiB of scratch space by default; ask for more with a size from 21 to 200 GiB, or leave ephemeralStorage out.',
        pointer: '/ephemeralStorage/sizeInGiB',
      }),
    ];
  },
};

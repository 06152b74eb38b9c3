import { asString } from '../context.ts';
import { DOCS } from '../docs.ts';
import { finding, type Rule } from '../rule.ts';

/** Every container names an image; the part before any @digest is at most 255 characters. */
export const containerImage: Rule = {
  id: 'container-image',
  summary: 'Each container has an image reference of at most 255 characters.',
  learnMore: { lesson: { id: 'images-and-ecr', section: 'image-names' }, docs: DOCS.containerDefinition },
  check({ containers }) {
    return containers.flatMap((c) => {
      const image = asString(c.def.image);
      if (c.def.image === undefined || c.def.image === null || image?.trim() === '') {
        return [
          finding(this, {
            awsMessage: 'Container.image should not be null or empty.',
            explanation:
              'Every container needs an image to run, for example "public.ecr.aws/nginx/nginx:1.27" or an image in your own ECR repository.',
            pointer: `${c.pointer}/image`,
          }),
        ];
      }
      if (image !== undefined && (image.split('@')[0] ?? '').length > 255) {
        return [
          finding(this, {
            awsMessage: 'Container.image should be 255 characters or less',
            explanation: 'The repository and tag together may be at most 255 characters.',
            pointer: `${c.pointer}/image`,
          }),
        ];
      }
      if (image !== undefined && /\s/.test(image)) {
        return [
          finding(this, {
            awsMessage: 'Container.image contains invalid characters.',
            explanation:
              'An image reference has no spaces: registry/repository:tag or registry/repository@sha256:digest.',
            pointer: `${c.pointer}/image`,
          }),
        ];
      }
      return [];
    });
  },
};

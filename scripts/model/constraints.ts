/**
 * Constraints the ECS API model declares (Smithy length, range and pattern traits) that the
 * compiled SDK schemas drop. Keyed by `Shape.member` (`[]` = list item, `{}` = map value).
 * Source: the ECS API model for RegisterTaskDefinition (Tags: 0–50; TagKey: 1–128 characters;
 * TagValue: 0–256 characters; both with the same character pattern).
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
 */
const TAG_PATTERN = '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$';

export const CONSTRAINTS: Record<string, Record<string, unknown>> = {
  'RegisterTaskDefinitionRequest.tags': { maxItems: 50 },
  'Tag.key': { minLength: 1, maxLength: 128, pattern: TAG_PATTERN },
  'Tag.value': { maxLength: 256, pattern: TAG_PATTERN },
};

/** TagResource, UntagResource, ListTagsForResource. */
import type { Simulator } from '../engine.ts';
import { invalidParameter } from '../errors.ts';
import { copy, type Input, list, obj, str, strings } from './common.ts';

function requireResource(sim: Simulator, input: Input): string {
  const arn = str(input, 'resourceArn') ?? '';
  if (!(arn in sim.state.tags)) throw invalidParameter('The specified resource is not found.');
  return arn;
}

export function tagResource(sim: Simulator, input: Input) {
  const arn = requireResource(sim, input);
  const tags = sim.state.tags[arn] ?? [];
  for (const raw of list(input, 'tags')) {
    const tag = obj(raw);
    if (!tag || typeof tag.key !== 'string') continue;
    const existing = tags.find((t) => t.key === tag.key);
    const value = typeof tag.value === 'string' ? tag.value : '';
    if (existing) existing.value = value;
    else tags.push({ key: tag.key, value });
  }
  if (tags.length > 50) throw invalidParameter('A resource can have at most 50 tags.');
  sim.state.tags[arn] = tags;
  return {};
}

export function untagResource(sim: Simulator, input: Input) {
  const arn = requireResource(sim, input);
  const remove = new Set(strings(input, 'tagKeys'));
  sim.state.tags[arn] = (sim.state.tags[arn] ?? []).filter((t) => !remove.has(t.key ?? ''));
  return {};
}

export function listTagsForResource(sim: Simulator, input: Input) {
  return { tags: copy(sim.state.tags[requireResource(sim, input)] ?? []) };
}

import { describe, expect, it } from 'vitest';
import { formatDuration, groupByInitial, neighbours } from '../../../src/course/navigation.ts';

describe('neighbours', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('gives the previous and next item', () => {
    expect(neighbours(list, 'b')).toEqual({ prev: { id: 'a' }, next: { id: 'c' } });
  });
  it('has no previous for the first and no next for the last', () => {
    expect(neighbours(list, 'a')).toEqual({ next: { id: 'b' } });
    expect(neighbours(list, 'c')).toEqual({ prev: { id: 'b' } });
  });
  it('is empty for an unknown id', () => {
    expect(neighbours(list, 'zzz')).toEqual({});
  });
});

describe('formatDuration', () => {
  it.each([
    [5, '5 min'],
    [60, '1 h'],
    [95, '1 h 35 min'],
  ])('%i minutes reads as %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text);
  });
});

describe('groupByInitial', () => {
  it('groups case-insensitively in A–Z order with symbols first', () => {
    const groups = groupByInitial(['task', 'awsvpc', 'Amazon ECR', '1024 units', 'Task role'], (t) => t);
    expect([...groups.keys()]).toEqual(['#', 'A', 'T']);
    expect(groups.get('A')).toEqual(['awsvpc', 'Amazon ECR']);
    expect(groups.get('T')).toEqual(['task', 'Task role']);
  });
});

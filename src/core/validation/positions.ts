/** Maps JSON Pointers to text ranges and offsets to 1-based lines and columns. */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import { toJsoncPath } from './pointer.ts';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of an offset (columns count UTF-16 units, as editors do). */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

/**
 * The text range a pointer designates: the value, or its property name when `onKey` is set. A
 * pointer into something that is missing (a required field) falls back to its nearest existing
 * parent, so the learner is taken to the object that lacks it.
 */
export function rangeOf(root: Node | undefined, pointer: string, onKey = false): { offset: number; length: number } {
  if (!root) return { offset: 0, length: 0 };
  const path = toJsoncPath(pointer);
  for (let end = path.length; end >= 0; end--) {
    const node = findNodeAtLocation(root, path.slice(0, end));
    if (!node) continue;
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (end === path.length && onKey && key) return { offset: key.offset, length: key.length };
    // A parent object is long; point at its opening (or at its key) rather than all of it.
    if (end < path.length) return key ? { offset: key.offset, length: key.length } : { offset: node.offset, length: 1 };
    return { offset: node.offset, length: node.length };
  }
  return { offset: root.offset, length: 1 };
}

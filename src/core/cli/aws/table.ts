/**
 * The AWS CLI's `--output table` layout: nested sections framed with `|` per nesting level, a
 * title row per section, scalar keys as columns (sorted), and sections turned into key/value rows
 * when the table would be wider than the 80-column terminal. Matches the CLI's output when it is
 * not attached to a terminal (no colours).
 */

const TERMINAL_WIDTH = 80;

/** Python's round(): halves go to the even neighbour. */
function pyRound(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Python's str(): what the AWS CLI prints for a value in text and table output. */
export function pyStr(v: unknown): string {
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'object') return pyRepr(v);
  return String(v);
}

/** Python's repr() of JSON-like data, for lists and dicts printed inside a cell. */
function pyRepr(v: unknown): string {
  if (typeof v === 'string')
    return v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`)
      .join(', ')}}`;
  return pyStr(v);
}
const isScalar = (v: unknown) => v === null || typeof v !== 'object';

class Section {
  title = '';
  headers: string[] = [];
  rows: string[][] = [];
  indent = 0;
  private widths: number[] = [];

  addHeader(headers: string[]): void {
    this.track(headers);
    this.headers = headers;
  }

  addRow(row: unknown[]): void {
    const cells = row.map(pyStr);
    this.rows.push(cells);
    this.track(cells);
  }

  private track(cells: string[]): void {
    if (this.widths.length === 0) this.widths = cells.map((c) => c.length);
    else {
      for (const [i, c] of cells.entries()) this.widths[i] = Math.max(c.length, this.widths[i] ?? 0);
    }
  }

  columnWidths(padding = 0, maxWidth?: number): number[] {
    const unscaled = this.widths.map((w) => w + padding);
    if (maxWidth === undefined || unscaled.length === 0) return unscaled;
    const factor = maxWidth / unscaled.reduce((s, w) => s + w, 0);
    const scaled = unscaled.map((w) => pyRound(factor * w));
    let off = scaled.reduce((s, w) => s + w, 0) - maxWidth;
    while (off !== 0) {
      const order = scaled.map((_, i) => i);
      if (off < 0) order.reverse();
      for (const i of order) {
        if (off > 0) {
          scaled[i] = (scaled[i] as number) - 1;
          off -= 1;
        } else {
          scaled[i] = (scaled[i] as number) + 1;
          off += 1;
        }
        if (off === 0) break;
      }
    }
    return scaled;
  }

  totalWidth(padding: number, outer: number): number {
    const total = this.columnWidths().reduce((s, w) => s + w + padding, 0) + 2 + 2 * outer;
    return Math.max(this.title.length + 2 + 2 * outer, total);
  }
}

function center(text: string, length: number, left = '|', right = '|'): string {
  const start = Math.floor(length / 2) - Math.floor(text.length / 2) - 1;
  const soFar = left.length + start + text.length;
  return `${left}${' '.repeat(Math.max(0, start))}${text}${' '.repeat(Math.max(0, length - right.length - soFar))}${right}`;
}

function alignLeft(text: string, length: number, left: string, right: string): string {
  const padding = length - (text.length + 2 + left.length + right.length) >= 0 ? 2 : 0;
  const soFar = left.length + padding + text.length;
  return `${left}${' '.repeat(padding)}${text}${' '.repeat(Math.max(0, length - soFar - right.length))}${right}`;
}

class Builder {
  sections: Section[] = [new Section()];
  private current = this.sections[0] as Section;

  newSection(title: string, indent: number): void {
    this.current = new Section();
    this.current.title = title;
    this.current.indent = indent;
    this.sections.push(this.current);
  }

  build(title: string | undefined, value: unknown, indent = 0): void {
    if (
      value === null ||
      value === undefined ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && Object.keys(value as object).length === 0)
    )
      return;
    if (title !== undefined) this.newSection(title, indent);
    if (Array.isArray(value)) {
      if (!isScalar(value[0]) && !Array.isArray(value[0]))
        this.fromList(value as Record<string, unknown>[], indent, title ?? '');
      else {
        for (const item of value) {
          if (isScalar(item)) this.current.addRow([item]);
          else if (Array.isArray(item) && item.every(isScalar)) this.current.addRow(item);
          else this.build(undefined, item);
        }
      }
      return;
    }
    if (typeof value === 'object') this.fromDict(value as Record<string, unknown>, indent);
    else this.current.addRow([value]);
  }

  private split(dict: Record<string, unknown>): { headers: string[]; more: string[] } {
    const headers = Object.keys(dict)
      .filter((k) => isScalar(dict[k]))
      .sort();
    const more = Object.keys(dict)
      .filter((k) => !isScalar(dict[k]))
      .sort();
    return { headers, more };
  }

  private fromDict(dict: Record<string, unknown>, indent: number): void {
    const { headers, more } = this.split(dict);
    if (headers.length === 1) this.current.addRow([headers[0], dict[headers[0] as string]]);
    else if (headers.length > 0) {
      this.current.addHeader(headers);
      this.current.addRow(headers.map((h) => dict[h]));
    }
    for (const key of more) this.build(key, dict[key], indent + 1);
  }

  private fromList(items: Record<string, unknown>[], indent: number, title: string): void {
    const headers = [...new Set(items.flatMap((i) => this.split(i).headers))].sort();
    const more = [...new Set(items.flatMap((i) => this.split(i).more))].sort();
    this.current.addHeader(headers);
    items.forEach((item, index) => {
      if (index > 0 && more.length > 0) {
        this.newSection(title, indent);
        this.current.addHeader(headers);
      }
      this.current.addRow(headers.map((h) => (h in item ? item[h] : '')));
      for (const key of more) if (key in item) this.build(key, item[key], indent + 1);
    });
  }
}

function verticalise(sections: Section[]): Section[] {
  return sections.map((s) => {
    if (s.rows.length !== 1 || s.headers.length === 0) return s;
    const flipped = new Section();
    flipped.title = s.title;
    flipped.indent = s.indent;
    for (const [i, h] of s.headers.entries()) flipped.addRow([h, s.rows[0]?.[i] ?? '']);
    return flipped;
  });
}

/** Renders a response as the AWS CLI's table output; `title` is the operation name. */
export function formatCliTable(value: unknown, title: string): string {
  const builder = new Builder();
  builder.build(title, value);
  let sections = builder.sections.filter((s, i) => i > 0 || s.title || s.rows.length > 0 || s.headers.length > 0);
  const widest = () => Math.max(...sections.map((s) => s.totalWidth(4, s.indent)));
  let max = widest();
  if (max > TERMINAL_WIDTH) {
    sections = verticalise(sections);
    max = widest();
  }
  const out: string[] = ['-'.repeat(max)];
  for (const s of sections) {
    const edge = '|'.repeat(s.indent);
    const line = (text: string) => out.push(`${edge}${text}${edge}`);
    const width = max - s.indent * 2;
    const rule = (widths: number[]) =>
      line(widths.map((w, i) => (i === 0 ? `+${'-'.repeat(w - 2)}+` : `${'-'.repeat(w - 1)}+`)).join(''));
    if (s.title) {
      line(center(s.title, width));
      if (s.headers.length === 0 && s.rows.length === 0) line(`+${'-'.repeat(width - 2)}+`);
    }
    if (s.headers.length > 0) {
      const widths = s.columnWidths(4, width);
      rule(widths);
      line(widths.map((w, i) => center(s.headers[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
    }
    if (s.rows.length > 0) {
      const widths = s.columnWidths(4, width);
      if (widths.length === 0) continue;
      rule(widths);
      for (const row of s.rows)
        line(widths.map((w, i) => alignLeft(row[i] ?? '', w, i === 0 ? '|' : '', '|')).join(''));
      rule(widths);
    }
  }
  return out.join('\n');
}

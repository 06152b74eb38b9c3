/**
 * The AWS CLI's shorthand syntax: `key=value,key2=[a,b],key3={k=v}`. Values are strings; the
 * caller converts them to the member types of the shape.
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html
 */

export type ShorthandValue = string | ShorthandValue[] | { [key: string]: ShorthandValue };

export class ShorthandError extends Error {}

class Parser {
  private i = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  parseStructure(closing?: string): Record<string, ShorthandValue> {
    const out: Record<string, ShorthandValue> = {};
    while (this.i < this.text.length) {
      if (closing && this.text[this.i] === closing) return out;
      const key = this.readUntil('=').trim();
      if (key === '')
        throw new ShorthandError(
          `Expected: '<key>=<value>', received: '${this.text.slice(this.i)}' for input: ${this.text}`,
        );
      this.i += 1; // '='
      out[key] = this.parseValue(closing);
      if (this.text[this.i] === ',') this.i += 1;
    }
    if (closing) throw new ShorthandError(`Expected: '${closing}', received: end of input for input: ${this.text}`);
    return out;
  }

  private parseValue(closing?: string): ShorthandValue {
    const c = this.text[this.i];
    if (c === '[') {
      this.i += 1;
      const items: ShorthandValue[] = [];
      while (this.i < this.text.length && this.text[this.i] !== ']') {
        items.push(this.text[this.i] === '{' ? this.parseBraced() : this.readScalar(',]'));
        if (this.text[this.i] === ',') this.i += 1;
      }
      if (this.text[this.i] !== ']')
        throw new ShorthandError(`Expected: ']', received: end of input for input: ${this.text}`);
      this.i += 1;
      return items;
    }
    if (c === '{') return this.parseBraced();
    // A bare value runs to the next comma that starts a new key=, or to the closing brace.
    return this.readScalar(closing ? `,${closing}` : ',', true);
  }

  private parseBraced(): Record<string, ShorthandValue> {
    this.i += 1;
    const value = this.parseStructure('}');
    this.i += 1;
    return value;
  }

  private readScalar(stops: string, allowListOfCommas = false): string {
    const quote = this.text[this.i];
    if (quote === '"' || quote === "'") {
      const end = this.text.indexOf(quote, this.i + 1);
      if (end < 0) throw new ShorthandError(`Unclosed quote in: ${this.text}`);
      const value = this.text.slice(this.i + 1, end);
      this.i = end + 1;
      return value;
    }
    const start = this.i;
    while (this.i < this.text.length && !stops.includes(this.text[this.i] as string)) this.i += 1;
    // key=a,b,c (no further '=' before the next comma) is a list in the CLI; keep the commas.
    if (allowListOfCommas) {
      while (
        this.text[this.i] === ',' &&
        !/^[^,=]*=/.test(this.text.slice(this.i + 1)) &&
        this.i + 1 < this.text.length
      ) {
        this.i += 1;
        while (this.i < this.text.length && !stops.includes(this.text[this.i] as string)) this.i += 1;
      }
    }
    return this.text.slice(start, this.i).trim();
  }

  private readUntil(char: string): string {
    const start = this.i;
    while (this.i < this.text.length && this.text[this.i] !== char) this.i += 1;
    if (this.i >= this.text.length)
      throw new ShorthandError(`Expected: '=', received: end of input for input: ${this.text}`);
    return this.text.slice(start, this.i);
  }
}

/** Parses one shorthand structure such as `awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}`. */
export function parseShorthand(text: string): Record<string, ShorthandValue> {
  return new Parser(text).parseStructure();
}

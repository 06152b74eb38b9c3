/** Base64 for ASCII text (tokens, passwords) without the DOM or Node: the core runs in both. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeBase64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const n =
      ((text.charCodeAt(i) & 255) << 16) |
      ((text.charCodeAt(i + 1) & 255 || 0) << 8) |
      (text.charCodeAt(i + 2) & 255 || 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += i + 1 < text.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < text.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function decodeBase64(text: string): string {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  let out = '';
  for (let i = 0; i < clean.length; i += 4) {
    const n = [0, 1, 2, 3].reduce((acc, k) => (acc << 6) | Math.max(0, ALPHABET.indexOf(clean[i + k] ?? 'A')), 0);
    out += String.fromCharCode((n >> 16) & 255);
    if (clean[i + 2] !== undefined) out += String.fromCharCode((n >> 8) & 255);
    if (clean[i + 3] !== undefined) out += String.fromCharCode(n & 255);
  }
  return out;
}

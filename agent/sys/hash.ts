// FNV-1a, 32 bits, over a string's UTF-8 bytes: stable names for numbers (rule ids, identities,
// assigned clusterIPs and nodePorts) that every run and every node derives alike.

const UTF8 = new TextEncoder();

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of UTF8.encode(s)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

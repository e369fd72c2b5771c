import { describe, expect, it } from 'vitest';
import { createGunzip, createGzip } from 'node:zlib';
import { ByteTally, LineTooLong, RowTally, encodeRows, splitLines, through } from './streams.js';
import type { Chunks } from './archive.js';

async function* rowsOf(rows: Record<string, unknown>[]) {
  for (const r of rows) yield r;
}

async function* pieces(text: string, size: number): Chunks {
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function lines(source: Chunks, max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const l of splitLines(source, max)) out.push(l.text);
  return out;
}

describe('NDJSON streams', () => {
  it('rows → NDJSON → gzip → back, with keys in declared order and multi-byte text cut anywhere', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => ({ b: `张三${i}`, a: i, extra: 'dropped' }));
    const seen: unknown[] = [];
    const bytes = new ByteTally();
    const zipped = through(bytes.tap(encodeRows(rowsOf(rows), ['a', 'b', 'missing'], (r) => seen.push(r))), createGzip());
    const back = await lines(through(zipped, createGunzip()));
    expect(seen).toHaveLength(3000);
    expect(back[0]).toBe('{"a":0,"b":"张三0","missing":null}');
    expect(back).toHaveLength(3000);
    expect(bytes.bytes).toBe(Buffer.byteLength(back.join('\n') + '\n'));
    // Chunk boundaries in the middle of a character or a line change nothing.
    expect(await lines(pieces('{"x":"户主"}\n{"y":2}\n', 3))).toEqual(['{"x":"户主"}', '{"y":2}']);
  });

  it('refuses a line longer than the limit instead of buffering it', async () => {
    await expect(lines(pieces(`${'x'.repeat(5000)}\n`, 1000), 2000)).rejects.toEqual(new LineTooLong(1));
  });

  it('sums money columns exactly, past 2^53 in total, and flags a fraction of a fen', () => {
    const tally = new RowTally(['amount_fen']);
    for (let i = 0; i < 3; i++) expect(tally.add({ amount_fen: Number.MAX_SAFE_INTEGER })).toBe(true);
    expect(tally.add({ amount_fen: null })).toBe(true);
    expect(tally.add({ amount_fen: 1.5 })).toBe(false);
    expect(tally.rows).toBe(5);
    expect(tally.totals()).toEqual({ amount_fen: (3n * BigInt(Number.MAX_SAFE_INTEGER)).toString() });
  });
});

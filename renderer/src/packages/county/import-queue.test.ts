import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../shared/contract/packages.js';
import { queueOf, runQueue, type QueueItem } from './import-queue.js';

const file = (name: string) => new File(['x'], name);

function outcome(status: ImportOutcome['status'], code: string | null = null): ImportOutcome {
  return {
    fileName: '', status, packageId: null, townshipCode: null, townshipName: null, sequence: null, kind: null,
    refusal: code ? { kind: 'bad_request', code, params: {} } : null, missing: [], result: null,
  };
}

describe('importing several packages one file at a time', () => {
  it('goes in name order and retries a package refused for a gap once the missing one went in', async () => {
    const items = queueOf([file('371502100-000002-incremental.tzpkg'), file('b-renamed.tzpkg'), file('371502100-000001-incremental.tzpkg')]);
    expect(items.map((i) => i.file.name)).toEqual(['371502100-000001-incremental.tzpkg', '371502100-000002-incremental.tzpkg', 'b-renamed.tzpkg']);
    // b-renamed is really sequence 3 of another township whose sequence 1 is 371502100-000001; simulate
    // a county that takes a package only when all earlier ones are in.
    const order = ['371502100-000001-incremental.tzpkg', 'b-renamed.tzpkg', '371502100-000002-incremental.tzpkg'];
    const done = new Set<string>();
    const calls: string[] = [];
    const states: string[] = [];
    await runQueue(items, async (item) => {
      calls.push(item.file.name);
      const earlier = order.slice(0, order.indexOf(item.file.name));
      if (earlier.some((n) => !done.has(n))) return outcome('refused', 'package.sequenceGap');
      done.add(item.file.name);
      return outcome('imported');
    }, (item: QueueItem) => states.push(`${item.file.name}:${item.state}`));
    expect(calls).toEqual([
      '371502100-000001-incremental.tzpkg', '371502100-000002-incremental.tzpkg', 'b-renamed.tzpkg', '371502100-000002-incremental.tzpkg',
    ]);
    expect(items.map((i) => i.outcome?.status)).toEqual(['imported', 'imported', 'imported']);
    expect(states.filter((s) => s.endsWith(':importing'))).toHaveLength(4);
  });

  it('stops retrying when a pass imports nothing, and keeps a failed call apart from a refusal', async () => {
    const items = queueOf([file('a.tzpkg'), file('b.tzpkg')]);
    let calls = 0;
    await runQueue(items, async (item) => {
      calls++;
      if (item.file.name === 'a.tzpkg') throw new Error('offline');
      return outcome('refused', 'package.sequenceGap');
    }, () => undefined);
    expect(calls).toBe(2);
    expect(items[0]!.failure).toBeInstanceOf(Error);
    expect(items[1]!.outcome?.refusal?.code).toBe('package.sequenceGap');
  });
});

import { describe, expect, it } from 'vitest';
import { letIoRun } from './let-io-run.js';

describe('letIoRun', () => {
  it('lets callbacks waiting on the event loop run, which awaiting a settled promise does not', async () => {
    const ran: string[] = [];
    setImmediate(() => ran.push('io callback'));
    await Promise.resolve();
    ran.push('after a settled promise');
    await letIoRun();
    ran.push('after letIoRun');
    expect(ran).toEqual(['after a settled promise', 'io callback', 'after letIoRun']);
  });
});

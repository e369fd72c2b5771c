import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkstation } from '../../app/workstation.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'photo-leftovers-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('photo files left by a crash', () => {
  it('are removed when the workstation opens once an hour old; photos and fresh files stay', async () => {
    const photos = join(dir, 'photos');
    await mkdir(photos);
    const hash = 'a'.repeat(64);
    const files = {
      photo: hash,
      oldPartial: `${'b'.repeat(64)}.4242.partial`,
      oldIncoming: `${'c'.repeat(64)}.pkg-1.incoming`,
      freshIncoming: `${'d'.repeat(64)}.pkg-2.incoming`,
      oldOther: 'notes.txt',
    };
    for (const name of Object.values(files)) await writeFile(join(photos, name), 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of [files.photo, files.oldPartial, files.oldIncoming, files.oldOther]) await utimes(join(photos, name), twoHoursAgo, twoHoursAgo);

    const w = await openWorkstation(join(dir, 'township.sqlite'));
    await w.close();
    expect((await readdir(photos)).sort()).toEqual([files.photo, files.freshIncoming, files.oldOther].sort());
  });

  it('opens a workstation that has no photos folder', async () => {
    const w = await openWorkstation(join(dir, 'township.sqlite'));
    await w.close();
    expect(await readdir(dir)).not.toContain('photos');
  });
});

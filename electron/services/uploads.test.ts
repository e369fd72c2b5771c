import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/common.js';
import { dispatchIpcUpload, dispatchUpload } from '../api/dispatch-upload.js';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { removeOldUploads, removeUpload, saveUpload, uploadBytes, uploadFolder, uploadPath } from './uploads.js';

let f: Fixture;
beforeEach(async () => {
  f = await makeFixture();
});
afterEach(async () => {
  await f.cleanup();
});

const villages = '村代码,村名\n371502100203,新立村\n';

async function* pieces(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('uploads', () => {
  it('stores streamed or whole bytes under a random id beside the database, and a method reads them by id', async () => {
    const ctx = f.workstation.ctx;
    const streamed = await saveUpload(ctx, ' 村.csv ', pieces(villages, 7));
    expect(streamed).toMatchObject({ fileName: '村.csv', size: Buffer.byteLength(villages) });
    expect(streamed.uploadId).toMatch(/^[0-9a-f-]{36}$/);
    const path = await uploadPath(ctx, streamed);
    expect(path).toBe(join(f.dir, 'uploads', streamed.uploadId));
    expect(await readFile(path, 'utf8')).toBe(villages);
    const whole = await saveUpload(ctx, '村.csv', Buffer.from(villages));
    expect(whole.uploadId).not.toBe(streamed.uploadId);
    expect((await uploadBytes(ctx, { fileName: '村.csv', uploadId: whole.uploadId })).toString()).toBe(villages);
    expect((await uploadBytes(ctx, { fileName: '村.csv', contentBase64: Buffer.from('x').toString('base64') })).toString()).toBe('x');

    const result = await f.call('villages/import', { fileName: '村.csv', uploadId: streamed.uploadId });
    expect(result).toMatchObject({ added: 1, issues: [] });
    expect((await f.call('villages/list', {})).map((v) => v.name)).toContain('新立村');
  });

  it('refuses an id it does not hold, naming the file, and an id that is not one', async () => {
    const gone = await f.fail('villages/import', { fileName: '村.csv', uploadId: '00000000-0000-4000-8000-000000000000' });
    expect(gone).toMatchObject({ kind: 'bad_request', code: 'file.uploadGone', params: { fileName: '村.csv' } });
    const notAnId = await f.fail('villages/import', { fileName: '村.csv', uploadId: '../taizhang.sqlite' } as never);
    expect(notAnId).toMatchObject({ kind: 'validation', issues: [{ field: 'uploadId' }] });
    await expect(uploadPath(f.workstation.ctx, { fileName: 'x', uploadId: '../taizhang.sqlite' })).rejects.toMatchObject({ code: 'file.uploadGone' });
  });

  it('stops a file past the size limit and leaves nothing behind', async () => {
    const mb = Buffer.alloc(1024 * 1024, 0x41);
    async function* tooBig() {
      for (let i = 0; i <= MAX_UPLOAD_BYTES / mb.length; i++) yield mb;
    }
    await expect(saveUpload(f.workstation.ctx, '大.csv', tooBig())).rejects.toMatchObject({ code: 'file.tooLarge', params: { fileName: '大.csv', maxMB: 150 } });
    expect(await readdir(uploadFolder(f.workstation.db))).toEqual([]);
    await expect(saveUpload(f.workstation.ctx, '  ', Buffer.from('x'))).rejects.toMatchObject({ code: 'file.badName' });
  });

  it('removes uploads a day old, keeps newer ones, and removes one on request', async () => {
    const ctx = f.workstation.ctx;
    const old = await saveUpload(ctx, 'a.csv', Buffer.from('a'));
    const fresh = await saveUpload(ctx, 'b.csv', Buffer.from('b'));
    const kept = await saveUpload(ctx, 'c.csv', Buffer.from('c'));
    const folder = uploadFolder(f.workstation.db);
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    await utimes(join(folder, old.uploadId), dayAgo, dayAgo);
    expect(await removeOldUploads(folder, new Date())).toEqual([old.uploadId]);
    await removeUpload(ctx, fresh.uploadId);
    expect(await readdir(folder)).toEqual([kept.uploadId]);
  });

  it('takes files from a signed-in caller only', async () => {
    const ctx = f.workstation.ctx;
    const anonymous = { accountId: null, signIn: () => undefined, signOut: () => undefined };
    expect(await dispatchUpload(ctx, 'a.csv', Buffer.from('a'), anonymous)).toEqual({ ok: false, error: { kind: 'unauthorized', code: 'auth.required' } });
    const stored = await dispatchUpload(ctx, 'a.csv', Buffer.from('a'));
    expect(stored).toMatchObject({ ok: true, result: { fileName: 'a.csv', size: 1 } });
  });

  it('over IPC takes an ArrayBuffer or a view of one, and refuses anything else', async () => {
    const ctx = f.workstation.ctx;
    await f.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'admin-pass-1' });
    const account = await f.workstation.db.get<{ id: string }>("SELECT id FROM account WHERE username = 'admin'");
    const signedIn = { accountId: account!.id, signIn: () => undefined, signOut: () => undefined };
    const asIpc = async (bytes: unknown) => dispatchIpcUpload(ctx, '村.csv', bytes, signedIn);
    const whole = new TextEncoder().encode(villages);
    const fromBuffer = await asIpc(whole.buffer);
    // A view into a larger buffer: only its own bytes are stored.
    const padded = Buffer.concat([Buffer.from('xx'), Buffer.from(villages), Buffer.from('yy')]);
    const fromView = await asIpc(padded.subarray(2, 2 + whole.length));
    for (const response of [fromBuffer, fromView]) {
      expect(response).toMatchObject({ ok: true, result: { fileName: '村.csv', size: whole.length } });
      if (response.ok) expect(await readFile(await uploadPath(ctx, response.result), 'utf8')).toBe(villages);
    }
    expect(await asIpc('not bytes')).toEqual({ ok: false, error: { kind: 'bad_request', code: 'bad_request', params: { detail: 'upload' } } });
    expect(await dispatchIpcUpload(ctx, 42, whole.buffer, signedIn)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'node:http';
import { startBrowserServer, type BrowserServer } from './browser-server.js';
import { makeFixture, type Fixture } from '../test/workstation-fixture.js';
import { TOKEN_HEADER } from '../../shared/contract/bridge.js';

let f: Fixture;
let server: BrowserServer;
let signedInCookie = '';

beforeAll(async () => {
  f = await makeFixture();
  const staticDir = join(f.dir, 'renderer');
  await mkdir(staticDir);
  await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>台账</title>');
  server = await startBrowserServer({ ctx: f.workstation.ctx, staticDir });
});
afterAll(async () => {
  await server.close();
  await f.cleanup();
});

interface ApiBody {
  ok?: boolean;
  result?: unknown;
  error?: { kind: string; issues?: { field: string }[] };
}

/** A raw request, so the Host and Origin headers are ours to set. */
function call(path: string, headers: Record<string, string>, body = '{}', method = 'POST'): Promise<{ status: number; json: ApiBody; text: string; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => {
        let json: ApiBody = {};
        try {
          json = JSON.parse(text) as ApiBody;
        } catch {
          /* static files are not JSON */
        }
        resolve({ status: res.statusCode ?? 0, json, text, cookie: res.headers['set-cookie']?.[0] });
      });
    });
    req.on('error', reject);
    if (method === 'POST') req.end(body);
    else req.end();
  });
}

describe('browser mode server', () => {
  it('listens on 127.0.0.1 and hands out an address with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=`));
  });

  it('serves the API with the token', async () => {
    const r = await call('/api/settings/get', { [TOKEN_HEADER]: server.token });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ok: true, result: { orgCode: '371502100', orgName: '测试镇' } });
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    expect((await call('/api/settings/get', {})).status).toBe(401);
    expect((await call('/api/settings/get', { [TOKEN_HEADER]: `${server.token}x` })).status).toBe(401);
  });

  it('refuses another origin even with the token', async () => {
    const r = await call('/api/settings/get', { [TOKEN_HEADER]: server.token, origin: 'http://evil.example' });
    expect(r.status).toBe(403);
  });

  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const r = await call('/api/settings/get', { [TOKEN_HEADER]: server.token, host: `evil.example:${server.port}` });
    expect(r.status).toBe(421);
  });

  it('calls nothing but sign-in without a session, and signs in with an HttpOnly, SameSite=Strict cookie', async () => {
    const anonymous = await call('/api/households/page', { [TOKEN_HEADER]: server.token }, JSON.stringify({ startRow: 0, endRow: 10 }));
    expect([anonymous.status, anonymous.json.error?.kind]).toEqual([401, 'unauthorized']);
    const setup = await call('/api/auth/setup', { [TOKEN_HEADER]: server.token }, JSON.stringify({ username: 'admin', displayName: '管理员', password: 'admin-pass-1' }));
    expect(setup.status).toBe(200);
    expect(setup.cookie).toMatch(/^tz_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const cookie = setup.cookie!.split(';')[0]!;
    const page = await call('/api/households/page', { [TOKEN_HEADER]: server.token, cookie }, JSON.stringify({ startRow: 0, endRow: 10 }));
    expect(page.status).toBe(200);
    // The cookie alone is not enough: the token is still required.
    expect((await call('/api/households/page', { cookie }, JSON.stringify({ startRow: 0, endRow: 10 }))).status).toBe(401);
    signedInCookie = cookie;
  });

  it('validates input with the contract and says which field', async () => {
    const r = await call('/api/villages/save', { [TOKEN_HEADER]: server.token, cookie: signedInCookie }, JSON.stringify({ code: '12', name: '' }));
    expect(r.status).toBe(400);
    expect(r.json.error?.issues?.map((i) => i.field).sort()).toEqual(['code', 'name']);
  });

  it('takes a file as the body of POST /upload from a signed-in page, and a method then names it by id', async () => {
    const sheet = '村代码,村名\n371502100203,王屯村\n';
    const headers = { [TOKEN_HEADER]: server.token, 'content-type': 'application/octet-stream' };
    const path = `/upload?name=${encodeURIComponent('村名单.csv')}`;
    expect((await call(path, {}, sheet)).status).toBe(401);
    const anonymous = await call(path, headers, sheet);
    expect([anonymous.status, anonymous.json.error]).toEqual([401, { kind: 'unauthorized', code: 'auth.required' }]);
    expect((await call(path, { ...headers, cookie: signedInCookie, origin: 'http://evil.example' }, sheet)).status).toBe(403);
    // A body declared larger than the limit is refused before it is read: the answer comes while the client is still sending.
    const tooBig = await new Promise<{ status: number; json: ApiBody }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method: 'POST', headers: { ...headers, cookie: signedInCookie, 'content-length': String(151 * 1024 * 1024) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as ApiBody });
        });
      });
      req.on('error', reject);
      req.write('村代码,村名\n');
    });
    expect([tooBig.status, tooBig.json.error]).toEqual([413, { kind: 'bad_request', code: 'file.tooLarge', params: { fileName: '村名单.csv', maxMB: 150 } }]);

    const stored = await call(path, { ...headers, cookie: signedInCookie }, sheet);
    expect(stored.status).toBe(200);
    const ref = stored.json.result as { uploadId: string; fileName: string; size: number };
    expect(ref).toMatchObject({ fileName: '村名单.csv', size: Buffer.byteLength(sheet) });
    const imported = await call('/api/villages/import', { [TOKEN_HEADER]: server.token, cookie: signedInCookie }, JSON.stringify({ fileName: ref.fileName, uploadId: ref.uploadId }));
    expect(imported.json).toEqual({ ok: true, result: { added: 1, renamed: 0, issues: [] } });
  });

  it('serves the renderer with a Content-Security-Policy', async () => {
    const r = await call('/', {}, '', 'GET');
    expect(r.status).toBe(200);
    expect(r.text).toContain('台账');
  });
});

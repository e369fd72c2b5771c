/**
 * Browser mode: the built renderer and the API over HTTP on 127.0.0.1 only. Every API call
 * needs the per-launch token; the Host must be loopback (no DNS rebinding) and a cross-origin
 * Origin is refused. The API is the same dispatch the Electron IPC adapter uses; files go first
 * to `POST /upload` (the same dispatchUpload IPC's upload channel calls).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { TOKEN_HEADER } from '../../shared/contract/bridge.js';
import type { ApiResponse } from '../../shared/contract/index.js';
import { dispatch } from '../api/dispatch.js';
import { dispatchUpload } from '../api/dispatch-upload.js';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/common.js';
import type { ServiceContext } from '../services/context.js';
import { logger } from '../log.js';
import { SessionStore } from '../services/auth/session.js';

const SESSION_COOKIE = 'tz_session';

function sessionCookie(req: IncomingMessage): string | null {
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([\\w-]+)`).exec(req.headers.cookie ?? '');
  return match?.[1] ?? null;
}

/** HttpOnly: scripts cannot read it; SameSite=Strict: other sites cannot send it. */
function setCookieHeader(id: string | null): string {
  return id === null
    ? `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`
    : `${SESSION_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict`;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: ApiResponse<unknown>, cookie?: string): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(cookie ? { 'set-cookie': cookie } : {}) });
  res.end(text);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const refuse = (code: string) => ({ ok: false as const, error: { kind: 'unauthorized', code: 'unauthorized', params: { detail: code } } });

/** POST from our own page with the launch token; otherwise answered here and false. */
function callerAllowed(req: IncomingMessage, res: ServerResponse, token: string): boolean {
  // The Host was already checked to be this server on loopback, so this is our own origin.
  const origin = `http://${req.headers.host ?? ''}`;
  if (req.method !== 'POST') send(res, 405, { ok: false, error: { kind: 'bad_request', code: 'bad_request', params: { detail: 'POST only' } } });
  else if (req.headers.origin && req.headers.origin !== origin) send(res, 403, refuse('origin'));
  else if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) send(res, 401, refuse('token'));
  else return true;
  return false;
}

const statusOf = (response: ApiResponse<unknown>) =>
  response.ok ? 200 : ({ internal: 500, unauthorized: 401, forbidden: 403 } as Record<string, number>)[response.error.kind] ?? 400;

/** `POST /upload?name=…`: the body is the file, streamed to disk; the answer is its UploadRef. */
async function handleUpload(req: IncomingMessage, res: ServerResponse, ctx: ServiceContext, token: string, sessions: SessionStore): Promise<void> {
  if (!callerAllowed(req, res, token)) return;
  const fileName = new URL(req.url ?? '/', `http://${req.headers.host ?? ''}`).searchParams.get('name') ?? '';
  // Refused before a byte is read when the size is declared (browsers declare it for a File body).
  if (Number(req.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) {
    return send(res, 413, { ok: false, error: { kind: 'bad_request', code: 'file.tooLarge', params: { fileName, maxMB: MAX_UPLOAD_BYTES / 1024 / 1024 } } });
  }
  let cookie: string | undefined;
  const session = sessions.session(sessionCookie(req), (id) => (cookie = setCookieHeader(id)));
  const response = await dispatchUpload(ctx, fileName, req, session);
  send(res, statusOf(response), response, cookie);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ServiceContext, token: string, sessions: SessionStore): Promise<void> {
  if (!callerAllowed(req, res, token)) return;
  const origin = `http://${req.headers.host ?? ''}`;
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body ? JSON.parse(body) : {};
  } catch {
    return send(res, 400, { ok: false, error: { kind: 'bad_request', code: 'bad_request', params: { detail: 'JSON' } } });
  }
  const method = decodeURIComponent(new URL(req.url ?? '/', origin).pathname.slice('/api/'.length));
  let cookie: string | undefined;
  const session = sessions.session(sessionCookie(req), (id) => (cookie = setCookieHeader(id)));
  const response = await dispatch(ctx, method, input, session);
  send(res, statusOf(response), response, cookie);
}

export async function startBrowserServer(options: { ctx: ServiceContext; staticDir: string; port?: number }): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  const sessions = new SessionStore();
  const assets = sirv(options.staticDir, { single: true, dev: false, etag: true });
  let allowedHosts = new Set<string>();
  const server = createServer((req, res) => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421, { 'content-type': 'text/plain' });
      res.end('Misdirected request');
      return;
    }
    res.setHeader('content-security-policy', CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const upload = req.url === '/upload' || req.url?.startsWith('/upload?');
    if (upload || req.url?.startsWith('/api/')) {
      (upload ? handleUpload : handleApi)(req, res, options.ctx, token, sessions).catch((err: unknown) => {
        logger.error('browser-mode request failed', err);
        if (!res.headersSent) send(res, 500, { ok: false, error: { kind: 'internal', code: 'internal' } });
      });
      return;
    }
    assets(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * The workstation's identity (id, township or county mode) and keys, the county key a township
 * registered, and the township keys a county registered. Keys are made on first use. Every
 * change is audited with fingerprints only: private keys never reach the audit trail or logs.
 */
import { randomUUID } from 'node:crypto';
import type { Connection, Tx } from '../db/driver.js';
import { AppError } from '../../shared/domain/app-error.js';
import { writeAudit } from '../services/audit.js';
import { nowIso, type ServiceContext } from '../services/context.js';
import { generateKeyPair, type KeyAlgorithm } from './crypto.js';
import { FORMAT_VERSION, KEY_FORMAT, type KeyFile } from './manifest.js';
import { decline } from './refusal.js';

export type Mode = 'township' | 'county';

export interface Identity {
  workstationId: string;
  mode: Mode;
  countyCode: string | null;
  countyName: string | null;
  createdAt: string;
}

export interface StoredKey {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

export interface CountyKey {
  countyCode: string;
  countyName: string;
  signingPublicKey: string;
  signingFingerprint: string;
  encryptionPublicKey: string | null;
  encryptionFingerprint: string | null;
}

export interface RegisteredTownship {
  townshipCode: string;
  workstationId: string;
  townshipName: string;
  publicKey: string;
  fingerprint: string;
  source: 'file' | 'confirmed';
  registeredAt: string;
}

const IDENTITY_SQL = `SELECT workstation_id AS workstationId, mode, county_code AS countyCode, county_name AS countyName,
  created_at AS createdAt FROM workstation_identity WHERE id = 1`;

export async function readIdentity(conn: Connection): Promise<Identity | null> {
  return (await conn.get<Identity>(IDENTITY_SQL)) ?? null;
}

export async function readKey(conn: Connection, purpose: 'signing' | 'encryption'): Promise<StoredKey | null> {
  const row = await conn.get<StoredKey>(
    'SELECT public_key AS publicKey, private_key AS privateKey, fingerprint FROM workstation_key WHERE purpose = ?', [purpose],
  );
  return row ?? null;
}

async function makeKey(tx: Tx, ctx: ServiceContext, purpose: 'signing' | 'encryption', algorithm: KeyAlgorithm): Promise<void> {
  const pair = generateKeyPair(algorithm);
  await tx.run(
    'INSERT INTO workstation_key (purpose, algorithm, public_key, private_key, fingerprint, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    [purpose, algorithm, pair.publicKey, pair.privateKey, pair.fingerprint, nowIso(ctx)],
  );
  await writeAudit(tx, ctx, { action: 'setting', table: 'workstation_key', recordId: purpose, before: null, after: { algorithm, fingerprint: pair.fingerprint } });
}

/** The identity and signing key, made on first use (inside `tx`). */
export async function ensureIdentityIn(tx: Tx, ctx: ServiceContext): Promise<Identity> {
  const existing = await readIdentity(tx);
  if (existing && (await readKey(tx, 'signing'))) return existing;
  if (!existing) {
    const at = nowIso(ctx);
    await tx.run('INSERT INTO workstation_identity (id, workstation_id, mode, created_at, updated_at) VALUES (1, ?, ?, ?, ?)', [randomUUID(), 'township', at, at]);
  }
  if (!(await readKey(tx, 'signing'))) await makeKey(tx, ctx, 'signing', 'ed25519');
  return (await readIdentity(tx))!;
}

export async function ensureIdentity(ctx: ServiceContext): Promise<Identity> {
  const existing = await readIdentity(ctx.db.reader);
  if (existing && (await readKey(ctx.db.reader, 'signing'))) return existing;
  return ctx.db.transaction((tx) => ensureIdentityIn(tx, ctx));
}

export async function requireSigningKey(conn: Connection): Promise<StoredKey> {
  const key = await readKey(conn, 'signing');
  if (!key) throw new AppError('internal', 'internal');
  return key;
}

/** Sets this workstation up as the county office, with its X25519 key for encrypted packages. */
export async function setupCounty(ctx: ServiceContext, countyCode: string, countyName: string): Promise<Identity> {
  await ensureIdentity(ctx);
  return ctx.db.transaction(async (tx) => {
    const exported = await tx.get<{ n: number }>('SELECT count(*) AS n FROM exported_package');
    if (exported && exported.n > 0) throw decline('modeLocked');
    const before = await readIdentity(tx);
    await tx.run('UPDATE workstation_identity SET mode = ?, county_code = ?, county_name = ?, updated_at = ? WHERE id = 1', [
      'county', countyCode, countyName, nowIso(ctx),
    ]);
    await writeAudit(tx, ctx, {
      action: 'setting', table: 'workstation_identity', recordId: 'mode',
      before: before ? { mode: before.mode, countyCode: before.countyCode, countyName: before.countyName } : null,
      after: { mode: 'county', countyCode, countyName },
    });
    if (!(await readKey(tx, 'encryption'))) await makeKey(tx, ctx, 'encryption', 'x25519');
    return (await readIdentity(tx))!;
  });
}

export async function requireMode(ctx: ServiceContext, mode: Mode): Promise<Identity> {
  const identity = await ensureIdentity(ctx);
  if (identity.mode !== mode) throw decline(mode === 'county' ? 'notCounty' : 'notTownship');
  return identity;
}

export async function readCountyKey(conn: Connection): Promise<CountyKey | null> {
  const row = await conn.get<CountyKey>(
    `SELECT county_code AS countyCode, county_name AS countyName, signing_public_key AS signingPublicKey,
            signing_fingerprint AS signingFingerprint, encryption_public_key AS encryptionPublicKey,
            encryption_fingerprint AS encryptionFingerprint FROM county_key WHERE id = 1`,
  );
  return row ?? null;
}

/** Township side: the county this workstation reports to (replacing any earlier one). */
export async function registerCountyKeyIn(tx: Tx, ctx: ServiceContext, key: CountyKey): Promise<void> {
  const before = await readCountyKey(tx);
  await tx.run(
    `INSERT INTO county_key (id, county_code, county_name, signing_public_key, signing_fingerprint, encryption_public_key,
       encryption_fingerprint, registered_at, registered_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET county_code = excluded.county_code, county_name = excluded.county_name,
       signing_public_key = excluded.signing_public_key, signing_fingerprint = excluded.signing_fingerprint,
       encryption_public_key = excluded.encryption_public_key, encryption_fingerprint = excluded.encryption_fingerprint,
       registered_at = excluded.registered_at, registered_by = excluded.registered_by`,
    [key.countyCode, key.countyName, key.signingPublicKey, key.signingFingerprint, key.encryptionPublicKey, key.encryptionFingerprint, nowIso(ctx), ctx.actor],
  );
  const summary = (k: CountyKey | null) => k && { countyCode: k.countyCode, signingFingerprint: k.signingFingerprint, encryptionFingerprint: k.encryptionFingerprint };
  await writeAudit(tx, ctx, { action: 'setting', table: 'county_key', recordId: key.countyCode, before: summary(before), after: summary(key) });
}

const TOWNSHIP_SQL = `SELECT township_code AS townshipCode, workstation_id AS workstationId, township_name AS townshipName,
  public_key AS publicKey, fingerprint, source, registered_at AS registeredAt FROM registered_township`;

export async function liveTownshipKey(conn: Connection, townshipCode: string): Promise<RegisteredTownship | null> {
  return (await conn.get<RegisteredTownship>(`${TOWNSHIP_SQL} WHERE township_code = ? AND retired_at IS NULL`, [townshipCode])) ?? null;
}

export async function listTownshipKeys(conn: Connection): Promise<RegisteredTownship[]> {
  return conn.all<RegisteredTownship>(`${TOWNSHIP_SQL} WHERE retired_at IS NULL ORDER BY township_code`);
}

/** County side: the township's key from now on; an earlier key of the township is retired. */
export async function registerTownshipIn(tx: Tx, ctx: ServiceContext, t: Omit<RegisteredTownship, 'registeredAt'>): Promise<void> {
  const live = await liveTownshipKey(tx, t.townshipCode);
  if (live && live.workstationId === t.workstationId && live.fingerprint === t.fingerprint) return;
  const at = nowIso(ctx);
  await tx.run('UPDATE registered_township SET retired_at = ? WHERE township_code = ? AND retired_at IS NULL', [at, t.townshipCode]);
  await tx.run(
    `INSERT INTO registered_township (township_code, workstation_id, township_name, public_key, fingerprint, source, registered_at, registered_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(township_code, workstation_id) DO UPDATE SET township_name = excluded.township_name, public_key = excluded.public_key,
       fingerprint = excluded.fingerprint, source = excluded.source, registered_at = excluded.registered_at,
       registered_by = excluded.registered_by, retired_at = NULL`,
    [t.townshipCode, t.workstationId, t.townshipName, t.publicKey, t.fingerprint, t.source, at, ctx.actor],
  );
  await writeAudit(tx, ctx, {
    action: 'setting', table: 'registered_township', recordId: t.townshipCode,
    before: live ? { workstationId: live.workstationId, fingerprint: live.fingerprint } : null,
    after: { workstationId: t.workstationId, fingerprint: t.fingerprint, source: t.source },
  });
}

/** This workstation's public key file, for the other side to register. */
export async function publicKeyFile(ctx: ServiceContext, township: { code: string; name: string } | null): Promise<KeyFile> {
  const identity = await ensureIdentity(ctx);
  const signing = await requireSigningKey(ctx.db.reader);
  const encryption = identity.mode === 'county' ? await readKey(ctx.db.reader, 'encryption') : null;
  const code = identity.mode === 'county' ? identity.countyCode : township?.code;
  const name = identity.mode === 'county' ? identity.countyName : township?.name;
  if (!code || !name) throw new AppError('bad_request', 'orgNotSet');
  return {
    format: KEY_FORMAT, formatVersion: FORMAT_VERSION, role: identity.mode, code, name,
    workstationId: identity.workstationId, signingPublicKey: signing.publicKey, signingFingerprint: signing.fingerprint,
    encryptionPublicKey: encryption?.publicKey ?? null, encryptionFingerprint: encryption?.fingerprint ?? null,
    createdAt: nowIso(ctx),
  };
}

/**
 * Public key files (.tzkey) between township and county, and what `keys/get` shows. A county
 * registers a township's file; a township registers the county's. Fingerprints are shown
 * grouped so clerks can read them to each other before trusting a file.
 */
import { AppError } from '../../shared/domain/app-error.js';
import { countyOf } from '../../shared/domain/area-code.js';
import type { ServiceContext } from '../services/context.js';
import { getSettings } from '../services/settings-service.js';
import { fingerprintOf, groupFingerprint, publicKeyObject } from './crypto.js';
import {
  ensureIdentity, publicKeyFile, readCountyKey, readKey, registerCountyKeyIn, registerTownshipIn, type Mode,
} from './identity.js';
import { keyFileSchema, type KeyFile } from './manifest.js';
import { decline } from './refusal.js';

export interface KeyView {
  fingerprint: string;
  grouped: string;
}

export interface KeysInfo {
  mode: Mode;
  workstationId: string;
  signing: KeyView;
  encryption: KeyView | null;
  /** Township: the county it reports to. County: itself. */
  county: { code: string; name: string; signing: KeyView; encryption: KeyView | null } | null;
}

const view = (fingerprint: string | null | undefined): KeyView | null => (fingerprint ? { fingerprint, grouped: groupFingerprint(fingerprint) } : null);

export async function keysInfo(ctx: ServiceContext): Promise<KeysInfo> {
  const identity = await ensureIdentity(ctx);
  const signing = await readKey(ctx.db.reader, 'signing');
  const encryption = await readKey(ctx.db.reader, 'encryption');
  let county: KeysInfo['county'] = null;
  if (identity.mode === 'county' && identity.countyCode) {
    county = { code: identity.countyCode, name: identity.countyName ?? '', signing: view(signing?.fingerprint)!, encryption: view(encryption?.fingerprint) };
  } else {
    const key = await readCountyKey(ctx.db.reader);
    if (key) county = { code: key.countyCode, name: key.countyName, signing: view(key.signingFingerprint)!, encryption: view(key.encryptionFingerprint) };
  }
  return {
    mode: identity.mode, workstationId: identity.workstationId, signing: view(signing?.fingerprint)!,
    encryption: identity.mode === 'county' ? view(encryption?.fingerprint) : null, county,
  };
}

export async function exportKeyFile(ctx: ServiceContext): Promise<{ fileName: string; content: Buffer; key: KeyFile }> {
  const settings = await getSettings(ctx);
  const key = await publicKeyFile(ctx, settings.orgCode && settings.orgName ? { code: settings.orgCode, name: settings.orgName } : null);
  return { fileName: `${key.code}-${key.role}.tzkey`, content: Buffer.from(`${JSON.stringify(key, null, 2)}\n`, 'utf8'), key };
}

/** Parses a key file and checks that each fingerprint belongs to its key. */
export function parseKeyFile(content: Buffer, fileName: string): KeyFile {
  let key: KeyFile;
  try {
    key = keyFileSchema.parse(JSON.parse(content.toString('utf8')));
    publicKeyObject(key.signingPublicKey, 'ed25519');
    if (key.encryptionPublicKey) publicKeyObject(key.encryptionPublicKey, 'x25519');
  } catch {
    throw decline('badKeyFile', { fileName });
  }
  const matches = fingerprintOf(key.signingPublicKey) === key.signingFingerprint.toUpperCase()
    && (!key.encryptionPublicKey || fingerprintOf(key.encryptionPublicKey) === key.encryptionFingerprint?.toUpperCase());
  const shaped = key.role === 'township' ? /^\d{9}$/.test(key.code) : /^\d{6}$/.test(key.code) && key.encryptionPublicKey !== null;
  if (!matches || !shaped) throw decline('badKeyFile', { fileName });
  return key;
}

export interface RegisteredKey {
  role: 'township' | 'county';
  code: string;
  name: string;
  fingerprint: string;
  grouped: string;
}

/** County: registers a township's key. Township: registers the county's keys. */
export async function importKeyFile(ctx: ServiceContext, content: Buffer, fileName: string): Promise<RegisteredKey> {
  const identity = await ensureIdentity(ctx);
  const key = parseKeyFile(content, fileName);
  if (identity.mode === 'county') {
    if (key.role !== 'township') throw decline('wrongKeyRole', { fileName, role: key.role });
    if (countyOf(key.code) !== identity.countyCode) throw decline('otherCounty', { township: key.code, county: identity.countyCode ?? '-' });
    await ctx.db.transaction((tx) => registerTownshipIn(tx, ctx, {
      townshipCode: key.code, workstationId: key.workstationId, townshipName: key.name, publicKey: key.signingPublicKey,
      fingerprint: key.signingFingerprint.toUpperCase(), source: 'file',
    }));
  } else {
    if (key.role !== 'county') throw decline('wrongKeyRole', { fileName, role: key.role });
    const { orgCode } = await getSettings(ctx);
    if (!orgCode) throw new AppError('bad_request', 'orgNotSet');
    if (countyOf(orgCode) !== key.code) throw decline('otherCounty', { township: orgCode, county: key.code });
    await ctx.db.transaction((tx) => registerCountyKeyIn(tx, ctx, {
      countyCode: key.code, countyName: key.name, signingPublicKey: key.signingPublicKey, signingFingerprint: key.signingFingerprint.toUpperCase(),
      encryptionPublicKey: key.encryptionPublicKey, encryptionFingerprint: key.encryptionFingerprint?.toUpperCase() ?? null,
    }));
  }
  const fingerprint = key.signingFingerprint.toUpperCase();
  return { role: key.role, code: key.code, name: key.name, fingerprint, grouped: groupFingerprint(fingerprint) };
}

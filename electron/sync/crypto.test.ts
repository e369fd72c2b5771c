import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  PayloadOpener, PayloadSealer, fingerprintOf, generateKeyPair, groupFingerprint, normaliseFingerprint, signDetached, verifyDetached,
} from './crypto.js';

function seal(recipientPublic: string, packageId: string, file: string, plain: Buffer) {
  const sealer = new PayloadSealer(recipientPublic, packageId);
  const { cipher, iv } = sealer.cipherFor(file);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { body, iv, tag: cipher.getAuthTag(), ephemeral: sealer.ephemeralPublicKey };
}

function open(recipient: { publicKey: string; privateKey: string }, sealed: ReturnType<typeof seal>, packageId: string, file: string): Buffer {
  const decipher = new PayloadOpener(recipient, sealed.ephemeral, packageId).decipherFor(file, sealed.iv, sealed.tag);
  return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
}

describe('keys and signatures', () => {
  it('fingerprints are SHA-256 of the SPKI DER, shown in groups of four', () => {
    const pair = generateKeyPair('ed25519');
    expect(pair.fingerprint).toMatch(/^[0-9A-F]{64}$/);
    expect(fingerprintOf(pair.publicKey)).toBe(pair.fingerprint);
    expect(groupFingerprint('AB12CD34EF56')).toBe('AB12 CD34 EF56');
    expect(normaliseFingerprint(' ab12 cd34-ef56 ')).toBe('AB12CD34EF56');
  });

  it('a detached Ed25519 signature holds for its data and key only', () => {
    const a = generateKeyPair('ed25519');
    const b = generateKeyPair('ed25519');
    const data = Buffer.from('{"manifest":true}');
    const signature = signDetached(data, a.privateKey);
    expect(signature.length).toBe(64);
    expect(verifyDetached(data, signature, a.publicKey)).toBe(true);
    expect(verifyDetached(Buffer.from('{"manifest":false}'), signature, a.publicKey)).toBe(false);
    expect(verifyDetached(data, signature, b.publicKey)).toBe(false);
    expect(verifyDetached(data, Buffer.alloc(3), a.publicKey)).toBe(false);
  });
});

describe('payload encryption (X25519 + HKDF-SHA256 + AES-256-GCM)', () => {
  const county = generateKeyPair('x25519');
  const packageId = randomUUID();
  const plain = Buffer.from('{"id":"…","id_number":"371502196503120011"}\n'.repeat(50));

  it('the county opens what was sealed to its key', () => {
    const sealed = seal(county.publicKey, packageId, 'data/person.ndjson.gz.enc', plain);
    expect(sealed.body.includes(Buffer.from('371502196503120011'))).toBe(false);
    expect(open(county, sealed, packageId, 'data/person.ndjson.gz.enc').equals(plain)).toBe(true);
  });

  it('another key, another file name or another package does not authenticate', () => {
    const sealed = seal(county.publicKey, packageId, 'data/person.ndjson.gz.enc', plain);
    const other = generateKeyPair('x25519');
    expect(() => open(other, sealed, packageId, 'data/person.ndjson.gz.enc')).toThrow(/authenticate/);
    expect(() => open(county, sealed, packageId, 'data/household.ndjson.gz.enc')).toThrow(/authenticate/);
    expect(() => open(county, sealed, randomUUID(), 'data/person.ndjson.gz.enc')).toThrow(/authenticate/);
    const flipped = { ...sealed, body: Buffer.from(sealed.body) };
    flipped.body[5] = flipped.body[5]! ^ 1;
    expect(() => open(county, flipped, packageId, 'data/person.ndjson.gz.enc')).toThrow(/authenticate/);
  });
});

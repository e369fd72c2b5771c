/**
 * Every cryptographic operation of packages and receipts, all from node:crypto (no home-made
 * primitives): Ed25519 signatures, X25519 + HKDF-SHA256 key agreement, AES-256-GCM.
 * Keys travel as base64 DER (SPKI public, PKCS#8 private).
 */
import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman,
  generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type Cipher, type Decipher, type KeyObject,
} from 'node:crypto';

export type KeyAlgorithm = 'ed25519' | 'x25519';

export interface KeyPairText {
  publicKey: string;
  privateKey: string;
  fingerprint: string;
}

export const ENCRYPTION_SCHEME = 'X25519-HKDF-SHA256-AES-256-GCM';

export function generateKeyPair(algorithm: KeyAlgorithm): KeyPairText {
  // Two literal calls: the overloads of generateKeyPairSync are per algorithm name.
  const pair = algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return {
    publicKey,
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    fingerprint: fingerprintOf(publicKey),
  };
}

/** SHA-256 of the public key's SPKI DER, upper-case hex (64 characters). */
export function fingerprintOf(publicKeyBase64: string): string {
  return createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').toUpperCase();
}

/** `AB12 CD34 …`: how a clerk reads a fingerprint aloud and compares it. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.toUpperCase().replace(/(.{4})(?=.)/g, '$1 ');
}

/** A fingerprint as typed by a clerk (spaces, lower case) in the stored form. */
export function normaliseFingerprint(typed: string): string {
  return typed.replace(/[\s:-]/g, '').toUpperCase();
}

export function publicKeyObject(base64: string, algorithm: KeyAlgorithm): KeyObject {
  const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== algorithm) throw new Error(`expected an ${algorithm} public key`);
  return key;
}

function privateKeyObject(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });
}

export function signDetached(data: Buffer, privateKeyBase64: string): Buffer {
  return sign(null, data, privateKeyObject(privateKeyBase64));
}

/** False for any malformed key or signature as well as a wrong one. */
export function verifyDetached(data: Buffer, signature: Buffer, publicKeyBase64: string): boolean {
  try {
    return verify(null, data, publicKeyObject(publicKeyBase64, 'ed25519'), signature);
  } catch {
    return false;
  }
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What both sides derive per file: the info string is also the GCM additional data. */
function fileInfo(packageId: string, file: string): Buffer {
  return Buffer.from(`taizhang-package/1|${packageId}|${file}`, 'utf8');
}

function fileKey(shared: Buffer, ephemeralPublic: string, recipientPublic: string, info: Buffer): Buffer {
  const salt = Buffer.concat([Buffer.from(ephemeralPublic, 'base64'), Buffer.from(recipientPublic, 'base64')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, info, 32));
}

/** The sender's side: one ephemeral X25519 key per package, agreed with the county's key. */
export class PayloadSealer {
  readonly ephemeralPublicKey: string;
  private readonly shared: Buffer;

  constructor(private readonly recipientPublicKey: string, private readonly packageId: string) {
    const ephemeral = generateKeyPairSync('x25519');
    this.ephemeralPublicKey = ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    this.shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipientPublicKey, 'x25519') });
  }

  /** A fresh cipher for one file; read `getAuthTag()` after `final()`. */
  cipherFor(file: string): { cipher: Cipher & { getAuthTag(): Buffer }; iv: Buffer } {
    const info = fileInfo(this.packageId, file);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', fileKey(this.shared, this.ephemeralPublicKey, this.recipientPublicKey, info), iv);
    cipher.setAAD(info);
    return { cipher, iv };
  }
}

/** The county's side, with its X25519 private key. */
export class PayloadOpener {
  private readonly shared: Buffer;

  constructor(
    private readonly recipient: { publicKey: string; privateKey: string },
    private readonly ephemeralPublicKey: string,
    private readonly packageId: string,
  ) {
    this.shared = diffieHellman({
      privateKey: privateKeyObject(recipient.privateKey),
      publicKey: publicKeyObject(ephemeralPublicKey, 'x25519'),
    });
  }

  /** The tag is checked by `final()`: plaintext before it is unauthenticated. */
  decipherFor(file: string, iv: Buffer, tag: Buffer): Decipher {
    const info = fileInfo(this.packageId, file);
    const decipher = createDecipheriv('aes-256-gcm', fileKey(this.shared, this.ephemeralPublicKey, this.recipient.publicKey, info), iv);
    decipher.setAAD(info);
    decipher.setAuthTag(tag);
    return decipher;
  }
}

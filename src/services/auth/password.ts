import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { domainError, err, ok, type DomainError, type Result } from '../../core/kernel/index.ts';

/**
 * Passwords are hashed with scrypt (node:crypto) and stored as
 * `scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>`, so the cost can rise later without breaking old hashes.
 */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, options, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The password policy: at least 8 characters, with letters and digits. */
export function checkPasswordPolicy(password: string): Result<true, DomainError> {
  const problems: { zh: string; en: string }[] = [];
  if (password.length < 8) problems.push({ zh: '长度至少8位', en: 'at least 8 characters' });
  if (!/\p{L}/u.test(password)) problems.push({ zh: '须包含字母', en: 'must contain a letter' });
  if (!/\p{Nd}/u.test(password)) problems.push({ zh: '须包含数字', en: 'must contain a digit' });
  if (problems.length === 0) return ok(true);
  return err(
    domainError(
      'PASSWORD_POLICY',
      { problems: problems.map((p) => p.en) },
      { zh: problems.map((p) => p.zh).join('，'), en: problems.map((p) => p.en).join(', ') },
    ),
  );
}

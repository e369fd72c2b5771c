/**
 * Ratios in basis points (1 bp = 0.01 %, 10000 bp = 100 %) applied to integer fen.
 *
 * Rounding rule, used by every layer: exact integer arithmetic, then ROUND HALF UP to the fen
 * (四舍五入到分), once per layer per claim. Layers are never summed before rounding, so the
 * amounts shown always add up to the fen.
 */
import type { Fen } from '../money.js';

export const FULL_BP = 10_000;

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative integer, got ${value}`);
}

/**
 * ⌊a / b⌋ for non-negative integers, exact while `a` is a safe integer (the remainder and the
 * subtraction are exact, and a multiple of b divides exactly); null beyond, where BigInt takes
 * over. Any real amount stays far below 2^53 (a ratio of 10,000 bp times 9 × 10^11 fen), and
 * BigInt costs an allocation per step: a 400,000-row import computes millions of these.
 */
function quotient(a: number, b: number): number | null {
  if (!Number.isSafeInteger(a)) return null;
  return (a - (a % b)) / b;
}

/** `fen × bp / 10000`, rounded half up: applyBp(1005, 5000) = 503 (502.5 → 503). */
export function applyBp(fen: Fen, bp: number): Fen {
  assertFen(fen, 'amount (fen)');
  assertFen(bp, 'ratio (bp)');
  return quotient(fen * bp + 5_000, 10_000) ?? Number((BigInt(fen) * BigInt(bp) + 5_000n) / 10_000n);
}

/** `part / whole` in basis points, rounded half up; 0 when `whole` is 0. */
export function shareBp(part: Fen, whole: Fen): number {
  assertFen(part, 'part (fen)');
  assertFen(whole, 'whole (fen)');
  if (whole === 0) return 0;
  return quotient(part * 20_000 + whole, whole * 2) ?? Number((BigInt(part) * 20_000n + BigInt(whole)) / (BigInt(whole) * 2n));
}

/** True when `part / whole > bp / 10000`, compared exactly (no rounding). */
export function exceedsBp(part: Fen, whole: Fen, bp: number): boolean {
  return BigInt(part) * 10_000n > BigInt(whole) * BigInt(bp);
}

/** 1234 bp → "12.34", 1000 → "10", 1250 → "12.5": a percentage without the sign. */
export function bpToPercentText(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = String(Math.abs(bp % 100)).padStart(2, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

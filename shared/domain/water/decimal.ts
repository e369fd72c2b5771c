/**
 * Measured values travel as decimal text ("0.05", "7.2", or 未检出) so the lab's figures are kept
 * exactly as written; comparisons and differences are done on scaled integers, never floats.
 */

/** What a lab writes for "not detected". */
export const NOT_DETECTED = 'ND';
const NOT_DETECTED_WORDS = new Set(['nd', '未检出', '未检测出', '<检出限', '无']);

const DECIMAL = /^-?\d+(\.\d+)?$/;

export type MeasuredValue = { kind: 'number'; text: string } | { kind: 'notDetected' };

/** Normalises a typed value: 未检出/ND → ND, "１.２０" → "1.20"; null when it is not a value. */
export function parseMeasured(raw: string): MeasuredValue | null {
  const text = raw.normalize('NFKC').trim();
  if (NOT_DETECTED_WORDS.has(text.toLowerCase())) return { kind: 'notDetected' };
  if (!DECIMAL.test(text)) return null;
  return { kind: 'number', text: text.replace(/^(-?)0+(?=\d)/, '$1') };
}

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

function scaleOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function scaled(text: string, scale: number): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const digits = BigInt(whole + fraction.padEnd(scale, '0'));
  return negative ? -digits : digits;
}

/** Sign of a − b. */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const diff = scaled(a, scale) - scaled(b, scale);
  return diff === 0n ? 0 : diff > 0n ? 1 : -1;
}

/** a − b, written with as many decimals as the more precise operand. */
export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const diff = scaled(a, scale) - scaled(b, scale);
  const negative = diff < 0n;
  const digits = (negative ? -diff : diff).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return negative ? `-${text}` : text;
}

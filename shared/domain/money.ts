/**
 * Money is integer fen (分). Parsing accepts what clerks type or paste from spreadsheets:
 * "1,234.50", full-width "１２３４.５", "12.3元", "¥12"; it refuses more than two decimals and
 * negative amounts with a reason, never rounding silently.
 */
import { issue, type FieldIssue } from './issue.js';

export type Fen = number;

export type MoneyResult = { ok: true; fen: Fen } | { ok: false; issue: FieldIssue };

const MAX_FEN = Number.MAX_SAFE_INTEGER;

function toAscii(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFF0E|\u3002/g, '.')
    .replace(/\uFF0C/g, ',')
    .replace(/\uFF0D|\u2212/g, '-')
    .replace(/[\s\u3000]/g, '');
}

/** What a sheet or a form usually holds ("1234", "1234.5", "1234.50"): read without clean-up. */
const PLAIN_AMOUNT = /^(\d{1,13})(?:\.(\d{1,2}))?$/;

export function parseMoney(raw: string | number, field = 'amount'): MoneyResult {
  // Imports parse millions of amounts; the clean-up below allocates a string per step.
  const plain = PLAIN_AMOUNT.exec(typeof raw === 'number' ? String(raw) : raw);
  if (plain) return { ok: true, fen: Number(plain[1]) * 100 + Number((plain[2] ?? '').padEnd(2, '0')) };
  let text = typeof raw === 'number' ? String(raw) : toAscii(raw);
  if (text === '') return { ok: false, issue: issue(field, 'required') };
  text = text.replace(/^[¥￥]/, '').replace(/元$/, '');
  if (text.startsWith('-')) return { ok: false, issue: issue(field, 'money.negative') };
  // Thousands separators only in groups of three, so "1,23" is not taken for 123.
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$/.test(text)) return { ok: false, issue: issue(field, 'money.format') };
  const [whole, frac = ''] = text.replace(/,/g, '').split('.') as [string, string?];
  if (frac.length > 2) return { ok: false, issue: issue(field, 'money.tooManyDecimals') };
  const fen = Number(whole) * 100 + Number(frac.padEnd(2, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { ok: false, issue: issue(field, 'money.tooLarge') };
  return { ok: true, fen };
}

/** 123456 → "1234.56"; with grouping → "1,234.56". */
export function formatYuan(fen: Fen, options: { grouping?: boolean } = {}): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  const wholeText = options.grouping ? whole.toLocaleString('en-US') : String(whole);
  return `${negative ? '-' : ''}${wholeText}.${cents}`;
}

/** Sums of fen stay exact: the articles report totals such as 146.150308万元. */
export function formatWanYuan(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 1_000_000);
  const rest = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

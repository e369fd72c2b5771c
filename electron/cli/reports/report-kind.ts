/** What a report kind of `taizhang report` provides, and the option readers they share. */
import type { Values } from '../command.js';
import { UsageError } from '../output.js';
import type { CliSession } from '../session.js';

export interface ReportKind {
  kind: string;
  /** The options after `--kind K`, for the usage line. */
  usage: string;
  /** Names of the string options this kind reads (besides --db, --kind and --json). */
  options: readonly string[];
  run(session: CliSession, values: Values): Promise<{ json: unknown; lines: string[] }>;
}

/** An integer option, or null when absent. */
export function intOption(values: Values, name: string): number | null {
  const raw = values[name];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number`);
  return Number(raw);
}

export function stringOption(values: Values, name: string): string | null {
  const raw = values[name];
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

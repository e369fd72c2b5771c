import type { ParseArgsConfig } from 'node:util';
import { UsageError, type CommandResult } from './output.js';

export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  run(values: Values, positionals: string[]): Promise<CommandResult>;
}

export function requireString(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

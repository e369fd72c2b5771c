import type { z } from 'zod';

/** One API method: its zod input and output. Both transports validate with these. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

type Merge<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Merge<R> : unknown;

/** Joins the per-domain method maps, refusing a name declared twice. */
export function mergeContracts<T extends readonly Record<string, MethodSpec>[]>(...parts: T): Merge<T> {
  const merged: Record<string, MethodSpec> = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part)) {
      // Own properties only: `in` would also see Object.prototype's `toString`, `constructor`...
      if (Object.hasOwn(merged, name)) throw new Error(`API method declared twice: ${name}`);
      // defineProperty, so a method named `__proto__` is kept rather than replacing the prototype.
      Object.defineProperty(merged, name, { value: spec, enumerable: true, writable: true, configurable: true });
    }
  }
  return merged as Merge<T>;
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mergeContracts, method } from './define.js';
import { api, isMethodName } from './index.js';

const ping = method(z.object({}), z.object({ ok: z.literal(true) }));
const echo = method(z.object({ text: z.string() }), z.object({ text: z.string() }));

describe('method', () => {
  it('keeps the input and output schemas', () => {
    const m = method(z.string(), z.number());
    expect(m.input.parse('a')).toBe('a');
    expect(m.output.parse(1)).toBe(1);
  });
});

describe('mergeContracts', () => {
  it('joins the method maps', () => {
    const merged = mergeContracts({ 'a/ping': ping }, { 'b/echo': echo }, {});
    expect(Object.keys(merged).sort()).toEqual(['a/ping', 'b/echo']);
    expect(merged['a/ping']).toBe(ping);
    expect(merged['b/echo']).toBe(echo);
  });

  it('refuses a method name declared twice', () => {
    expect(() => mergeContracts({ 'a/ping': ping }, { 'b/echo': echo }, { 'a/ping': echo })).toThrow('API method declared twice: a/ping');
  });

  it('accepts names that happen to be Object.prototype properties', () => {
    const merged = mergeContracts({ toString: ping }, { constructor: echo, hasOwnProperty: ping });
    expect(Object.keys(merged).sort()).toEqual(['constructor', 'hasOwnProperty', 'toString']);
    expect(() => mergeContracts({ toString: ping }, { toString: echo })).toThrow('API method declared twice: toString');
  });

  it('keeps a method named __proto__ as a method', () => {
    const part: Record<string, typeof ping> = {};
    Object.defineProperty(part, '__proto__', { value: ping, enumerable: true });
    const merged = mergeContracts(part) as Record<string, unknown>;
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('builds the real API with no duplicates', () => {
    expect(isMethodName('households/save')).toBe(true);
    expect(isMethodName('settings/get')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('nope/nope')).toBe(false);
    for (const [name, spec] of Object.entries(api)) {
      // A namespace, then one or two segments (e.g. medical/policy/get).
      expect(name).toMatch(/^[a-z]+(\/[A-Za-z]+){1,2}$/);
      expect(spec.input).toBeDefined();
      expect(spec.output).toBeDefined();
    }
  });
});

/** A pass rate as a percentage with one decimal ("96.4"), or null when nothing was counted. */
export function passRatePercent(passed: number, total: number): string | null {
  if (total === 0) return null;
  // Integer arithmetic in tenths of a percent, rounded half up.
  const tenths = Math.floor((passed * 1000 * 2 + total) / (total * 2));
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Valid resident ID numbers for tests (GB 11643 check character). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function validId(birth: string, seq: number, area = '371502'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11]!;
}

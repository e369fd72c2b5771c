import { afterEach, describe, expect, it } from 'vitest';
import {
  ageOn,
  idCheckChar,
  maskIdNumber,
  maskTail,
  normaliseIdNumber,
  parseIdNumber,
  todayIso,
  upgradeLegacyIdNumber,
  type IdNumberResult,
} from './id-number.js';

const TODAY = '2024-06-15';

/** GB 11643-1999 check character, written out independently of the module under test. */
function referenceCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * weights[i]!;
  return '10X98765432'.charAt(sum % 11);
}

/** An 18-character ID with a correct check character. */
function makeId(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  expect(first17).toMatch(/^\d{17}$/);
  return first17 + referenceCheckChar(first17);
}

/** Same number with the check character changed to some other valid-looking character. */
function withWrongCheck(id: string): string {
  const right = id.charAt(17);
  const wrong = right === '1' ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

function expectOk(result: IdNumberResult) {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issue)}`);
  return result.value;
}

function expectIssue(result: IdNumberResult) {
  if (result.ok) throw new Error(`expected an issue, got ${JSON.stringify(result.value)}`);
  return result;
}

describe('idCheckChar', () => {
  it('gives the known check characters of published sample numbers', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });

  it('agrees with an independent implementation for many numbers', () => {
    // A simple deterministic generator covers every remainder 0..10, including X (remainder 2).
    const seen = new Set<string>();
    let seed = 12345;
    for (let n = 0; n < 500; n++) {
      let first17 = '';
      for (let i = 0; i < 17; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        first17 += String(seed % 10);
      }
      const c = idCheckChar(first17);
      expect(c).toBe(referenceCheckChar(first17));
      seen.add(c);
    }
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('normaliseIdNumber', () => {
  it('turns lower-case x into X', () => {
    expect(normaliseIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });

  it('turns full-width digits and full-width X/x into ASCII', () => {
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('trims and removes inner spaces, including the ideographic space', () => {
    expect(normaliseIdNumber('  110105 19491231\u3000002X\t')).toBe('11010519491231002X');
  });

  it('leaves an already clean number unchanged', () => {
    expect(normaliseIdNumber('371502198001010018')).toBe('371502198001010018');
  });
});

describe('parseIdNumber', () => {
  it('accepts a known valid ID and derives birth date, sex and area', () => {
    const facts = expectOk(parseIdNumber('11010519491231002X', 'idNumber', TODAY));
    expect(facts).toEqual({ idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female', areaCode: '110105' });
  });

  it('accepts generated IDs with computed check characters', () => {
    const cases = [
      { area: '371502', birth: '19800101', seq: '001', sex: 'male', birthDate: '1980-01-01' },
      { area: '371502', birth: '20000229', seq: '002', sex: 'female', birthDate: '2000-02-29' },
      { area: '440524', birth: '18800101', seq: '001', sex: 'male', birthDate: '1880-01-01' },
      { area: '110104', birth: '19710101', seq: '301', sex: 'male', birthDate: '1971-01-01' },
      { area: '371521', birth: '20240615', seq: '128', sex: 'female', birthDate: '2024-06-15' }, // born today
    ] as const;
    for (const c of cases) {
      const id = makeId(c.area, c.birth, c.seq);
      const facts = expectOk(parseIdNumber(id, 'idNumber', TODAY));
      expect(facts).toEqual({ idNumber: id, birthDate: c.birthDate, sex: c.sex, areaCode: c.area });
    }
  });

  it('accepts lower-case x and returns the normalised form', () => {
    const facts = expectOk(parseIdNumber('11010519491231002x', 'idNumber', TODAY));
    expect(facts.idNumber).toBe('11010519491231002X');
  });

  it('accepts full-width digits and surrounding spaces', () => {
    const facts = expectOk(parseIdNumber(' ３７１５０２１９８００１０１００１８ ', 'idNumber', TODAY));
    expect(facts.idNumber).toBe('371502198001010018');
  });

  it('derives sex from the 17th digit: odd is male, even is female', () => {
    for (let d = 0; d <= 9; d++) {
      const id = makeId('371502', '19900307', `00${d}`);
      const facts = expectOk(parseIdNumber(id, 'idNumber', TODAY));
      expect(facts.sex).toBe(d % 2 === 1 ? 'male' : 'female');
    }
  });

  it('reports a wrong check character with expected and actual', () => {
    const result = expectIssue(parseIdNumber('110105194912310021', 'members.2.idNumber', TODAY));
    expect(result.issue).toEqual({
      field: 'members.2.idNumber',
      code: 'idNumber.checksum',
      params: { expected: 'X', actual: '1' },
    });
    expect(result.upgrade).toBeUndefined();
  });

  it('reports a wrong check character for generated IDs', () => {
    const id = makeId('371502', '19800101', '001');
    const bad = withWrongCheck(id);
    const result = expectIssue(parseIdNumber(bad, 'idNumber', TODAY));
    expect(result.issue.code).toBe('idNumber.checksum');
    expect(result.issue.params).toEqual({ expected: id.charAt(17), actual: bad.charAt(17) });
  });

  it('reports a check character X where a digit is expected', () => {
    const id = makeId('371502', '19800101', '001'); // check char 8
    const result = expectIssue(parseIdNumber(`${id.slice(0, 17)}x`, 'idNumber', TODAY));
    expect(result.issue.params).toEqual({ expected: '8', actual: 'X' });
  });

  it('refuses dates that do not exist as birthDateInvalid', () => {
    const invalid = [
      ['19900230', '1990-02-30'], // Feb 30
      ['19901301', '1990-13-01'], // month 13
      ['19900001', '1990-00-01'], // month 0
      ['19900100', '1990-01-00'], // day 0
      ['19900431', '1990-04-31'], // April has 30 days
      ['19000229', '1900-02-29'], // 1900 is not a leap year
      ['20230229', '2023-02-29'],
    ] as const;
    for (const [birth, iso] of invalid) {
      const result = expectIssue(parseIdNumber(makeId('371502', birth, '001'), 'idNumber', TODAY));
      expect(result.issue).toEqual({ field: 'idNumber', code: 'idNumber.birthDateInvalid', params: { date: iso } });
    }
  });

  it('accepts Feb 29 of a leap year', () => {
    expectOk(parseIdNumber(makeId('371502', '20200229', '001'), 'idNumber', TODAY));
    expectOk(parseIdNumber(makeId('371502', '20000229', '001'), 'idNumber', TODAY));
  });

  it('refuses implausibly old birth years', () => {
    const result = expectIssue(parseIdNumber(makeId('371502', '18791231', '001'), 'idNumber', TODAY));
    expect(result.issue.code).toBe('idNumber.birthDateInvalid');
  });

  it('refuses a birth date after today, and accepts today', () => {
    const tomorrow = makeId('371502', '20240616', '001');
    const result = expectIssue(parseIdNumber(tomorrow, 'idNumber', TODAY));
    expect(result.issue).toEqual({ field: 'idNumber', code: 'idNumber.birthDateFuture', params: { date: '2024-06-16' } });
    // The same number is fine once that day has come.
    expectOk(parseIdNumber(tomorrow, 'idNumber', '2024-06-16'));
  });

  it('refuses a 15-digit legacy number but offers its 18-digit form', () => {
    const legacy = '371502800101001';
    const result = expectIssue(parseIdNumber(legacy, 'idNumber', TODAY));
    expect(result.upgrade).toBe('371502198001010018');
    expect(result.issue).toEqual({ field: 'idNumber', code: 'idNumber.legacy15', params: { upgrade: '371502198001010018' } });
    // The offered number is itself valid.
    expectOk(parseIdNumber(result.upgrade!, 'idNumber', TODAY));
  });

  it('refuses a 15-digit number with an impossible birth date without offering an upgrade', () => {
    const result = expectIssue(parseIdNumber('371502800230001', 'idNumber', TODAY));
    expect(result.issue.code).toBe('idNumber.birthDateInvalid');
    expect(result.issue.params).toEqual({ date: '1980-02-30' });
    expect(result.upgrade).toBeUndefined();
  });

  it('asks for the field when empty or blank', () => {
    expect(expectIssue(parseIdNumber('', 'idNumber', TODAY)).issue).toEqual({ field: 'idNumber', code: 'required' });
    expect(expectIssue(parseIdNumber('   ', 'x.idNumber', TODAY)).issue).toEqual({ field: 'x.idNumber', code: 'required' });
  });

  it('refuses the wrong length with the length it has', () => {
    for (const raw of ['1234', '3715021980010100', '37150219800101001', '3715021980010100188']) {
      const result = expectIssue(parseIdNumber(raw, 'idNumber', TODAY));
      expect(result.issue).toEqual({ field: 'idNumber', code: 'idNumber.format', params: { length: raw.length } });
    }
  });

  it('names the first bad character of an 18-character number instead of blaming the length', () => {
    // A letter O typed for a zero at position 12.
    const result = expectIssue(parseIdNumber('37150219800O010018', 'idNumber', TODAY));
    expect(result.issue).toEqual({ field: 'idNumber', code: 'idNumber.badChar', params: { position: 12, char: 'O' } });
    // X is allowed only as the last character.
    const early = expectIssue(parseIdNumber('3715021980X1010018', 'idNumber', TODAY));
    expect(early.issue.params).toEqual({ position: 11, char: 'X' });
    const last = expectIssue(parseIdNumber('37150219800101001Y', 'idNumber', TODAY));
    expect(last.issue.params).toEqual({ position: 18, char: 'Y' });
  });

  it('uses the given field name in every issue', () => {
    const field = 'members.4.idNumber';
    expect(expectIssue(parseIdNumber('12', field, TODAY)).issue.field).toBe(field);
    expect(expectIssue(parseIdNumber(makeId('371502', '19900230', '001'), field, TODAY)).issue.field).toBe(field);
    expect(expectIssue(parseIdNumber('371502800101001', field, TODAY)).issue.field).toBe(field);
  });
});

describe('upgradeLegacyIdNumber', () => {
  it('inserts 19 before the year and appends the computed check character', () => {
    expect(upgradeLegacyIdNumber('371502800101001')).toBe('371502198001010018');
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
  });

  it('always gives an 18-character number whose check character is correct', () => {
    const upgraded = upgradeLegacyIdNumber('440524550615123');
    expect(upgraded).toHaveLength(18);
    expect(upgraded.slice(0, 17)).toBe('44052419550615123');
    expect(upgraded.charAt(17)).toBe(referenceCheckChar(upgraded.slice(0, 17)));
  });
});

describe('ageOn', () => {
  it('counts whole years, before and after the birthday', () => {
    expect(ageOn('1980-06-15', '2024-06-14')).toBe(43);
    expect(ageOn('1980-06-15', '2024-06-15')).toBe(44);
    expect(ageOn('1980-06-15', '2024-06-16')).toBe(44);
    expect(ageOn('1980-12-31', '2024-01-01')).toBe(43);
    expect(ageOn('1980-01-01', '2024-12-31')).toBe(44);
  });

  it('is zero on the day of birth and in the first year', () => {
    expect(ageOn('2024-06-15', '2024-06-15')).toBe(0);
    expect(ageOn('2023-06-16', '2024-06-15')).toBe(0);
  });

  it('handles a Feb 29 birthday in a non-leap year (turns on Mar 1)', () => {
    expect(ageOn('2000-02-29', '2001-02-28')).toBe(0);
    expect(ageOn('2000-02-29', '2001-03-01')).toBe(1);
    expect(ageOn('2000-02-29', '2004-02-29')).toBe(4);
  });
});

describe('todayIso', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('formats a date as YYYY-MM-DD', () => {
    expect(todayIso(new Date(2024, 0, 5, 12, 0, 0))).toBe('2024-01-05');
    expect(todayIso(new Date(2024, 11, 31, 12, 0, 0))).toBe('2024-12-31');
  });

  it('uses the local calendar day, not the UTC one (Beijing early morning)', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 2024-01-01 07:30 in Beijing is still 2023-12-31 in UTC.
    const earlyNewYear = new Date('2024-01-01T07:30:00+08:00');
    expect(todayIso(earlyNewYear)).toBe('2024-01-01');
  });
});

describe('maskIdNumber', () => {
  it('keeps the area code and the last four visible', () => {
    expect(maskIdNumber('371502198001011234')).toBe('371502********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks a 15-digit number the same way', () => {
    expect(maskIdNumber('371502800101001')).toBe('371502*****1001');
  });

  it('masks short values completely and empty values as empty', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber(null)).toBe('');
    expect(maskIdNumber(undefined)).toBe('');
  });

  it('never reveals the birth date', () => {
    const masked = maskIdNumber('371502198001011234');
    expect(masked).not.toContain('19800101');
    expect(masked).toHaveLength(18);
  });
});

describe('maskTail', () => {
  it('keeps only the last four by default', () => {
    expect(maskTail('6228480402564890018')).toBe('***************0018');
    expect(maskTail('13800138000')).toBe('*******8000');
  });

  it('keeps as many as asked', () => {
    expect(maskTail('13800138000', 2)).toBe('*********00');
  });

  it('masks values no longer than what it keeps', () => {
    expect(maskTail('1234')).toBe('****');
    expect(maskTail('12')).toBe('**');
    expect(maskTail('')).toBe('');
    expect(maskTail(null)).toBe('');
    expect(maskTail(undefined)).toBe('');
  });
});

/** DOM ids for issue paths, so an issue can take the clerk to its field. */
export function householdFieldId(field: string): string {
  return `hh-${field}`;
}

export function memberFieldId(index: number, field: string): string {
  return `m-${index}-${field}`;
}

export function fieldIdForPath(path: string): string {
  const member = /^members\.(\d+)\.(\w+)/.exec(path);
  if (member) return memberFieldId(Number(member[1]), member[2]!);
  if (path === 'members' || /^members\.\d+$/.test(path)) return 'members-heading';
  return householdFieldId(path.split('.')[0]!);
}

export function focusPath(path: string): void {
  const el = document.getElementById(fieldIdForPath(path));
  if (!el) return;
  el.scrollIntoView({ block: 'nearest' });
  el.focus();
}

const HOUSEHOLD_ORDER = [
  'householdNo', 'villageCode', 'status', 'exitYear', 'cause', 'dibao', 'tekun', 'bankAccount', 'helperName', 'helperUnit',
  'helperPhone', 'address', 'note',
];
const MEMBER_ORDER = [
  'name', 'idNumber', 'relation', 'health', 'disabilityType', 'disabilityGrade', 'laborAbility', 'schoolStatus', 'insured',
  'phone', 'removalReason',
];

/** Issues listed in the order the clerk meets the fields on screen. */
export function formOrder(path: string): number {
  const member = /^members\.(\d+)(?:\.(\w+))?/.exec(path);
  if (member) return 1000 + Number(member[1]) * 100 + (member[2] ? MEMBER_ORDER.indexOf(member[2]) + 1 : 0);
  if (path === 'members') return 500;
  const index = HOUSEHOLD_ORDER.indexOf(path);
  return index === -1 ? 400 : index;
}

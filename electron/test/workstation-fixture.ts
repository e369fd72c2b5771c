/** A fresh workstation on a real SQLite file in a temp folder, built by the real migrations. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput, MethodName, MethodOutput, ApiErrorBody } from '../../shared/contract/index.js';
import { dispatch } from '../api/dispatch.js';
import { openWorkstation, type Workstation } from '../app/workstation.js';
import { idCheckChar } from '../../shared/domain/id-number.js';

export const TOWNSHIP = '371502100';
export const VILLAGE_A = '371502100201';
export const VILLAGE_B = '371502100202';

export interface Fixture {
  dir: string;
  file: string;
  workstation: Workstation;
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  fail<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiErrorBody>;
  reopen(): Promise<void>;
  cleanup(): Promise<void>;
}

export async function makeFixture(options: { setup?: boolean; now?: Date } = {}): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-test-'));
  const file = join(dir, 'taizhang.sqlite');
  const now = () => options.now ?? new Date('2021-06-15T08:00:00Z');
  const fixture: Fixture = {
    dir,
    file,
    workstation: await openWorkstation(file, { actor: 'tester', now }),
    async call(method, input) {
      const response = await dispatch(fixture.workstation.ctx, method, input);
      if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
      return response.result as MethodOutput<typeof method>;
    },
    async fail(method, input) {
      const response = await dispatch(fixture.workstation.ctx, method, input);
      if (response.ok) throw new Error(`${method} was expected to fail`);
      return response.error;
    },
    async reopen() {
      await fixture.workstation.close();
      fixture.workstation = await openWorkstation(file, { actor: 'tester', now });
    },
    async cleanup() {
      await fixture.workstation.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  if (options.setup !== false) {
    await fixture.call('settings/update', { orgCode: TOWNSHIP, orgName: '测试镇' });
    await fixture.call('villages/save', { code: VILLAGE_A, name: '张庄村' });
    await fixture.call('villages/save', { code: VILLAGE_B, name: '李楼村' });
  }
  return fixture;
}

/** A valid ID number born on `birth` (YYYYMMDD) with sequence `seq` (odd = male). */
export function validId(birth: string, seq: number, area = '371502'): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function member(name: string, idNumber: string, relation: string, extra: Record<string, unknown> = {}) {
  return { name, idNumber, relation, ...extra } as MethodInput<'households/save'>['members'][number];
}

export function household(householdNo: string, extra: Record<string, unknown> = {}) {
  return { householdNo, villageCode: VILLAGE_A, status: 'registered_poor', ...extra } as MethodInput<'households/save'>['household'];
}

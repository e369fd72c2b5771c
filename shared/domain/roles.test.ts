import { describe, expect, it } from 'vitest';
import { can, permissions, roles } from './roles.js';

describe('roles', () => {
  it('grant what the issue says: admin all; reviewer reviews and reveals; clerk writes; viewer reads', () => {
    const table = Object.fromEntries(roles.map((r) => [r, permissions.filter((p) => can(r, p))]));
    expect(table).toEqual({
      admin: ['public', 'read', 'write', 'review', 'reveal', 'admin'],
      reviewer: ['public', 'read', 'review', 'reveal'],
      clerk: ['public', 'read', 'write'],
      viewer: ['public', 'read'],
    });
  });

  it('give nobody logged out anything but public methods', () => {
    expect(permissions.filter((p) => can(null, p))).toEqual(['public']);
  });
});

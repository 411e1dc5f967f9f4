import { describe, expect, it } from 'vitest';
import { openAddress, sealAddress } from '@/lib/usage/seal-address';

describe('a spooled address', () => {
  it('is unreadable in the file and opens with the same secret only', () => {
    const sealed = sealAddress('203.0.113.7', 'secret-a');
    expect(sealed).not.toContain('203.0.113');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('203.0.113');
    expect(openAddress(sealed, 'secret-a')).toBe('203.0.113.7');
    expect(openAddress(sealed, 'secret-b')).toBeNull();
    expect(openAddress('garbage', 'secret-a')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { clientBucket, UNKNOWN_CLIENT } from '../../worker/auth/client-bucket.ts';

describe('clientBucket (whom a failed sign-in is counted against)', () => {
  it('keys an IPv4 client by its address, also when written as IPv4-mapped IPv6', () => {
    expect(clientBucket('198.51.100.7')).toBe('ip4:198.51.100.7');
    expect(clientBucket('::ffff:198.51.100.7')).toBe('ip4:198.51.100.7');
    expect(clientBucket(' 198.51.100.7 ')).toBe('ip4:198.51.100.7');
  });

  it('keys an IPv6 client by its /64, however the address is written', () => {
    const bucket = 'ip6:2001:db8:0:2::/64';
    expect(clientBucket('2001:db8:0:2::1')).toBe(bucket);
    expect(clientBucket('2001:0db8:0000:0002:ffff:ffff:ffff:ffff')).toBe(bucket);
    expect(clientBucket('2001:DB8::2:0:0:0:9')).toBe(bucket);
    expect(clientBucket('2001:db8:0:3::1')).not.toBe(bucket);
  });

  it('puts a missing, malformed or oversized header into the one shared bucket', () => {
    for (const header of [
      undefined,
      '',
      'localhost',
      '1.2.3',
      '999.1.1.1',
      'a:b:c',
      '1:2:3:4:5:6:7:8:9',
      '1'.repeat(100),
      '198.51.100.7, 10.0.0.1',
    ])
      expect(clientBucket(header), String(header)).toBe(UNKNOWN_CLIENT);
  });
});

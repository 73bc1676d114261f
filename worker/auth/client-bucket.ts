import {
  convertIPv4BinaryToString,
  convertIPv4MappedIPv6ToIPv4,
  convertIPv6ToBinary,
  distinctRemoteAddr,
  isIPv4MappedIPv6,
} from 'hono/utils/ipaddr';

/** The one bucket of every request whose client address the platform did not tell us (locally, in tests). */
export const UNKNOWN_CLIENT = 'unknown';

/**
 * Whom a sign-in attempt is counted against, from `CF-Connecting-IP` alone: Cloudflare sets that header on
 * every request it forwards and overwrites whatever the client sent, so in production it cannot be spoofed.
 * `X-Real-IP`, `X-Forwarded-For` and the like are set by the client and never read. Without the header (or
 * with one that is not an address) every request shares one bucket, so nothing is gained by dropping it.
 * IPv6 is counted per /64, the block one subscriber usually holds, so that rotating addresses inside it
 * does not buy new attempts; an IPv4-mapped IPv6 address counts as its IPv4 address.
 *
 * @example clientBucket('2001:db8:1:2:3:4:5:6') // 'ip6:2001:db8:1:2::/64'
 */
export function clientBucket(cfConnectingIp: string | undefined): string {
  const ip = cfConnectingIp?.trim() ?? '';
  if (!ip || ip.length > 45) return UNKNOWN_CLIENT;
  try {
    const kind = distinctRemoteAddr(ip);
    if (kind === 'IPv4') return `ip4:${ip}`;
    if (kind !== 'IPv6') return UNKNOWN_CLIENT;
    const bits = convertIPv6ToBinary(ip);
    if (isIPv4MappedIPv6(bits)) return `ip4:${convertIPv4BinaryToString(convertIPv4MappedIPv6ToIPv4(bits))}`;
    const prefix = (bits >> 64n).toString(16).padStart(16, '0').match(/.{4}/g)!;
    return `ip6:${prefix.map((group) => group.replace(/^0{1,3}/, '')).join(':')}::/64`;
  } catch {
    // hono's parser throws on malformed IPv6 text.
    return UNKNOWN_CLIENT;
  }
}

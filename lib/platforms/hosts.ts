/** Host names of the supported sites, per platform: the content scripts' matches and the extension's host access. */
export const PLATFORM_HOSTS = {
  instagram: ['www.instagram.com'],
  tiktok: ['www.tiktok.com'],
  youtube: ['www.youtube.com'],
  x: ['x.com', 'twitter.com'],
} as const;

/** Match patterns for a list of hosts (https only: every supported site is served over https). */
export function matchPatterns(hosts: readonly string[]): string[] {
  return hosts.map((host) => `https://${host}/*`);
}

export const HOST_PERMISSIONS = Object.values(PLATFORM_HOSTS).flatMap((hosts) => matchPatterns(hosts));

export declare function resolveClientIp(
  peer: string | null,
  forwardedFor: string | null,
  trust: (addr: string, i: number) => boolean,
): string | null;
export declare function compileTrustedProxies(list: string): (addr: string, i: number) => boolean;

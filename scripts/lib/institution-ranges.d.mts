export declare function createRangeSet(cidrs: string[]): { size: number; contains(ip: string | null): boolean };
export declare function watchInstitutionRanges(options: {
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  intervalMs?: number;
  log?: (message: string) => void;
}): { ready: Promise<void>; contains(ip: string | null): boolean; isLoaded(): boolean; stop(): void };

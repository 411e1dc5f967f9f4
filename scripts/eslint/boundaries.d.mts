import type { ESLint, Linter } from 'eslint';

export declare const boundaries: ESLint.Plugin;
export declare const noImportsFromApp: Linter.RuleEntry;
export declare function isHttpAdapter(file: string): boolean;

// The import boundaries (scripts/eslint/boundaries.mjs) as ESLint runs them: lint fails when
// components/ or lib/ import from app/, or a client component imports a server-only module.
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries, noImportsFromApp } from '@/scripts/eslint/boundaries.mjs';

const root = path.resolve(import.meta.dirname, '../..');
// The project's own rules, without its type-aware ones (they need files on disk in the TS project).
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    { files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': noImportsFromApp } },
    {
      files: ['**/*.ts', '**/*.tsx'],
      plugins: { boundaries },
      rules: { 'boundaries/no-server-only-in-client': 'error' },
    },
  ],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('components and lib never import from app/, by alias or relative path', async () => {
    const fromApp = "import { x } from '@/app/(account)/page';\nexport const y = x;\n";
    expect(await problems('components/account/example.tsx', fromApp)).toEqual(['no-restricted-imports']);
    expect(
      await problems('lib/billing/example.ts', "import { x } from '../../app/page';\nexport const y = x;\n"),
    ).toEqual(['no-restricted-imports']);
    expect(await problems('app/(account)/example.tsx', fromApp)).toEqual([]);
  });

  it('a client component may not import a server-only module; server actions and types are fine', async () => {
    const client = (line: string) => `'use client';\n${line}\nexport const used = [];\n`;
    expect(await problems('components/x.tsx', client("import { db } from '@/lib/db';"))).toEqual([
      'boundaries/no-server-only-in-client',
    ]);
    expect(await problems('components/x.tsx', client("import 'server-only';"))).toEqual([
      'boundaries/no-server-only-in-client',
    ]);
    expect(
      await problems('components/x.tsx', client("import { openPortalAction } from '@/lib/billing/actions';")),
    ).toEqual([]);
    expect(await problems('components/x.tsx', client("import type { Env } from '@/lib/env';"))).toEqual([]);
    expect(await problems('components/x.tsx', client("import { formatDate } from '@/lib/format-date';"))).toEqual([]);
    // A server component may.
    expect(await problems('components/x.tsx', "import { db } from '@/lib/db';\nexport const d = db;\n")).toEqual([]);
  });

  it('are on in the project’s ESLint config', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
      path.join(root, 'components/billing/billing-panel.tsx'),
    )) as { rules: Record<string, unknown> };
    expect(config.rules['no-restricted-imports']).toBeDefined();
    expect(config.rules['boundaries/no-server-only-in-client']).toBeDefined();
    // Loading the config (typed rules, Next's plugins) takes seconds while eslint and tsc run beside it.
  }, 60_000);
});

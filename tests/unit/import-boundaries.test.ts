// The import boundaries (scripts/eslint/boundaries.mjs) as ESLint runs them: lint fails when
// components/ or lib/ import from app/, a client component imports a server-only module, or the
// domain (lib/ but its HTTP adapters) imports the HTTP layer (lib/http/).
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries, isHttpAdapter, noImportsFromApp } from '@/scripts/eslint/boundaries.mjs';

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
    {
      files: ['lib/**/*.{ts,tsx,js,mjs}'],
      plugins: { boundaries },
      rules: { 'boundaries/no-http-in-domain': 'error' },
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

  it('the domain never imports the HTTP layer; app/, components/ and lib’s HTTP adapters may', async () => {
    const fromHttp = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;
    const refused = ['boundaries/no-http-in-domain'];
    expect(await problems('lib/billing/ledger-example.ts', fromHttp('@/lib/http/action'))).toEqual(refused);
    expect(await problems('lib/billing/ledger-example.ts', fromHttp('../http/error-response'))).toEqual(refused);
    expect(await problems('lib/billing/providers/stripe/x.ts', fromHttp('../../../http/action'))).toEqual(refused);
    expect(await problems('lib/example.ts', fromHttp('./http/html-message'))).toEqual(refused);
    expect(await problems('lib/usage/example.mjs', fromHttp('../http/reader-request.mjs'))).toEqual(refused);
    // Types, re-exports and dynamic imports count too.
    expect(
      await problems(
        'lib/cme/example.ts',
        "import type { ActionState } from '@/lib/http/action';\nexport type S = ActionState;\n",
      ),
    ).toEqual(refused);
    expect(await problems('lib/cme/example.ts', "export { listOf } from '@/lib/http/action';\n")).toEqual(refused);
    expect(await problems('lib/cme/example.ts', "export const load = () => import('@/lib/http/action');\n")).toEqual(
      refused,
    );
    // The adapters, the layer itself, and the outer folders may; another lib folder named like it is not it.
    for (const file of [
      'lib/billing/actions.ts',
      'lib/saml/idp-actions.ts',
      'lib/admin/admin-guard.ts',
      'lib/counter/counter-route.ts',
      'lib/http/other.ts',
      'components/ui/example.tsx',
      'app/(account)/example.tsx',
    ])
      expect(await problems(file, fromHttp('@/lib/http/action')), file).toEqual([]);
    expect(await problems('lib/articles/example.ts', fromHttp('@/lib/articles/http/x'))).toEqual([]);
  });

  it('names the HTTP adapters by their role: server actions, guards, shared route handlers', () => {
    for (const file of ['actions.ts', 'email-change-actions.ts', 'librarian-guard.ts', 'feed-route.ts'])
      expect(isHttpAdapter(`lib/x/${file}`), file).toBe(true);
    // Pages' loaders and the like are the domain.
    for (const file of ['get-article-page.ts', 'transactions.ts', 'guard.ts', 'route-table.ts', 'action.ts'])
      expect(isHttpAdapter(`lib/x/${file}`), file).toBe(false);
  });

  it('are on in the project’s ESLint config', async () => {
    const config = (await new ESLint({ cwd: root }).calculateConfigForFile(
      path.join(root, 'components/billing/billing-panel.tsx'),
    )) as { rules: Record<string, unknown> };
    expect(config.rules['no-restricted-imports']).toBeDefined();
    expect(config.rules['boundaries/no-server-only-in-client']).toBeDefined();
    const domain = (await new ESLint({ cwd: root }).calculateConfigForFile(
      path.join(root, 'lib/billing/ledger.ts'),
    )) as { rules: Record<string, unknown> };
    expect(domain.rules['boundaries/no-http-in-domain']).toBeDefined();
    // Loading the config (typed rules, Next's plugins) takes seconds while eslint and tsc run beside it.
  }, 60_000);
});

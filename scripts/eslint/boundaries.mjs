// The project's import boundaries, as ESLint rules (eslint.config.mjs):
// - components/ and lib/ never import from app/ (routes only; server actions live in lib/<domain>/);
// - a client component ('use client') never imports a module marked `import 'server-only'`
//   (its code would be sent to the browser; Next would refuse it only at build time). Server
//   action modules ('use server') are fine: the client gets a reference to call, not their code.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '/index.ts', '/index.tsx'];

/** The file an import names inside this project, or null (a package, or not found). */
function resolveImport(fromFile, specifier) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const file = base + extension;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const markers = new Map();
/** Whether a module is server-only: it imports 'server-only' and is not a server actions module. */
function isServerOnlyModule(file) {
  if (!markers.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    const isActions = /^\s*(?:\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(text);
    markers.set(file, !isActions && /^import\s+['"]server-only['"]/m.test(text));
  }
  return markers.get(file);
}

const isTypeOnly = (node) =>
  node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));

const noServerOnlyInClient = {
  meta: {
    type: 'problem',
    messages: {
      serverOnly:
        'A client component may not import {{module}}: it is server-only (its code and secrets would go to the browser). Pass the data down from a server component, or call a server action.',
    },
    schema: [],
  },
  create(context) {
    const isClient = context.sourceCode.ast.body.some(
      (node) => node.type === 'ExpressionStatement' && node.directive === 'use client',
    );
    if (!isClient) return {};
    return {
      ImportDeclaration(node) {
        if (isTypeOnly(node)) return;
        const specifier = String(node.source.value);
        const file = specifier === 'server-only' ? null : resolveImport(context.filename, specifier);
        if (specifier === 'server-only' || (file && isServerOnlyModule(file)))
          context.report({ node, messageId: 'serverOnly', data: { module: specifier } });
      },
    };
  },
};

export const boundaries = { rules: { 'no-server-only-in-client': noServerOnlyInClient } };

/** components/ and lib/ ↛ app/, by the alias or a relative path. */
export const noImportsFromApp = [
  'error',
  {
    patterns: [
      {
        regex: '^(@/|(\\.\\./)+)app/',
        message: 'components/ and lib/ never import from app/ (routes only): move what they share into lib/<domain>/.',
      },
    ],
  },
];

// @ts-check
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint for the whole repo, plus the runtime boundaries of ARCHITECTURE.md ("Boundaries"),
 * enforced with `no-restricted-imports`:
 *   common/                    imports nothing outside common/ (no Node, Electron, React, Node-only packages)
 *   renderer/, server/watch/   import only common/ and their own files (no Node, Electron, Node-only packages)
 *   main/, server/src/         import common/ and their own files, never each other (nor renderer/, watch, preload)
 *   preload/                   imports only common/ (types) and 'electron'; no Node builtins (sandboxed)
 *   'electron'                 only in main/electron/ and preload/
 *
 * A relative import's target depends on where the importing file sits, so the relative rule is
 * generated per folder depth: a file N folders below its root leaves the root with N+1 `../`, and
 * may do so only to reach an allowed top-level folder (common/). Dynamic `import()` is not checked.
 */

const EXT = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const MAX_NESTING = 8; // folders below a boundary root that are checked; deeper files get only the electron ban
const BOUNDARIES = 'see ARCHITECTURE.md, "Boundaries"';

/** @typedef {{ name: string, message: string }} RestrictedPath */
/** @typedef {{ regex: string, message: string }} RestrictedPattern */
/** @typedef {{ paths: RestrictedPath[], patterns: RestrictedPattern[] }} Restrictions */

/** @type {Record<'node' | 'electron' | 'react' | 'nodeOnly', Partial<Restrictions>>} */
const restrict = {
  node: {
    paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: `Node builtins are not available here (${BOUNDARIES}).` })),
    patterns: [{ regex: '^node:', message: `Node builtins are not available here (${BOUNDARIES}).` }],
  },
  electron: { patterns: [{ regex: '^electron(?:/|$)', message: `Only main/electron/ and preload/ may import electron (${BOUNDARIES}).` }] },
  react: { patterns: [{ regex: '^react(?:-dom)?(?:/|$)', message: `common/ is UI-free (${BOUNDARIES}).` }] },
  nodeOnly: { patterns: [{ regex: '^(?:ws|better-sqlite3|janode)(?:/|$)', message: `Node-only package (${BOUNDARIES}).` }] },
};

/**
 * Merges restriction sets into one `no-restricted-imports` option object.
 * @param {...Partial<Restrictions>} sets
 * @returns {Restrictions}
 */
function packages(...sets) {
  return { paths: sets.flatMap((s) => s.paths ?? []), patterns: sets.flatMap((s) => s.patterns ?? []) };
}

/**
 * Config objects for the files under `dir`, whose relative imports must stay inside `root`
 * (`dir` itself or a folder above it) or reach one of the top-level folders in `allow`.
 * @param {{ dir: string, root?: string, allow: string[], restricted: Restrictions, ignores?: string[] }} spec
 * @returns {import('eslint').Linter.Config[]}
 */
function boundary({ dir, root = dir, allow, restricted, ignores = [] }) {
  const rootDepth = root.split('/').length;
  const below = dir.split('/').length - rootDepth;
  const where = allow.length ? `only ${allow.map((a) => `${a}/`).join(', ')} and files inside ${root}/` : `only files inside ${root}/`;
  return Array.from({ length: MAX_NESTING + 1 }, (_, k) => {
    const nesting = below + k;
    const toRepoRoot = nesting + rootDepth;
    const allowed = allow.length ? `(?!(?:\\.\\./){${toRepoRoot}}(?:${allow.join('|')})(?:/|$))` : '';
    return {
      name: `boundaries/${dir}/depth-${k}`,
      files: [`${dir}/${'*/'.repeat(k)}*.${EXT}`],
      ignores,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: restricted.paths,
            patterns: [
              { regex: `^(?:\\./)*${allowed}(?:\\.\\.(?:/|$)){${nesting + 1}}`, message: `${dir}/ may import ${where} (${BOUNDARIES}).` },
              ...restricted.patterns,
            ],
          },
        ],
      },
    };
  });
}

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'docs/', 'release/', '.data/', 'test-results/', 'screenshots-tmp/']),
  tseslint.configs.recommended,
  {
    name: 'project/rules',
    rules: {
      // `_`-prefixed names mark intentionally unused parameters, variables and caught errors.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  { name: 'globals/node', files: ['**/*'], languageOptions: { globals: globals.node } },
  { name: 'globals/browser', files: ['renderer/**', 'server/watch/**', 'preload/**'], languageOptions: { globals: globals.browser } },
  { name: 'globals/common', files: ['common/**'], languageOptions: { globals: globals.es2022 } },
  // Everything not covered below (tests/, scripts/, root configs) may import anything but electron.
  { name: 'boundaries/default', files: [`**/*.${EXT}`], rules: { 'no-restricted-imports': ['error', packages(restrict.electron)] } },
  ...boundary({ dir: 'common', allow: [], restricted: packages(restrict.node, restrict.electron, restrict.react, restrict.nodeOnly) }),
  ...boundary({ dir: 'renderer', allow: ['common'], restricted: packages(restrict.node, restrict.electron, restrict.nodeOnly) }),
  ...boundary({ dir: 'server/watch', allow: ['common'], restricted: packages(restrict.node, restrict.electron, restrict.nodeOnly) }),
  ...boundary({ dir: 'server/src', allow: ['common'], restricted: packages(restrict.electron) }),
  ...boundary({ dir: 'main', allow: ['common'], restricted: packages(restrict.electron), ignores: ['main/electron/**'] }),
  ...boundary({ dir: 'main/electron', root: 'main', allow: ['common'], restricted: packages() }),
  ...boundary({ dir: 'preload', allow: ['common'], restricted: packages(restrict.node) }),
);

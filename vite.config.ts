import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Four web builds from one config:
 *   vite build --mode studio → dist/renderer (the studio UI, served by the Electron or browser shell)
 *   vite build --mode watch  → dist/watch    (the viewer page, served by the relay at /w/<token>)
 * and the same two for tests, which also expose window.__lcStudio / window.__lcWatch:
 *   vite build --mode studio-diagnostics → dist/with-diagnostics/renderer
 *   vite build --mode watch-diagnostics  → dist/with-diagnostics/watch
 * The product never serves the latter: the end-to-end tests and benchmarks swap them in from the
 * browser side (tests/helpers/diagnostics-build.ts), so the relay and the shells stay as shipped.
 */
export default defineConfig(({ mode }) => {
  const diagnostics = mode.endsWith('-diagnostics');
  const watch = mode.replace(/-diagnostics$/, '') === 'watch';
  const out = diagnostics ? 'dist/with-diagnostics' : 'dist';
  return {
    root: watch ? 'server/watch' : 'renderer',
    base: watch ? '/' : './',
    plugins: [react()],
    // A literal, so the production build drops the diagnostics code (and the global's name) entirely.
    define: { __LC_DIAGNOSTICS__: JSON.stringify(diagnostics) },
    build: {
      outDir: watch ? `../../${out}/watch` : `../${out}/renderer`,
      assetsDir: watch ? 'watch-assets' : 'assets',
      emptyOutDir: true,
      // The watch build has two pages: the viewer's (/w/<token>) and the moderator's (/m/<token>).
      ...(watch ? { rollupOptions: { input: { index: 'server/watch/index.html', moderate: 'server/watch/moderate.html' } } } : {}),
      target: 'es2022',
      sourcemap: false,
    },
  };
});

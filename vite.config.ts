import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Two web builds from one config:
 *   vite build --mode studio → dist/renderer (the studio UI, served by the Electron or browser shell)
 *   vite build --mode watch  → dist/watch    (the viewer page, served by the relay at /w/<token>)
 */
export default defineConfig(({ mode }) => {
  const watch = mode === 'watch';
  return {
    root: watch ? 'server/watch' : 'renderer',
    base: watch ? '/' : './',
    plugins: [react()],
    build: {
      outDir: watch ? '../../dist/watch' : '../dist/renderer',
      assetsDir: watch ? 'watch-assets' : 'assets',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
  };
});

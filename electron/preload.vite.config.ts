import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// A sandboxed preload cannot require local files, so it is bundled into one CommonJS file.
export default defineConfig({
  build: {
    lib: {
      entry: fileURLToPath(new URL('./preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    outDir: fileURLToPath(new URL('../dist/electron', import.meta.url)),
    emptyOutDir: false,
    minify: false,
    target: 'node22',
    rollupOptions: { external: ['electron'] },
  },
});

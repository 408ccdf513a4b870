import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from app://wdp/ in Electron and from the loopback server in tests: asset paths are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
});

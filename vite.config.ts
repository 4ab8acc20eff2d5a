import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // Only the Yosys worker imports it: bundled at startup, not found mid-run (a dev reload).
  // The same for the 3D view's three.js, loaded when the view first opens.
  optimizeDeps: {
    include: [
      '@yowasp/yosys',
      'three',
      'three/examples/jsm/controls/OrbitControls.js',
      '@react-three/fiber',
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
});

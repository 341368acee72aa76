import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'

// monaco-yaml's worker imports `monaco-editor/esm/vs/editor/editor.worker.js`, a deep path that
// Monaco >= 0.56's exports map no longer resolves: alias it back to the file.
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url))

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }],
  },
  optimizeDeps: {
    include: ['yaml', 'monaco-yaml/yaml.worker.js'],
  },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
})

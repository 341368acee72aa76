// A local one-line module for the YAML language worker: under `vite` dev, importing the package
// file with `?worker` directly fails with "module is not defined" (STACK.md, item 3).
import 'monaco-yaml/yaml.worker.js'

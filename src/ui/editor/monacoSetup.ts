// Monaco 0.57 set up the slim way (STACK.md): the 0.56+ entry points, a hand-picked feature list
// (`import 'monaco-editor'` would pull the TS/CSS/HTML/JSON services: ts.worker alone is 6.9 MB),
// YAML highlighting, and monaco-yaml validating against Kubelab's shipped Kubernetes schema.
// This module is only ever loaded lazily (with the editor), never at startup.
import * as monaco from 'monaco-editor/editor'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/caretOperations/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/codeAction/register'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/documentSymbols/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/indentation/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/smartSelect/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/wordHighlighter/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/languages/definitions/yaml/register'
import { configureMonacoYaml } from 'monaco-yaml'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import YamlWorker from './yaml.worker?worker'
import { kubernetesJsonSchema, loadDefinitions } from '../../api/schemas'

export { monaco }

/**
 * The URI the YAML language server files the schema under. Not the schema's own `$id`
 * (…/kubernetes-types@1.30.0.json): with that URI the server looks the content up under an
 * encoded form and reports "Unable to load schema ... No content" on line 1 of every file.
 */
const SCHEMA_URI = 'kubelab://schemas/kubernetes.json'

/** The label monaco-yaml's worker manager passes; everything else is Monaco's own editor worker. */
const YAML_LABEL = 'yaml'

interface LegacyWorkerOptions {
  moduleId: string
  label?: string
  createData?: unknown
  host?: Record<string, (...args: unknown[]) => unknown>
  keepIdleModels?: boolean
}

type CreateWebWorker = typeof monaco.editor.createWebWorker

let initialised = false

function installEnvironment(): void {
  ;(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
    getWorker(_moduleId: string, label: string): Worker {
      return label === YAML_LABEL ? new YamlWorker() : new EditorWorker()
    },
  }
}

/**
 * monaco-yaml 5.5.1 still calls `createWebWorker({ moduleId, label, createData })`, the legacy form
 * Monaco 0.56 dropped (the editor then never validates: "Could not create web worker(s)"). Restore
 * it: create the worker from MonacoEnvironment, post 'ignore' (the worker's first message only
 * installs its real handler), then createData, and hand the native function `{ worker, host }`.
 */
function restoreLegacyCreateWebWorker(): void {
  const native: CreateWebWorker = monaco.editor.createWebWorker.bind(monaco.editor)
  const patched = ((opts: LegacyWorkerOptions | monaco.editor.IInternalWebWorkerOptions) => {
    if ('worker' in opts && opts.worker !== undefined) return native(opts)
    const legacy = opts as LegacyWorkerOptions
    const env = (self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment
    const worker = env.getWorker!(legacy.moduleId, legacy.label ?? legacy.moduleId) as Worker
    worker.postMessage('ignore')
    worker.postMessage(legacy.createData)
    return native({ worker, host: legacy.host as Record<string, Function> | undefined, keepIdleModels: legacy.keepIdleModels })
  }) as CreateWebWorker
  ;(monaco.editor as { createWebWorker: CreateWebWorker }).createWebWorker = patched
}

/** Kubelab's dark theme for the editor (matches styles.css). */
function defineTheme(): void {
  monaco.editor.defineTheme('kubelab-dark', {
    base: 'vs-dark',
    inherit: true,
    rules: [],
    colors: {
      'editor.background': '#0f1419',
      'editor.lineHighlightBackground': '#161c24',
      'editorLineNumber.foreground': '#4b5563',
      'editorLineNumber.activeForeground': '#9aa4b2',
      'editorGutter.background': '#0f1419',
    },
  })
}

export function setupMonaco(): typeof monaco {
  if (initialised) return monaco
  initialised = true
  installEnvironment()
  restoreLegacyCreateWebWorker()
  defineTheme()
  const yaml = configureMonacoYaml(monaco, {
    enableSchemaRequest: false, // schemas ship with the app: no network
    validate: true,
    completion: true,
    hover: true,
    format: { enable: true },
    schemas: [],
  })
  // The schema data (~86 kB gzip) loads after the editor is on screen.
  loadDefinitions().then((defs) => {
    yaml.update({
      schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: kubernetesJsonSchema(defs) as never }],
    })
  }).catch((e: unknown) => console.warn('Kubelab: schemas unavailable, YAML validation off', e))
  return monaco
}

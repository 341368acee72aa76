// Runs the combined schema through the YAML language server that monaco-yaml ships (its worker
// bundles yaml-language-server), so these markers are the ones the editor shows. The worker file
// imports `monaco-worker-manager/worker` (which needs Monaco); we load a temp copy with that one
// import replaced by a stub that captures the worker factory, and bare imports made absolute.
import { describe, it, expect, beforeAll } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { kubernetesJsonSchema, loadDefinitions } from './index'

interface Diagnostic { message: string; range: { start: { line: number; character: number } } }
interface YamlWorker {
  doValidation(uri: string): Promise<Diagnostic[]>
  doHover(uri: string, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null>
  doComplete(uri: string, position: { line: number; character: number }): Promise<{ items: { label: string }[] }>
}
type Factory = (ctx: unknown, createData: unknown) => YamlWorker

const docs = new Map<string, string>()
let worker: YamlWorker
let n = 0

/** Each call gets a fresh URI: the language service caches parsed documents by URI + version. */
async function validate(text: string): Promise<string[]> {
  const uri = `file:///doc${++n}.yaml`
  docs.set(uri, text)
  const diags = await worker.doValidation(uri)
  return diags.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.message}`)
}

beforeAll(async () => {
  const workerPath = createRequire(import.meta.url).resolve('monaco-yaml/yaml.worker.js')
  let src = readFileSync(workerPath, 'utf8')
  src = src.replace('import { initialize } from "monaco-worker-manager/worker";', 'const initialize = (fn) => { globalThis.__kubelabYamlFactory = fn };')
  src = src.replace(/^(import .* from )"([^"]+)";$/gm, (_m, head: string, spec: string) => `${head}${JSON.stringify(import.meta.resolve(spec))};`)
  src = src.replace(/^\/\/# sourceMappingURL=.*$/m, '')
  const file = join(mkdtempSync(join(tmpdir(), 'kubelab-yaml-')), 'yaml.worker.mjs')
  writeFileSync(file, src)
  await import(/* @vite-ignore */ pathToFileURL(file).href)
  const factory = (globalThis as { __kubelabYamlFactory?: Factory }).__kubelabYamlFactory
  if (!factory) throw new Error('monaco-yaml worker did not call initialize')
  const ctx = { getMirrorModels: () => [...docs].map(([uri, text]) => ({ uri, version: 1, getValue: () => text })) }
  const schema = kubernetesJsonSchema(await loadDefinitions())
  worker = factory(ctx, {
    enableSchemaRequest: false, validate: true, completion: true, hover: true,
    schemas: [{ uri: 'kubelab://schemas/kubernetes.json', fileMatch: ['*'], schema }],
  })
}, 30_000)

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports: [{containerPort: 80}]
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: 1}}
`

describe('monaco-yaml validation with the combined schema', () => {
  it('accepts a valid Deployment (IntOrString and Quantity in both forms)', async () => {
    expect(await validate(DEPLOYMENT)).toEqual([])
  })

  it('flags a misspelled field and a wrong type on the exact node', async () => {
    const text = DEPLOYMENT.replace('  replicas: 2', '  replicas: two').replace('        image:', '        imag:')
    expect(await validate(text)).toEqual([
      '6:12 Incorrect type. Expected "integer".',
      '17:8 Property imag is not allowed.',
    ])
  })

  it('flags a wrong apiVersion for the kind on apiVersion only', async () => {
    expect(await validate('apiVersion: v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {}\n  template: {}\n'))
      .toEqual(['0:12 Value is not accepted. Valid values: "apps/v1".'])
  })

  it('flags an unknown kind on kind only', async () => {
    const out = await validate('apiVersion: v1\nkind: Pood\nmetadata: {name: x}\n')
    expect(out).toHaveLength(1)
    expect(out[0]).toMatch(/^1:6 Value is not accepted\. Valid values: "Namespace", "Node", "Pod"/)
  })

  it('validates each document of a multi-document file as its own kind', async () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - image: busybox\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports: [{port: 80, targetPort: http}]\n'
    expect(await validate(text)).toEqual(['5:4 Missing property "name".'])
  })

  it('shows upstream descriptions on hover and proposes fields for completion', async () => {
    const uri = `file:///doc${++n}.yaml`
    docs.set(uri, DEPLOYMENT)
    const hover = await worker.doHover(uri, { line: 6, character: 4 })
    expect(hover?.contents.value).toContain('Number of desired pods.')
    const uri2 = `file:///doc${++n}.yaml`
    docs.set(uri2, 'apiVersion: v1\nkind: Pod\nspec:\n  \n')
    const done = await worker.doComplete(uri2, { line: 3, character: 2 })
    expect(done.items.map((i) => i.label)).toEqual(expect.arrayContaining(['containers', 'restartPolicy', 'nodeName']))
  })
})

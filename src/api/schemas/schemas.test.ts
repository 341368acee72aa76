import { describe, it, expect, beforeAll } from 'vitest'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { KINDS, apiVersionOf } from '../kinds'
import {
  DEFINITION_COUNT, ROOT_DEFINITIONS, SCHEMA_VERSION, explainPath, formatExplain, kubernetesJsonSchema,
  loadDefinitions, rootDefinitionFor, type Definitions, type JsonSchema,
} from './index'
import { wrapString } from './wordwrap'

const HERE = fileURLToPath(new URL('.', import.meta.url))

/** Golden file under __golden__/; UPDATE_GOLDEN=1 rewrites it (review the diff after). */
function expectGolden(name: string, actual: string): void {
  const file = join(HERE, '__golden__', name)
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(join(HERE, '__golden__'), { recursive: true })
    writeFileSync(file, actual)
    return
  }
  if (!existsSync(file)) throw new Error(`missing golden file ${file}; run with UPDATE_GOLDEN=1 and review it`)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

/** Kinds later work adds; the editor must already know them. */
const PLANNED = [
  ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['v1', 'Service'], ['v1', 'Endpoints'],
  ['discovery.k8s.io/v1', 'EndpointSlice'], ['networking.k8s.io/v1', 'Ingress'], ['networking.k8s.io/v1', 'IngressClass'],
  ['v1', 'Secret'], ['v1', 'ServiceAccount'], ['v1', 'PersistentVolume'], ['v1', 'PersistentVolumeClaim'],
  ['storage.k8s.io/v1', 'StorageClass'], ['rbac.authorization.k8s.io/v1', 'Role'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'], ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['networking.k8s.io/v1', 'NetworkPolicy'], ['v1', 'LimitRange'], ['v1', 'ResourceQuota'],
] as const

let defs: Definitions
beforeAll(async () => { defs = await loadDefinitions() })

const deref = (s: JsonSchema): JsonSchema => (s.$ref ? defs[s.$ref.replace('#/definitions/', '')] : s)

describe('generated definitions', () => {
  it('has a root definition with its GVK for every kind in the kind table and every planned kind', () => {
    // Read-only kinds (metrics.k8s.io, served by an aggregated API with no OpenAPI here) are never written in a manifest.
    const wanted = [...KINDS.filter((k) => k.verbs.includes('create')).map((k) => [apiVersionOf(k), k.kind] as const), ...PLANNED]
    for (const [apiVersion, kind] of wanted) {
      const name = rootDefinitionFor(apiVersion, kind)
      expect(name, `${apiVersion} ${kind}`).toBeDefined()
      const root = defs[name!]
      const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
      expect(root['x-kubernetes-group-version-kind']).toEqual([{ group, kind, version }])
      expect(root.properties!.apiVersion.enum).toEqual([apiVersion])
      expect(root.properties!.kind.enum).toEqual([kind])
    }
    expect(rootDefinitionFor('v1', 'Pod')).toBe('io.k8s.api.core.v1.Pod')
    expect(rootDefinitionFor('apps/v1', 'Deployment')).toBe('io.k8s.api.apps.v1.Deployment')
    expect(rootDefinitionFor('v1', 'Deployment')).toBeUndefined()
  })

  it('types Pod.spec.containers as an array of Container with name required', () => {
    const spec = deref(defs['io.k8s.api.core.v1.Pod'].properties!.spec)
    const containers = spec.properties!.containers
    expect(containers.type).toBe('array')
    expect(containers.items).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Container' })
    expect(spec.required).toContain('containers')
    const container = deref(containers.items!)
    expect(container.required).toEqual(['name'])
    expect(container.additionalProperties).toBe(false)
    expect(container.properties!.name.description).toMatch(/^Name of the container specified as a DNS_LABEL/)
  })

  it('maps IntOrString, Quantity, Time and string maps the way OpenAPI does', () => {
    const ios = defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']
    expect(ios.anyOf).toEqual([{ type: 'integer' }, { type: 'string' }])
    expect(ios['x-kubernetes-int-or-string']).toBe(true)
    expect(deref(defs['io.k8s.api.apps.v1.DeploymentStrategy'].properties!.rollingUpdate).properties!.maxSurge.$ref)
      .toBe('#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString')
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity'].anyOf).toEqual([{ type: 'string' }, { type: 'number' }])
    expect(defs['io.k8s.apimachinery.pkg.apis.meta.v1.Time']).toMatchObject({ type: 'string', format: 'date-time' })
    const meta = defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']
    expect(meta.properties!.labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } })
    expect(meta.additionalProperties).toBe(false)
    expect(defs['io.k8s.api.core.v1.ConfigMap'].properties!.data.additionalProperties).toEqual({ type: 'string' })
  })

  it('resolves every $ref and closes every object with properties', () => {
    const refs = JSON.stringify(defs).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? []
    for (const r of refs) expect(defs[r.slice('"$ref":"#/definitions/'.length, -1)], r).toBeDefined()
    for (const [name, d] of Object.entries(defs)) {
      if (d.properties) expect(d.additionalProperties, name).toBe(false)
    }
  })

  it('is not stale: the generator regenerates the committed files byte for byte', () => {
    // A child process, not an import: api/ may not import scripts/ (architecture.test.ts). `--check`
    // regenerates in memory from node_modules/kubernetes-types and exits 1 on any difference.
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')
    const root = join(HERE, '..', '..', '..')
    let failure = ''
    try {
      execFileSync(process.execPath, [tsxCli, join(root, 'scripts', 'gen-schemas.ts'), '--check'], { cwd: root, stdio: 'pipe' })
    } catch (e) {
      failure = String((e as { stderr?: Buffer }).stderr ?? e)
    }
    expect(failure).toBe('')
    expect(Object.keys(defs)).toHaveLength(DEFINITION_COUNT)
    expect(SCHEMA_VERSION).toMatch(/^kubernetes-types@1\.30\./)
  }, 60_000)
})

describe('kubernetesJsonSchema', () => {
  it('selects one root definition per kind with if/then and lists the known kinds', () => {
    const s = kubernetesJsonSchema(defs) as Record<string, unknown> & { allOf: { if: unknown; then: unknown }[] }
    expect(s.definitions).toBe(defs)
    expect(s.required).toEqual(['apiVersion', 'kind'])
    expect((s.properties as Record<string, JsonSchema>).kind.enum).toHaveLength(ROOT_DEFINITIONS.length)
    expect(s.allOf).toHaveLength(ROOT_DEFINITIONS.length)
    expect(s.allOf).toContainEqual({
      if: { properties: { kind: { const: 'Deployment' } }, required: ['kind'] },
      then: { $ref: '#/definitions/io.k8s.api.apps.v1.Deployment' },
    })
  })
})

describe('explain', () => {
  const first15 = (text: string) => text.split('\n').slice(0, 15).join('\n') + '\n'
  const explain = (apiVersion: string, kind: string, path: string[], recursive = false) => {
    const r = formatExplain(defs, apiVersion, kind, path, { recursive })
    if (!r.ok) throw new Error(r.error)
    return r.text
  }

  it('prints `kubectl explain pod` in kubectl 1.30 layout', () => {
    const text = explain('v1', 'Pod', [])
    expectGolden('explain-pod.txt', first15(text))
    // Every field ends with a blank line, and the template's closing newline adds one more.
    expect(text.endsWith('conventions.md#spec-and-status\n\n\n')).toBe(true)
  })

  it('prints `kubectl explain pod.spec.containers` with FIELD and both descriptions', () => {
    expectGolden('explain-pod.spec.containers.txt', first15(explain('v1', 'Pod', ['spec', 'containers'])))
  })

  it('prints `kubectl explain deployment.spec.strategy` with GROUP, and its --recursive form', () => {
    expectGolden('explain-deployment.spec.strategy.txt', first15(explain('apps/v1', 'Deployment', ['spec', 'strategy'])))
    expectGolden('explain-deployment.spec.strategy-recursive.txt', explain('apps/v1', 'Deployment', ['spec', 'strategy'], true))
  })

  it('returns the data behind the text', () => {
    const r = explainPath(defs, 'v1', 'Pod', ['spec', 'containers'])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.field).toBe('containers')
    expect(r.type).toBe('<[]Container>')
    expect(r.description).toMatch(/Cannot be updated\.\nA single application container/)
    expect(r.fields.find((f) => f.name === 'name')).toMatchObject({ type: '<string>', required: true })
    expect(r.fields.find((f) => f.name === 'resources')?.type).toBe('<ResourceRequirements>')
    const limits = explainPath(defs, 'v1', 'Pod', ['spec', 'containers', 'resources'])
    expect(limits.ok && limits.fields.find((f) => f.name === 'limits')?.type).toBe('<map[string]Quantity>')
    const meta = explainPath(defs, 'v1', 'Pod', ['metadata'])
    expect(meta.ok && meta.fields.find((f) => f.name === 'creationTimestamp')?.type).toBe('<string>')
    expect(meta.ok && meta.fields.find((f) => f.name === 'labels')?.type).toBe('<map[string]string>')
    const port = explainPath(defs, 'v1', 'Service', ['spec', 'ports', 'targetPort'])
    expect(port.ok && port.type).toBe('<IntOrString>')
  })

  it('explains every root kind, plain and --recursive, without error', () => {
    for (const r of ROOT_DEFINITIONS) {
      const plain = formatExplain(defs, r.apiVersion, r.kind, [])
      const rec = formatExplain(defs, r.apiVersion, r.kind, [], { recursive: true })
      expect(plain.ok && /\nFIELDS:\n(?:[^]*\n)?  apiVersion\t<string>\n/.test(plain.text), r.kind).toBe(true)
      expect(rec.ok && /\n  metadata\t<ObjectMeta>( -required-)?\n    annotations\t<map\[string\]string>\n/.test(rec.text), r.kind).toBe(true)
    }
  })

  it("gives kubectl's error for an unknown field, naming the path's last element like upstream", () => {
    expect(formatExplain(defs, 'v1', 'Pod', ['spec', 'foo'])).toEqual({ ok: false, error: 'error: field "foo" does not exist' })
    expect(explainPath(defs, 'v1', 'Pod', ['spec', 'foo', 'bar'])).toEqual({ ok: false, error: 'error: field "bar" does not exist' })
    expect(explainPath(defs, 'v1', 'Pod', ['metadata', 'labels', 'app'])).toEqual({ ok: false, error: 'error: field "app" does not exist' })
  })
})

describe('wrapString (go-wordwrap)', () => {
  it('breaks at whitespace within the limit, keeps newlines, never splits long words', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc')
    expect(wrapString('one\ntwo three', 8)).toBe('one\ntwo\nthree')
    expect(wrapString('x https://example.com/a/very/long/url y', 10)).toBe('x\nhttps://example.com/a/very/long/url\ny')
    expect(wrapString('end\n', 76)).toBe('end\n')
  })
})

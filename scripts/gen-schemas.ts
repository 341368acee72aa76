// Generates Kubelab's shipped API schemas from the `kubernetes-types` package's d.ts files.
//
//   npx tsx scripts/gen-schemas.ts           write src/api/schemas/{definitions.json,roots.ts}
//   npx tsx scripts/gen-schemas.ts --check   exit 1 when the committed output is stale
//
// The d.ts files carry upstream's field descriptions as doc comments; this walks every interface
// reachable from the root kinds below and writes OpenAPI-style definitions (see
// src/api/schemas/CONTEXT.md for the mapping). Output is deterministic (sorted keys) so the
// staleness test in src/api/schemas/schemas.test.ts can regenerate in memory and compare.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { METALLB_DEFINITIONS, METALLB_ROOTS } from './metallb-crds'

/** Root kinds: [d.ts module under kubernetes-types, interface]. Order = order in the roots table. */
export const ROOT_KINDS: readonly (readonly [string, string])[] = [
  ['core/v1', 'Namespace'], ['core/v1', 'Node'], ['core/v1', 'Pod'], ['core/v1', 'Event'],
  ['core/v1', 'ConfigMap'], ['core/v1', 'Secret'], ['core/v1', 'ServiceAccount'], ['core/v1', 'Service'],
  ['core/v1', 'Endpoints'], ['core/v1', 'PersistentVolume'], ['core/v1', 'PersistentVolumeClaim'],
  ['core/v1', 'LimitRange'], ['core/v1', 'ResourceQuota'],
  ['apps/v1', 'Deployment'], ['apps/v1', 'ReplicaSet'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'], ['batch/v1', 'CronJob'],
  ['discovery/v1', 'EndpointSlice'],
  ['networking/v1', 'Ingress'], ['networking/v1', 'IngressClass'], ['networking/v1', 'NetworkPolicy'],
  ['storage/v1', 'StorageClass'],
  ['rbac/v1', 'Role'], ['rbac/v1', 'RoleBinding'], ['rbac/v1', 'ClusterRole'], ['rbac/v1', 'ClusterRoleBinding'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
]

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString'
/** Upstream's doc comment on intstr.IntOrString (kubernetes-types inlines it as `number | string`). */
const INT_OR_STRING_DESCRIPTION = 'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }
type Schema = { [k: string]: Json }

export interface RootRow { apiVersion: string; kind: string; definition: string }
export interface Generated {
  packageVersion: string
  definitions: Record<string, Schema>
  roots: RootRow[]
}

const require = createRequire(import.meta.url)

/** Package dir of kubernetes-types, e.g. /work/main/node_modules/kubernetes-types. */
function typesDir(): string {
  return dirname(require.resolve('kubernetes-types/package.json'))
}

/** "core/v1" → "io.k8s.api.core.v1"; apimachinery modules keep their Go package path. */
function namespaceOf(module: string): string {
  if (module === 'meta/v1') return 'io.k8s.apimachinery.pkg.apis.meta.v1'
  if (module === 'api/resource') return 'io.k8s.apimachinery.pkg.api.resource'
  if (module === 'runtime') return 'io.k8s.apimachinery.pkg.runtime'
  if (module.startsWith('apiextensions/')) return `io.k8s.apiextensions-apiserver.pkg.apis.${module.replace('/', '.')}`
  return `io.k8s.api.${module.replace('/', '.')}`
}

export function generate(): Generated {
  const dir = typesDir()
  const packageVersion = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
  const rootFiles = [...new Set(ROOT_KINDS.map(([m]) => join(dir, `${m}.d.ts`)))]
  const program = ts.createProgram(rootFiles, { noEmit: true, skipLibCheck: true, types: [] })
  const checker = program.getTypeChecker()
  const definitions: Record<string, Schema> = {}
  const queue: ts.Declaration[] = []
  const seen = new Set<string>()

  const moduleOf = (d: ts.Node) => relative(dir, d.getSourceFile().fileName).replace(/\.d\.ts$/, '')
  const nameOf = (d: ts.InterfaceDeclaration | ts.TypeAliasDeclaration) => `${namespaceOf(moduleOf(d))}.${d.name.text}`
  const docOf = (node: ts.Node & { name?: ts.Node }): string => {
    const sym = node.name ? checker.getSymbolAtLocation(node.name) : undefined
    return sym ? ts.displayPartsToString(sym.getDocumentationComment(checker)) : ''
  }
  const withDoc = (s: Schema, doc: string): Schema => (doc ? { description: doc, ...s } : s)

  /** Schema for a property's type node; enqueues referenced declarations. */
  const convert = (t: ts.TypeNode, where: string): Schema => {
    switch (t.kind) {
      case ts.SyntaxKind.StringKeyword: return { type: 'string' }
      // kubernetes-types has no int/float distinction; every `number` in the built-in kinds is an
      // int32/int64 upstream (floats only appear in CRD schemas), so `integer` is what kubectl shows.
      case ts.SyntaxKind.NumberKeyword: return { type: 'integer' }
      case ts.SyntaxKind.BooleanKeyword: return { type: 'boolean' }
      case ts.SyntaxKind.ArrayType: return { type: 'array', items: convert((t as ts.ArrayTypeNode).elementType, where) }
      case ts.SyntaxKind.LiteralType: {
        const lit = (t as ts.LiteralTypeNode).literal
        if (ts.isStringLiteral(lit)) return { type: 'string', enum: [lit.text] }
        break
      }
      case ts.SyntaxKind.UnionType: {
        const parts = (t as ts.UnionTypeNode).types.map((u) => u.kind).sort()
        if (parts.length === 2 && parts[0] === ts.SyntaxKind.NumberKeyword && parts[1] === ts.SyntaxKind.StringKeyword) {
          addIntOrString()
          return { $ref: `#/definitions/${INT_OR_STRING}` }
        }
        break
      }
      case ts.SyntaxKind.TypeLiteral: {
        const members = (t as ts.TypeLiteralNode).members
        const index = members.length === 1 && ts.isIndexSignatureDeclaration(members[0]) ? members[0] : undefined
        if (index) return { type: 'object', additionalProperties: convert(index.type, where) }
        break
      }
      case ts.SyntaxKind.TypeReference: {
        const ref = t as ts.TypeReferenceNode
        const id = ref.typeName.getText()
        if (id === 'Array' && ref.typeArguments?.length === 1) return { type: 'array', items: convert(ref.typeArguments[0], where) }
        let sym = checker.getSymbolAtLocation(ref.typeName)
        if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym)
        const decl = sym?.declarations?.[0]
        if (decl && (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl))) {
          const name = nameOf(decl)
          if (!seen.has(name)) { seen.add(name); queue.push(decl) }
          return { $ref: `#/definitions/${name}` }
        }
        break
      }
    }
    throw new Error(`gen-schemas: unsupported type \`${t.getText()}\` at ${where}`)
  }

  const addIntOrString = () => {
    definitions[INT_OR_STRING] ??= {
      description: INT_OR_STRING_DESCRIPTION,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
      'x-kubernetes-int-or-string': true,
    }
  }

  /** Definition for a type alias (Time, MicroTime, Quantity are the only ones reachable). */
  const aliasDefinition = (d: ts.TypeAliasDeclaration): Schema => {
    const doc = docOf(d)
    if (d.name.text === 'Time' || d.name.text === 'MicroTime') return withDoc({ type: 'string', format: 'date-time' }, doc)
    if (d.name.text === 'Quantity') return withDoc({ anyOf: [{ type: 'string' }, { type: 'number' }] }, doc)
    return withDoc(convert(d.type, nameOf(d)), doc)
  }

  const interfaceDefinition = (d: ts.InterfaceDeclaration): Schema => {
    const name = nameOf(d)
    const properties: Record<string, Json> = {}
    const required: string[] = []
    for (const m of d.members) {
      if (!ts.isPropertySignature(m) || !m.type) throw new Error(`gen-schemas: unsupported member in ${name}`)
      const key = m.name.getText().replace(/^"(.*)"$/, '$1')
      properties[key] = withDoc(convert(m.type, `${name}.${key}`), docOf(m))
      if (!m.questionToken) required.push(key)
    }
    // Empty interfaces (RawExtension, FieldsV1) are free-form JSON upstream: no property list to enforce.
    if (d.members.length === 0) return withDoc({ type: 'object' }, docOf(d))
    const s: Schema = { type: 'object', properties, additionalProperties: false }
    if (required.length) s.required = required
    return withDoc(s, docOf(d))
  }

  const roots: RootRow[] = []
  for (const [module, kind] of ROOT_KINDS) {
    const sf = program.getSourceFile(join(dir, `${module}.d.ts`))
    const decl = sf?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === kind)
    if (!decl) throw new Error(`gen-schemas: ${module} has no interface ${kind}`)
    const name = nameOf(decl)
    if (!seen.has(name)) { seen.add(name); queue.push(decl) }
    const av = decl.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText() === 'apiVersion')
    const apiVersion = av?.type && ts.isLiteralTypeNode(av.type) && ts.isStringLiteral(av.type.literal) ? av.type.literal.text : ''
    if (!apiVersion) throw new Error(`gen-schemas: ${kind} has no literal apiVersion`)
    roots.push({ apiVersion, kind, definition: name })
  }

  while (queue.length) {
    const d = queue.shift()!
    const name = nameOf(d as ts.InterfaceDeclaration)
    definitions[name] = ts.isInterfaceDeclaration(d) ? interfaceDefinition(d) : aliasDefinition(d as ts.TypeAliasDeclaration)
  }
  // CRDs Kubelab serves (MetalLB's): schemas as their CRDs publish them, after the built-in kinds.
  Object.assign(definitions, METALLB_DEFINITIONS)
  roots.push(...METALLB_ROOTS)
  for (const r of roots) {
    const [group, version] = r.apiVersion.includes('/') ? r.apiVersion.split('/') : ['', r.apiVersion]
    definitions[r.definition]['x-kubernetes-group-version-kind'] = [{ group, kind: r.kind, version }]
  }
  return { packageVersion, definitions: sortKeys(definitions) as Record<string, Schema>, roots }
}

/** Recursively sorted object keys (arrays keep their order): stable output, stable hashes. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
  }
  return v
}

export const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api', 'schemas')

/** The two generated files' exact contents. */
export function render(g: Generated): { definitionsJson: string; rootsTs: string } {
  const definitionsJson = JSON.stringify(g.definitions) + '\n'
  const rows = g.roots.map((r) => `  { apiVersion: ${JSON.stringify(r.apiVersion)}, kind: ${JSON.stringify(r.kind)}, definition: ${JSON.stringify(r.definition)} },`)
  const rootsTs = [
    '// GENERATED by scripts/gen-schemas.ts from kubernetes-types; do not edit. Regenerate with',
    '// `npx tsx scripts/gen-schemas.ts`.',
    '',
    '/** Source package and version of definitions.json; changes whenever the data can change. */',
    `export const SCHEMA_VERSION = ${JSON.stringify(`kubernetes-types@${g.packageVersion}`)}`,
    '',
    '/** Number of definitions in definitions.json (checked by the staleness test). */',
    `export const DEFINITION_COUNT = ${Object.keys(g.definitions).length}`,
    '',
    'export interface RootDefinition { apiVersion: string; kind: string; definition: string }',
    '',
    '/** Every root kind in definitions.json, by apiVersion + kind. */',
    'export const ROOT_DEFINITIONS: readonly RootDefinition[] = [',
    ...rows,
    ']',
    '',
  ].join('\n')
  return { definitionsJson, rootsTs }
}

function main(): void {
  const out = render(generate())
  const files: [string, string][] = [['definitions.json', out.definitionsJson], ['roots.ts', out.rootsTs]]
  if (process.argv.includes('--check')) {
    const stale = files.filter(([f, text]) => readFileSync(join(OUT_DIR, f), 'utf8') !== text).map(([f]) => f)
    if (stale.length) { console.error(`stale: ${stale.join(', ')}; run npx tsx scripts/gen-schemas.ts`); process.exit(1) }
    return
  }
  for (const [f, text] of files) writeFileSync(join(OUT_DIR, f), text)
  console.log(`wrote ${files.map(([f, t]) => `${f} (${t.length} bytes)`).join(', ')}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main()

// Kubelab's shipped API schemas: upstream field descriptions and structure for every kind the lab
// knows, generated from kubernetes-types by scripts/gen-schemas.ts. The big data (definitions.json,
// ~440 kB raw / ~86 kB gzip) loads on demand; the root table is tiny and synchronous.
import { ROOT_DEFINITIONS, SCHEMA_VERSION } from './roots'
import { REF_PREFIX, type Definitions, type JsonSchema } from './types'

export { SCHEMA_VERSION, ROOT_DEFINITIONS, DEFINITION_COUNT, type RootDefinition } from './roots'
export type { Definitions, JsonSchema, GroupVersionKind } from './types'
export { explainPath, formatExplain, type ExplainResult, type ExplainField } from './explain'

/**
 * Loads definitions.json. A dynamic import so bundlers split the data out of the startup bundle;
 * the module system caches it, so calling this twice costs one load.
 */
let loaded: Definitions | undefined
let loading: Promise<Definitions> | undefined

/** Loads the definitions once (a separate chunk in the browser); later calls share the result. */
export function loadDefinitions(): Promise<Definitions> {
  loading ??= import('./definitions.json').then((mod) => {
    loaded = (mod.default ?? mod) as unknown as Definitions
    return loaded
  })
  return loading
}

/** The definitions if a loadDefinitions() call has finished, else undefined (no waiting). */
export function loadedDefinitions(): Definitions | undefined {
  return loaded
}

/** Definition name of a root kind (`io.k8s.api.apps.v1.Deployment`), or undefined if unknown. */
export function rootDefinitionFor(apiVersion: string, kind: string): string | undefined {
  return ROOT_DEFINITIONS.find((r) => r.apiVersion === apiVersion && r.kind === kind)?.definition
}

/** `$id` of the combined schema; monaco-yaml keys schemas by URI. */
export const KUBERNETES_SCHEMA_URI = `kubelab://schemas/kubernetes/${SCHEMA_VERSION}.json`

/**
 * One JSON Schema (draft-07) that validates a manifest as whichever known kind it names.
 *
 * Shape: `kind` must be one of the known kinds (one precise marker on `kind` otherwise); then one
 * `if {kind: K} then ...` per kind selects that kind's root definition, whose `apiVersion` enum
 * flags a wrong apiVersion and whose `additionalProperties: false` flags misspelled fields. Kinds
 * served at several apiVersions get a nested `if` on apiVersion. if/then (rather than oneOf)
 * keeps markers on the offending field instead of "matches none of the alternatives", and the YAML
 * language server follows `then` for completion and hover.
 */
export function kubernetesJsonSchema(defs: Definitions): JsonSchema & Record<string, unknown> {
  const byKind = new Map<string, { apiVersion: string; definition: string }[]>()
  for (const r of ROOT_DEFINITIONS) {
    if (!defs[r.definition]) continue
    byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r])
  }
  const ref = (name: string) => ({ $ref: REF_PREFIX + name })
  const branches = [...byKind].map(([kind, rows]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: rows.length === 1 ? ref(rows[0].definition) : {
      properties: { apiVersion: { enum: rows.map((r) => r.apiVersion) } },
      allOf: rows.map((r) => ({ if: { properties: { apiVersion: { const: r.apiVersion } }, required: ['apiVersion'] }, then: ref(r.definition) })),
    },
  }))
  const someRoot = defs[ROOT_DEFINITIONS[0].definition]?.properties ?? {}
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: KUBERNETES_SCHEMA_URI,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      // No enum here: the selected root's own enum already flags a wrong apiVersion (one marker, not two).
      apiVersion: { type: 'string', description: someRoot.apiVersion?.description },
      kind: { type: 'string', description: someRoot.kind?.description, enum: [...byKind.keys()] },
    },
    allOf: branches,
    definitions: defs,
  } as JsonSchema & Record<string, unknown>
}

// Shapes of the generated schema data (definitions.json). A subset of JSON Schema draft-07 plus the
// two Kubernetes OpenAPI extensions the generator emits; see CONTEXT.md for what each field means.

export interface GroupVersionKind { group: string; kind: string; version: string }

export interface JsonSchema {
  description?: string
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'
  format?: string
  enum?: string[]
  $ref?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  additionalProperties?: boolean | JsonSchema
  anyOf?: JsonSchema[]
  'x-kubernetes-group-version-kind'?: GroupVersionKind[]
  'x-kubernetes-int-or-string'?: boolean
}

/** Definitions keyed by OpenAPI name, e.g. `io.k8s.api.core.v1.Pod`. */
export type Definitions = Record<string, JsonSchema>

/** Prefix of every `$ref` in definitions.json. */
export const REF_PREFIX = '#/definitions/'

// Helpers for this folder's tests: a fresh server on a virtual clock with the four namespaces.
import { VirtualClock } from '../runtime/clock'
import { SeededRandom } from '../runtime/random'
import { ApiServer } from './server'
import { bootstrapNamespaces } from './bootstrap'
import type { KubeObject } from '../../api/types'
import { KINDS, type KindInfo } from '../../api/kinds'

export function newServer(seed = 1): { api: ApiServer; clock: VirtualClock } {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(seed) })
  bootstrapNamespaces(api)
  return { api, clock }
}

export function pod(name: string, extra: Record<string, unknown> = {}, ns = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: ns, ...((extra.metadata as object) ?? {}) },
    spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...((extra.spec as object) ?? {}) },
  }
}

export function configMap(name: string, data: Record<string, string> = {}, ns = 'default'): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, data }
}

/** Expect `fn` to throw a StatusError and return its message. */
export function errorOf(fn: () => unknown): { message: string; reason: string; code: number } {
  try {
    fn()
  } catch (e) {
    const s = (e as { status?: { message: string; reason: string; code: number } }).status
    if (!s) throw e
    return s
  }
  throw new Error('expected an error, got none')
}

/** Two made-up kinds that track generation (as apps/v1 kinds do): Widget (spec + status), Gadget (no spec). */
export const TEST_KINDS: KindInfo[] = [
  { group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', singular: 'widget', shortNames: [], namespaced: true, verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], hasStatus: true },
  { group: 'example.com', version: 'v1', kind: 'Gadget', plural: 'gadgets', singular: 'gadget', shortNames: [], namespaced: true, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], hasStatus: false },
]

export function newWidgetServer(seed = 1): { api: ApiServer; clock: VirtualClock } {
  const clock = new VirtualClock()
  const api = new ApiServer({ clock, random: new SeededRandom(seed), kinds: [...KINDS, ...TEST_KINDS] })
  bootstrapNamespaces(api)
  return { api, clock }
}

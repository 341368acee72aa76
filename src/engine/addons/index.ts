// The add-on registry and the code that applies one. System components are created at boot
// (cluster.ts), minikube addons by `minikube addons enable` (worker/minikube).
import type { ApiClient } from '../../api/client'
import { kindByGVK } from '../../api/kinds'
import type { KubeObject } from '../../api/types'
import { isStatusError } from '../../api/errors'
import type { Addon, AddonContext } from './types'
import { INGRESS_ADDON } from './ingress'
import { metallbAddon } from './metallb'

export type { Addon, AddonContext } from './types'

/** minikube addons Kubelab can enable, by name (each file under addons/ adds its entry here). */
export const ADDONS: Record<string, Addon> = {
  ingress: INGRESS_ADDON,
  metallb: metallbAddon,
}

/** Create each object that does not exist yet (an addon enabled twice changes nothing). */
export function applyObjects(api: ApiClient, objects: KubeObject[]): void {
  for (const obj of objects) {
    const kind = kindByGVK(obj.apiVersion, obj.kind)
    if (!kind) throw new Error(`addon object ${obj.kind} ${obj.metadata.name}: kind not served`)
    try {
      api.create(kind.plural, obj)
    } catch (err) {
      if (!(isStatusError(err) && err.status.reason === 'AlreadyExists')) throw err
    }
  }
}

export function enableAddon(api: ApiClient, addon: Addon, ctx: AddonContext): void {
  applyObjects(api, addon.manifests(ctx))
}

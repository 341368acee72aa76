// MetalLB CRD defaults (config/crd metallb.io_ipaddresspools.yaml, v0.13+): the schema defaults
// autoAssign true and avoidBuggyIPs false, so `kubectl get ipaddresspool -o yaml` shows both.
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'

export function defaultIPAddressPool(obj: KubeObject, _ctx: AdmissionContext): void {
  const spec = (obj as Loose).spec
  if (!spec || typeof spec !== 'object') return
  spec.autoAssign ??= true
  spec.avoidBuggyIPs ??= false
}

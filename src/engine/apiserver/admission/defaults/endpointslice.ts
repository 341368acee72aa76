// EndpointSlice defaulting (pkg/apis/discovery/v1 SetDefaults_EndpointPort): name "" and protocol TCP.
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'

export function defaultEndpointSlice(obj: KubeObject, _ctx: AdmissionContext): void {
  for (const p of (obj as Loose).ports ?? []) {
    if (!p || typeof p !== 'object') continue
    p.name ??= ''
    p.protocol ??= 'TCP'
  }
}

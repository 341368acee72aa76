// Endpoints defaulting (pkg/apis/core/v1 SetDefaults_EndpointPort): every port's protocol is TCP
// unless given.
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'

export function defaultEndpoints(obj: KubeObject, _ctx: AdmissionContext): void {
  for (const ss of (obj as Loose).subsets ?? []) for (const p of ss?.ports ?? []) if (p && typeof p === 'object') p.protocol ||= 'TCP'
}

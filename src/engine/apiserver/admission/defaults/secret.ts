// Secret defaulting (SetDefaults_Secret): an unset type is Opaque.
import type { KubeObject } from '../../../../api/types'
import type { Loose } from '../types'

/** The type of a Secret that says none: arbitrary user data. */
export const SECRET_TYPE_OPAQUE = 'Opaque'

export function defaultSecret(obj: KubeObject): void {
  const s = obj as Loose
  if (!s.type) s.type = SECRET_TYPE_OPAQUE
}

// Namespace defaulting: spec.finalizers [kubernetes], status.phase Active on create, and the
// `kubernetes.io/metadata.name` label (SetDefaults_Namespace, always kept equal to the name).
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

/** The finalizer the namespace controller removes once the namespace is empty. */
export const FINALIZER_KUBERNETES = 'kubernetes'
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name'

export function defaultNamespace(obj: KubeObject, ctx: AdmissionContext): void {
  const ns = obj as Loose
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: ns.metadata.name }
  if (ctx.op === 'create') {
    ns.spec = { ...(ns.spec ?? {}), finalizers: ns.spec?.finalizers ?? [FINALIZER_KUBERNETES] }
    ns.status = { phase: 'Active' }
  }
}

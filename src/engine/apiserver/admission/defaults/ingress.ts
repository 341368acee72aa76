// Ingress and IngressClass defaulting. networking/v1 has no SetDefaults for Ingress (pathType
// stays required); IngressClass gets parameters.scope=Cluster. The DefaultIngressClass admission
// plugin (plugin/pkg/admission/network/defaultingressclass) fills spec.ingressClassName on create
// when the Ingress names no class (neither field nor `kubernetes.io/ingress.class` annotation) and
// one IngressClass carries `ingressclass.kubernetes.io/is-default-class: "true"`.
import { forbiddenFor } from '../../../../api/errors'
import type { AdmissionContext, Loose } from '../types'
import type { KubeObject } from '../../../../api/types'

/** The annotation that marks the default IngressClass. */
export const IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class'
/** The legacy class annotation: an Ingress that has it is left alone by the plugin. */
export const LEGACY_CLASS_ANNOTATION = 'kubernetes.io/ingress.class'

export function defaultIngress(obj: KubeObject, ctx: AdmissionContext): void {
  const ing = obj as Loose
  if (ctx.op !== 'create' || !ctx.list) return
  if (ing.spec?.ingressClassName != null) return
  if (ing.metadata?.annotations?.[LEGACY_CLASS_ANNOTATION] !== undefined) return
  const defaults = ctx.list('ingressclasses').filter((c) => c.metadata.annotations?.[IS_DEFAULT_CLASS] === 'true')
  if (!defaults.length) return
  if (defaults.length > 1) {
    throw forbiddenFor('ingresses.networking.k8s.io', ing.metadata?.name ?? '', `Internal error occurred: ${defaults.length} default IngressClasses were found, only 1 allowed`)
  }
  ing.spec = { ...(ing.spec ?? {}), ingressClassName: defaults[0].metadata.name }
}

export function defaultIngressClass(obj: KubeObject): void {
  const params = (obj as Loose).spec?.parameters
  if (params && params.scope == null) params.scope = 'Cluster'
}

// Which Ingresses this controller serves (ingress-nginx v1.10 store.go + ingressclass package),
// given its flags: `--ingress-class=nginx` (the legacy annotation's value),
// `--controller-class=k8s.io/ingress-nginx` (IngressClass.spec.controller),
// `--watch-ingress-without-class` (default false).
import type { Ingress, IngressClass } from '../../../api/types'
import { INGRESS_CLASS_ANNOTATION } from './annotations'

/** ingress-nginx's default --controller-class. */
export const DEFAULT_CONTROLLER_CLASS = 'k8s.io/ingress-nginx'
/** ingress-nginx's default --ingress-class. */
export const DEFAULT_INGRESS_CLASS = 'nginx'
/** The annotation that marks an IngressClass as the cluster default (DefaultIngressClass admission). */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class'

export interface ClassConfig {
  annotationValue: string
  controller: string
  watchWithoutClass: boolean
  /** --ingress-class-by-name: an ingressClassName equal to --ingress-class is enough. */
  byName: boolean
}

export const DEFAULT_CLASS_CONFIG: ClassConfig = {
  annotationValue: DEFAULT_INGRESS_CLASS, controller: DEFAULT_CONTROLLER_CLASS, watchWithoutClass: false, byName: false,
}

/** store.go GetIngressClass's answer: the class name the controller files the Ingress under, or why it ignores it. */
export type ClassVerdict = { ok: true; className: string } | { ok: false; error: string }

/**
 * store.go GetIngressClass: spec.ingressClassName first (it must name an IngressClass in the
 * controller's lister, which holds only classes whose spec.controller is ours, or with
 * --ingress-class-by-name the --ingress-class name); then the `kubernetes.io/ingress.class`
 * annotation (must equal --ingress-class); then, with --watch-ingress-without-class, `_`. The
 * DefaultIngressClass admission plugin fills ingressClassName in when a default class exists.
 */
export function ingressClassOf(ing: Ingress, classes: IngressClass[], cfg: ClassConfig = DEFAULT_CLASS_CONFIG): ClassVerdict {
  const name = ing.spec?.ingressClassName
  if (name != null) {
    const ic = classes.find((c) => c.metadata?.name === name && (c.spec?.controller === cfg.controller || (cfg.byName && name === cfg.annotationValue)))
    return ic ? { ok: true, className: name } : { ok: false, error: `no object matching key "${name}" in local store` }
  }
  const annotation = ing.metadata?.annotations?.[INGRESS_CLASS_ANNOTATION]
  if (annotation !== undefined) {
    return annotation === cfg.annotationValue ? { ok: true, className: annotation } : { ok: false, error: 'ingress class annotation is not equal to the expected by Ingress Controller' }
  }
  return cfg.watchWithoutClass ? { ok: true, className: '_' } : { ok: false, error: 'ingress does not contain a valid IngressClass' }
}

/** Whether the controller takes this Ingress. */
export function isOurIngress(ing: Ingress, classes: IngressClass[], cfg: ClassConfig = DEFAULT_CLASS_CONFIG): boolean {
  return ingressClassOf(ing, classes, cfg).ok
}

/** The IngressClasses marked default (the admission plugin refuses to choose among several). */
export function defaultClasses(classes: IngressClass[]): IngressClass[] {
  return classes.filter((c) => c.metadata?.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true')
}

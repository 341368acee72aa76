// DaemonSet defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_DaemonSet) + the template's pod
// defaults: updateStrategy RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10.
import type { KubeObject } from '../../../../api/types'
import type { AdmissionContext, Loose } from '../types'
import { defaultPodSpec } from './pod'
import { deepEqual } from '../../../../api/objects'

/**
 * The v1 form of DaemonSetSpec.TemplateGeneration: 1 on create, +1 whenever the template changes
 * (the strategy's PrepareForUpdate). The controller stamps it on pods as pod-template-generation.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation'

/** One node's pod replaced at a time. */
export const DS_DEFAULT_MAX_UNAVAILABLE = 1
export const DS_DEFAULT_MAX_SURGE = 0
export const DS_DEFAULT_REVISION_HISTORY_LIMIT = 10

export function defaultDaemonSet(obj: KubeObject, ctx: AdmissionContext): void {
  const spec = ((obj as Loose).spec ??= {})
  const strategy = (spec.updateStrategy ??= {})
  strategy.type ||= 'RollingUpdate'
  if (strategy.type === 'RollingUpdate') {
    strategy.rollingUpdate ??= {}
    strategy.rollingUpdate.maxUnavailable ??= DS_DEFAULT_MAX_UNAVAILABLE
    strategy.rollingUpdate.maxSurge ??= DS_DEFAULT_MAX_SURGE
  }
  spec.revisionHistoryLimit ??= DS_DEFAULT_REVISION_HISTORY_LIMIT
  spec.template ??= {}
  spec.template.metadata ??= {}
  if (!('creationTimestamp' in spec.template.metadata)) spec.template.metadata.creationTimestamp = null
  spec.template.spec ??= {}
  defaultPodSpec(spec.template.spec)
  stampTemplateGeneration(obj, ctx)
}

function stampTemplateGeneration(obj: KubeObject, ctx: AdmissionContext): void {
  const meta = obj.metadata
  if (ctx.op === 'create' || !ctx.old) {
    meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: '1' }
    return
  }
  const old = ctx.old as Loose
  const prev = Number(old.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 0) || 0
  const next = deepEqual(old.spec?.template, (obj as Loose).spec?.template) ? prev : prev + 1
  meta.annotations = { ...(meta.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(next) }
}

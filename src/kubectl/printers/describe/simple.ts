// kubectl describe namespace and configmap (describeNamespace, describeConfigMap).

import type { KubeObject } from '../../../api/types'
import { PrefixWriter, LEVEL_0, LEVEL_1, rfc1123z } from './writer'
import { printLabelsMultiline, printAnnotationsMultiline, describeEvents, searchEvents, type DescribeContext } from './common'

/** Items of a kind in a namespace; [] when the cluster does not serve the kind (as a real one would: none). */
function listOrEmpty(ctx: DescribeContext, plural: string, namespace: string): KubeObject[] {
  try {
    if (!ctx.api.discovery().some((k) => k.plural === plural)) return []
    return ctx.api.list(plural, { namespace }).items
  } catch {
    return []
  }
}

export function describeNamespace(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  const status = (obj.status ?? {}) as { phase?: string; conditions?: Array<{ type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }> }
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n')
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
    for (const c of status.conditions!) {
      w.write(LEVEL_1, `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
    }
  }
  // Quotas and limit ranges are not in the lab yet; a cluster without any prints these lines.
  w.write(LEVEL_0, '\n')
  if (listOrEmpty(ctx, 'resourcequotas', obj.metadata.name ?? '').length === 0) w.write(LEVEL_0, 'No resource quota.\n')
  w.write(LEVEL_0, '\n')
  if (listOrEmpty(ctx, 'limitranges', obj.metadata.name ?? '').length === 0) w.write(LEVEL_0, 'No LimitRange resource.\n')
  return w.toString()
}

export function describeConfigMap(obj: KubeObject, ctx: DescribeContext): string {
  const w = new PrefixWriter()
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`)
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`)
  printLabelsMultiline(w, 'Labels', obj.metadata.labels)
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations)
  // Upstream ranges over Go maps (random order); sorted keys keep the lab deterministic.
  const data = (obj.data ?? {}) as Record<string, string>
  w.write(LEVEL_0, '\nData\n====\n')
  for (const k of Object.keys(data).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`)
    w.write(LEVEL_0, `${data[k]}\n`)
  }
  const binary = (obj.binaryData ?? {}) as Record<string, string>
  w.write(LEVEL_0, '\nBinaryData\n====\n')
  for (const k of Object.keys(binary).sort()) {
    // binaryData is base64 in the API; kubectl prints the decoded length
    const b64 = binary[k].replace(/=+$/, '')
    w.write(LEVEL_0, `${k}: ${Math.floor((b64.length * 3) / 4)} bytes\n`)
  }
  w.write(LEVEL_0, '\n')
  describeEvents(searchEvents(ctx, obj), w, ctx.now)
  return w.toString()
}

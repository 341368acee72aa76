// A read-only ApiClient over a fixed set of objects, for describe tests. Field selectors are
// ignored (describers filter again themselves); writes throw.

import type { ApiClient } from '../../../api/client'
import { KINDS } from '../../../api/kinds'
import type { KubeObject, ObjectList } from '../../../api/types'
import { notFound, methodNotAllowed } from '../../../api/errors'

export function fakeApi(objects: KubeObject[]): ApiClient {
  const pluralOf = (o: KubeObject) => KINDS.find((k) => k.kind === o.kind)?.plural ?? `${o.kind.toLowerCase()}s`
  const readOnly = () => { throw methodNotAllowed('read-only fake') }
  return {
    discovery: () => KINDS,
    get<T extends KubeObject>(resource: string, namespace: string | undefined, name: string): T {
      const o = objects.find((x) => pluralOf(x) === resource && x.metadata.name === name && (!namespace || x.metadata.namespace === namespace))
      if (!o) throw notFound(resource, name)
      return o as T
    },
    list<T extends KubeObject>(resource: string, opts: { namespace?: string } = {}): ObjectList<T> {
      const items = objects.filter((x) => pluralOf(x) === resource && (!opts.namespace || x.metadata.namespace === opts.namespace))
      return { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '1' }, items: items as T[] }
    },
    create: readOnly, update: readOnly, updateStatus: readOnly, patch: readOnly, delete: readOnly, deleteCollection: readOnly,
    watch: () => () => {},
    podLogs: readOnly, podExec: readOnly, podExecSession: readOnly, podPortForward: readOnly,
  }
}

// The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher): every
// namespace holds a ConfigMap `kube-root-ca.crt` with the cluster's CA bundle, which pods mount
// through their kube-api-access projected volume. Deleted or edited, it comes back as it was.
import type { ConfigMap, KubeObject } from '../../api/types'
import { deepEqual } from '../../api/objects'
import { isStatusError } from '../../api/errors'
import type { ApiServer } from '../apiserver'
import { ignoreGoneOrConflict, tryGet } from '../apiserver'
import type { VirtualClock } from '../runtime/clock'
import { WorkQueue } from '../runtime/workqueue'

export const ROOT_CA_CONFIGMAP_NAME = 'kube-root-ca.crt'
export const ROOT_CA_DESCRIPTION_ANNOTATION = 'kubernetes.io/description'
/** The annotation text upstream's publisher writes. */
export const ROOT_CA_DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.'

/**
 * minikube's cluster CA (`minikubeCA`): a fixed, well-formed PEM so `cat ca.crt` in a pod looks as
 * on a node. It secures nothing here; nothing in Kubelab speaks TLS.
 */
export const CLUSTER_CA_PEM = `-----BEGIN CERTIFICATE-----
MIIDBjCCAe6gAwIBAgIBATANBgkqhkiG9w0BAQsFADAVMRMwEQYDVQQDEwptaW5p
a3ViZUNBMB4XDTI1MTIzMTAwMDAwMFoXDTM1MTIzMDAwMDAwMFowFTETMBEGA1UE
AxMKbWluaWt1YmVDQTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMq5
kUbIxWGdGOYbYMGgd3lIVJ2Mc6rXcCqRYeQD8uBBbXbHW0PVcx5MDnOrxBo5XUeQ
o5lXxJ5OPyaLh3WytSYdnbMyXtt2W7VjX1Y9SaN5JzRzzU2s1oPyJ2n1lLdU7IVa
Hn1XO7m4dMt7T7oIoXEGIrWWyb7ahhh0K0x0dSmMsdE5RlsF3c6a1bvlI0zGD4Kd
0wQ0ZK1C3AnqtXP6Tj2pJbB3r7zXPZbD3c5nv8wfq8jsP3uBBoGfdo3u1KeJpLUG
nN0X0LyqRt6hZ9hzL3QkCxX1FgJ3DP8GS5tl3FI8m1s3D6Hmn3wW5JzM0rV6jpXq
BLo1fK5KpP2gV6JgfcECAwEAAaNhMF8wDgYDVR0PAQH/BAQDAgKkMB0GA1UdJQQW
MBQGCCsGAQUFBwMCBggrBgEFBQcDATAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQW
BBQa3I6KJ6S9Xl5mUj7DRo1mXRe8DzANBgkqhkiG9w0BAQsFAAOCAQEAUFc2Q3zE
-----END CERTIFICATE-----
`

function wanted(namespace: string): ConfigMap & KubeObject {
  return {
    apiVersion: 'v1', kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP_NAME, namespace, annotations: { [ROOT_CA_DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': CLUSTER_CA_PEM },
  }
}

export function startRootCACertPublisher(api: ApiServer, clock: VirtualClock, onError?: (name: string, key: string, err: unknown) => void): () => void {
  const queue = new WorkQueue(clock, (ns) => sync(api, ns), 'root-ca-cert-publisher', onError)
  const stop = api.onAnyChange((ev) => {
    if (ev.resource === 'namespaces') { if (ev.type !== 'DELETED') queue.add(ev.object.metadata.name!) }
    else if (ev.object.metadata.name === ROOT_CA_CONFIGMAP_NAME) queue.add(ev.object.metadata.namespace!)
  }, (resource) => resource === 'namespaces' || resource === 'configmaps')
  for (const ns of api.list('namespaces').items) queue.add(ns.metadata.name!)
  return stop
}

function sync(api: ApiServer, namespace: string): void {
  const ns = tryGet(api, { resource: 'namespaces', name: namespace })
  // A terminating namespace refuses new content; the namespace controller is emptying it.
  if (!ns || ns.metadata.deletionTimestamp) return
  const want = wanted(namespace)
  const cm = tryGet(api, { resource: 'configmaps', namespace, name: ROOT_CA_CONFIGMAP_NAME }) as (ConfigMap & KubeObject) | undefined
  if (!cm) {
    try {
      api.create('configmaps', want)
    } catch (e) {
      // Someone created it meanwhile, or the namespace started terminating: nothing to do.
      if (!(isStatusError(e) && (e.status.reason === 'AlreadyExists' || e.status.reason === 'Forbidden'))) throw e
    }
    return
  }
  if (deepEqual(cm.data, want.data) && cm.metadata.annotations?.[ROOT_CA_DESCRIPTION_ANNOTATION] === ROOT_CA_DESCRIPTION) return
  const fixed = { ...cm, data: want.data, binaryData: undefined, metadata: { ...cm.metadata, annotations: { ...cm.metadata.annotations, ...want.metadata.annotations } } }
  ignoreGoneOrConflict(() => api.update('configmaps', fixed))
}

// `minikube service NAME [--url] [-n NAMESPACE]`: a NodePort (or LoadBalancer: it has NodePorts
// too) Service's URLs on the node IP, `http://192.168.49.2:30552`, one per port; without --url the
// table minikube prints before it opens the browser (Kubelab has none to open).
import type { ApiClient } from '../../api/client'
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import type { CommandContext } from '../../shell'
import { renderTable } from './table'
import { EXIT_SVC_NOT_FOUND, EXIT_USAGE, exiting } from './messages'

interface ServicePort { name?: string; port: number; nodePort?: number }

export function serviceCommand(c: CommandContext, api: ApiClient, nodeIP: string, args: string[]): number {
  let namespace = 'default'
  let urlMode = false
  let https = false
  const names: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '--url') urlMode = true
    else if (a === '--https') https = true
    else if (a === '-n' || a === '--namespace') namespace = args[++i] ?? namespace
    else if (a.startsWith('--namespace=')) namespace = a.slice('--namespace='.length)
    else if (a.startsWith('-n=')) namespace = a.slice(3)
    else if (a === 'list') names.push(a)
    else if (!a.startsWith('-')) names.push(a)
  }
  if (names.length !== 1) {
    c.stderr.write(exiting('MK_USAGE', 'You must specify a service name'))
    return EXIT_USAGE
  }
  const name = names[0]
  if (name === 'list') return serviceList(c, api, nodeIP, namespace, args.includes('-n') || args.some((a) => a.startsWith('--namespace')))
  let svc: KubeObject
  try {
    svc = api.get('services', namespace, name)
  } catch (err) {
    if (!isStatusError(err)) throw err
    c.stderr.write(exiting('SVC_NOT_FOUND', `Service '${name}' was not found in '${namespace}' namespace.\nYou may select another namespace by using 'minikube service ${name} -n <namespace>'. Or list out all the services using 'minikube service list'`))
    return EXIT_SVC_NOT_FOUND
  }
  const scheme = https ? 'https' : 'http'
  const ports = ((svc.spec as { ports?: ServicePort[] } | undefined)?.ports ?? []).filter((p) => p.nodePort)
  const urls = ports.map((p) => `${scheme}://${nodeIP}:${p.nodePort}`)
  if (urls.length === 0) {
    if (!urlMode) c.stdout.write(renderTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[namespace, name, '', 'No node port']]))
    c.stderr.write(`😿  service ${namespace}/${name} has no node port\n`)
    return 0
  }
  if (urlMode) {
    c.stdout.write(urls.map((u) => `${u}\n`).join(''))
    return 0
  }
  const portNames = ports.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port)))
  c.stdout.write(renderTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], [[namespace, name, portNames.join('\n'), urls.join('\n')]]))
  c.stdout.write(`🎉  Opening service ${namespace}/${name} in default browser...\n`)
  return 0
}

/** `minikube service list [-n ns]`: every Service with its node-port URLs (`No node port` otherwise). */
function serviceList(c: CommandContext, api: ApiClient, nodeIP: string, namespace: string, scoped: boolean): number {
  const items = api.list('services', scoped ? { namespace } : {}).items
  items.sort((a, b) => (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || a.metadata.name!.localeCompare(b.metadata.name!))
  const rows = items.map((s) => {
    const ports = (s.spec as { ports?: ServicePort[] } | undefined)?.ports ?? []
    const withNode = ports.filter((p) => p.nodePort)
    if (withNode.length === 0) return [s.metadata.namespace ?? '', s.metadata.name!, '', 'No node port']
    return [
      s.metadata.namespace ?? '', s.metadata.name!,
      withNode.map((p) => (p.name ? `${p.name}/${p.port}` : String(p.port))).join('\n'),
      withNode.map((p) => `http://${nodeIP}:${p.nodePort}`).join('\n'),
    ]
  })
  c.stdout.write(renderTable(['NAMESPACE', 'NAME', 'TARGET PORT', 'URL'], rows))
  return 0
}

// kubectl expose (-f FILENAME | TYPE NAME) [--port] [--protocol] [--target-port] [--name] [--type] ...
// Upstream (v1.30): staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go (RunExpose, createService)
// and polymorphichelpers (canBeExposed, mapBasedSelectorForObject, portsForObject,
// multiProtocolsForObject). The Flags/Options version returns plain errors (no usage hint).
import type { KubeObject } from '../../api/types'
import type { KindInfo } from '../../api/kinds'
import { jsonMergePatch, strategicMergePatch, jsonPatch } from '../../api/merge'
import { flagArr, flagBool, flagStr } from '../argv'
import { withLastApplied } from '../apply/lastapplied'
import { loadPlaced } from '../apply/objects'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { kindSlashName, parseResourceArgs } from '../resources'
import { printObjects } from '../printers/index'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, dryRunOf, dryRunSuffix, printErrors } from './common'
import { NO_RESOURCES, groupKind } from './workloads'
import { goAtoi, parseIntOrString } from './service-ports'

/** validation.DNS1035LabelMaxLength: the default name is the object's, cut to 63 characters. */
const DNS1035_LABEL_MAX = 63
/** What `kubectl expose` can expose (canBeExposed). */
const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment.apps', 'ReplicaSet.apps'])

type Loose = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
interface Requirement { key: string; operator: string; values?: string[] }

/** Go's %+v of []metav1.LabelSelectorRequirement: `[{Key:tier Operator:In Values:[a b]}]`. */
function goRequirements(reqs: Requirement[]): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`
}

/** MakeLabels: `k=v,k2=v2` (Go ranges over a map: the order carries no meaning). */
const makeLabels = (m: Record<string, string> | undefined) => Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`).join(',')

/** mapBasedSelectorForObject. */
function selectorFor(obj: Loose): string {
  switch (obj.kind) {
    case 'ReplicationController': return makeLabels(obj.spec?.selector)
    case 'Pod':
      if (Object.keys(obj.metadata?.labels ?? {}).length === 0) throw new Error('the pod has no labels and cannot be exposed')
      return makeLabels(obj.metadata.labels)
    case 'Service':
      if (obj.spec?.selector === undefined || obj.spec?.selector === null) throw new Error('the service has no pod selector set')
      return makeLabels(obj.spec.selector)
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = obj.spec?.selector
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset'
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`)
      if ((sel.matchExpressions ?? []).length > 0) throw new Error(`couldn't convert expressions - "${goRequirements(sel.matchExpressions)}" to map-based selector format`)
      return makeLabels(sel.matchLabels)
    }
  }
  throw new Error(`cannot extract pod selector from ${obj.kind}`)
}

/** The pod spec whose containers' ports portsForObject / multiProtocolsForObject read. */
function podSpec(obj: Loose): Loose | undefined {
  return obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec
}

/** portsForObject: container ports (or a Service's ports), as strings, duplicates kept. */
function portsFor(obj: Loose): string[] {
  if (obj.kind === 'Service') return (obj.spec?.ports ?? []).map((p: Loose) => String(p.port))
  return (podSpec(obj)?.containers ?? []).flatMap((c: Loose) => (c.ports ?? []).map((p: Loose) => String(p.containerPort)))
}

/** multiProtocolsForObject: port → protocols (empty protocol means TCP). */
function protocolsFor(obj: Loose): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const add = (port: unknown, protocol: unknown) => {
    const k = String(port)
    out.set(k, [...(out.get(k) ?? []), typeof protocol === 'string' && protocol ? protocol : 'TCP'])
  }
  if (obj.kind === 'Service') for (const p of obj.spec?.ports ?? []) add(p.port, p.protocol)
  else for (const c of podSpec(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol)
  return out
}

/** parseLabels (expose's own): `a=b,c=d`; every pair needs exactly one '=' and a key. */
function parseLabels(spec: string): Record<string, string> {
  if (spec.length === 0) throw fail('no label spec passed')
  const out: Record<string, string> = {}
  for (const pair of spec.split(',')) {
    const kv = pair.split('=')
    if (kv.length !== 2) throw fail(`unexpected label spec: ${pair}`)
    if (kv[0].length === 0) throw fail('unexpected empty label key')
    out[kv[0]] = kv[1]
  }
  return out
}

interface ExposeOpts {
  name: string; defaultName: string; selector: string; port: string; ports: string; labels: string
  externalIP: string; loadBalancerIP: string; type: string; protocol: string; protocols: Map<string, string[]>
  targetPort: string; sessionAffinity: string; clusterIP: string
}

/** createService: the Service as kubectl builds it before sending. */
export function buildExposedService(o: ExposeOpts): KubeObject {
  if (o.selector.length === 0) throw fail('selector must be specified')
  const selector = parseLabels(o.selector)
  const labels = o.labels.length > 0 ? parseLabels(o.labels) : undefined
  const name = o.name || o.defaultName
  if (!name) throw fail('name must be specified')
  const portString = o.ports || o.port
  const ports: Loose[] = []
  if (portString) {
    const list = portString.split(',')
    list.forEach((s, i) => {
      const port = goAtoi(s)
      // Several ports need distinct names: port-1, port-2...
      const portName = list.length > 1 ? `port-${i + 1}` : ''
      let protocol = o.protocol
      if (!protocol && o.protocols.size === 0) protocol = 'TCP'
      else if (!protocol) {
        protocol = 'TCP'
        const found = o.protocols.get(s)
        if (found && found.length === 1) protocol = found[0]
        else if (found) {
          // One container port served over several protocols: one service port per protocol.
          for (const proto of found) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port, protocol: proto })
          return
        }
      }
      ports.push({ ...(portName ? { name: portName } : {}), port, protocol })
    })
  }
  for (const p of ports) p.targetPort = o.targetPort ? parseIntOrString(o.targetPort) : p.port
  const spec: Loose = { ports, selector }
  if (o.externalIP) spec.externalIPs = [o.externalIP]
  if (o.type) spec.type = o.type
  if (spec.type === 'LoadBalancer' && o.loadBalancerIP) spec.loadBalancerIP = o.loadBalancerIP
  if (o.sessionAffinity) {
    if (o.sessionAffinity !== 'None' && o.sessionAffinity !== 'ClientIP') throw fail(`unknown session affinity: ${o.sessionAffinity}`)
    spec.sessionAffinity = o.sessionAffinity
  }
  if (o.clusterIP) spec.clusterIP = o.clusterIP
  if (ports.length === 0) delete spec.ports
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { creationTimestamp: null as unknown as string, ...(labels ? { labels } : {}), name },
    spec,
    status: { loadBalancer: {} },
  }
}

/** --overrides with --override-type (OverrideOptions): merge (default), strategic or json. */
function applyOverrides(inv: Invocation, obj: KubeObject): KubeObject {
  const inline = flagStr(inv.args, 'overrides') ?? ''
  if (!inline) return obj
  const type = flagStr(inv.args, 'override-type') ?? 'merge'
  let patch: unknown
  try { patch = JSON.parse(inline) } catch (e) { throw fail(`invalid JSON Patch`) }
  switch (type) {
    case 'merge': return jsonMergePatch(obj as never, patch as never) as unknown as KubeObject
    case 'strategic': return strategicMergePatch(obj as never, patch as never) as unknown as KubeObject
    case 'json': return jsonPatch(obj as never, patch) as unknown as KubeObject
  }
  throw fail(`--override-type must be one of (json, merge, strategic), not "${type}"`)
}

interface Exposed { kind: KindInfo; obj: KubeObject }

async function targetsOf(inv: Invocation): Promise<Exposed[]> {
  const p = inv.args
  if (flagArr(p, 'filename').length > 0) {
    const { items, errs } = await loadPlaced(inv)
    if (errs.length > 0) { printErrors(inv, errs); throw new CmdError('', 1) }
    return items.map((it) => ({ kind: it.kind, obj: it.obj as KubeObject }))
  }
  if (p.positional.length === 0) throw new CmdError(NO_RESOURCES)
  const out: Exposed[] = []
  const ns = inv.target().namespace
  for (const r of parseResourceArgs(inv.api.discovery(), p.positional)) {
    if (r.names.length === 0) throw fail('resource(s) were provided, but no name was specified')
    for (const name of r.names) out.push({ kind: r.kind, obj: inv.api.get(r.kind.plural, r.kind.namespaced ? ns : undefined, name) })
  }
  return out
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const dry = dryRunOf(p)
  const output = flagStr(p, 'output')
  const target = inv.target()
  const targets = await targetsOf(inv)
  for (const { kind, obj } of targets) {
    if (!EXPOSABLE.has(groupKind(kind))) throw fail(`cannot expose a ${groupKind(kind)}`)
    const o: ExposeOpts = {
      name: flagStr(p, 'name') ?? '', defaultName: (obj.metadata.name ?? '').slice(0, DNS1035_LABEL_MAX),
      selector: flagStr(p, 'selector') ?? '', port: flagStr(p, 'port') ?? '', ports: '', labels: flagStr(p, 'labels') ?? '',
      externalIP: flagStr(p, 'external-ip') ?? '', loadBalancerIP: flagStr(p, 'load-balancer-ip') ?? '', type: flagStr(p, 'type') ?? '',
      protocol: flagStr(p, 'protocol') ?? '', protocols: new Map(), targetPort: flagStr(p, 'target-port') ?? '',
      sessionAffinity: flagStr(p, 'session-affinity') ?? '', clusterIP: flagStr(p, 'cluster-ip') ?? '',
    }
    if (!o.selector) {
      try { o.selector = selectorFor(obj) } catch (e) { throw fail(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`) }
    }
    if (!o.port) {
      const ports = portsFor(obj)
      if (ports.length === 0 && o.clusterIP !== 'None') throw fail("couldn't find port via --port flag or introspection")
      if (ports.length === 1) o.port = ports[0]
      else if (ports.length > 1) o.ports = ports.join(',')
    }
    o.protocols = protocolsFor(obj)
    if (!o.labels) o.labels = makeLabels(obj.metadata.labels)
    let svc = applyOverrides(inv, buildExposedService(o))
    if (dry === 'client') {
      if (target.namespaceExplicit) svc.metadata = { ...svc.metadata, namespace: target.namespace }
    } else {
      if (flagBool(p, 'save-config')) svc = withLastApplied(svc).modified
      const { creationTimestamp: _ct, ...meta } = svc.metadata
      const request: KubeObject = { ...svc, metadata: { ...meta, namespace: target.namespace } }
      delete request.status
      svc = inv.api.create('services', request, { dryRun: dry === 'server' ? 'All' : undefined, fieldManager: flagStr(p, 'field-manager') ?? 'kubectl-expose' })
    }
    if (output) {
      const res = printObjects([svc], { output, now: inv.ctx.clock.now(), asList: false })
      if ('error' in res) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
      inv.ctx.stdout.write(res.text)
    } else {
      const svcKind = inv.api.discovery().find((k) => k.kind === 'Service')!
      inv.out(`${kindSlashName(svcKind, svc.metadata.name ?? '')} exposed${dryRunSuffix(dry)}`)
    }
  }
  return 0
}

export const exposeCommand: Cmd = {
  name: 'expose',
  help: {
    short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
    long: `Expose a resource as a new Kubernetes service.

 Looks up a deployment, service, replica set, replication controller or pod by name and uses the selector for that resource as the selector for a new service on the specified port. A deployment or replica set will be exposed as a service only if its selector is convertible to a selector that service supports, i.e. when the selector contains only the matchLabels component. Note that if no port is specified via --port and the exposed resource has multiple ports, all will be re-used by the new service. Also if no labels are specified, the new service will re-use the labels from the resource it exposes.

 Possible resources include (case insensitive):

 pod (po), service (svc), replicationcontroller (rc), deployment (deploy), replicaset (rs)`,
    examples: `  # Create a service for a replicated nginx, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rc nginx --port=80 --target-port=8000

  # Create a service for a replication controller identified by type and name specified in "nginx-controller.yaml", which serves on port 80 and connects to the containers on port 8000
  kubectl expose -f nginx-controller.yaml --port=80 --target-port=8000

  # Create a service for a pod valid-pod, which serves on port 444 with the name "frontend"
  kubectl expose pod valid-pod --port=444 --name=frontend

  # Create a second service based on the above service, exposing the container port 8443 as port 443 with the name "nginx-https"
  kubectl expose service nginx --port=443 --target-port=8443 --name=nginx-https

  # Create a service for a replicated streaming application on port 4100 balancing UDP traffic and named 'video-stream'.
  kubectl expose rc streamer --port=4100 --protocol=UDP --name=video-stream

  # Create a service for a replicated nginx using replica set, which serves on port 80 and connects to the containers on port 8000
  kubectl expose rs nginx --port=80 --target-port=8000

  # Create a service for an nginx deployment, which serves on port 80 and connects to the containers on port 8000
  kubectl expose deployment nginx --port=80 --target-port=8000`,
    usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  },
  flags: [
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    DRY_RUN_FLAG,
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service. If this IP is routed to a node, the service can be accessed by this IP in addition to its generated service IP.' },
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-expose' },
    { ...FILENAME_FLAG, usage: 'Filename, directory, or URL to files identifying the resource to expose a service' },
    { name: 'labels', short: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer. If empty, an ephemeral IP will be created and used (cloud-provider specific).' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    OUTPUT_FLAG,
    { name: 'override-type', type: 'string', default: "'merge'", usage: 'The method used to override the generated object: json, merge, or strategic.' },
    { name: 'overrides', type: 'string', usage: 'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.' },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on. Copied from the resource being exposed, if unspecified' },
    { name: 'protocol', type: 'string', usage: "The network protocol for the service to be created. Default is 'TCP'." },
    { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.' },
    RECURSIVE_FLAG,
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service. Only equality-based selector requirements are supported. If empty (the default) infer the selector from the replication controller or replica set.)' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to. Optional.' },
    { name: 'type', type: 'string', usage: "Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'." },
  ],
  run,
}

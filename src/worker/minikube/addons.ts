// `minikube addons list|enable|disable`: the addons Kubelab has (engine/addons ADDONS: ingress,
// metallb, … as their files register) plus minikube's always-on default-storageclass and
// storage-provisioner. The table lists only those; minikube's other addons are named plainly as
// not supported in Kubelab yet, and a name minikube does not know fails as minikube fails.
import type { ApiClient } from '../../api/client'
import { kindByGVK } from '../../api/kinds'
import { isStatusError } from '../../api/errors'
import type { KubeObject } from '../../api/types'
import { ADDONS, enableAddon, type Addon, type AddonContext } from '../../engine/addons'
import type { CommandContext } from '../../shell'
import { renderTable } from './table'
import { EXIT_PROGRAM_ERROR, EXIT_USAGE, PROFILE, exiting } from './messages'

/** Always enabled on a minikube cluster (the storage provisioner pod and the `standard` StorageClass). */
const BUILTIN: { name: string; maintainer: string }[] = [
  { name: 'default-storageclass', maintainer: 'Kubernetes' },
  { name: 'storage-provisioner', maintainer: 'minikube' },
]

/** minikube v1.33's other addons: known names Kubelab cannot enable yet. */
export const MINIKUBE_ADDON_NAMES = [
  'ambassador', 'auto-pause', 'cloud-spanner', 'csi-hostpath-driver', 'dashboard', 'default-storageclass', 'efk',
  'freshpod', 'gcp-auth', 'gvisor', 'headlamp', 'helm-tiller', 'inaccel', 'ingress', 'ingress-dns', 'inspektor-gadget',
  'istio', 'istio-provisioner', 'kong', 'kubeflow', 'kubevirt', 'logviewer', 'metallb', 'metrics-server',
  'nvidia-device-plugin', 'nvidia-driver-installer', 'nvidia-gpu-device-plugin', 'olm', 'pod-security-policy',
  'portainer', 'registry', 'registry-aliases', 'registry-creds', 'storage-provisioner', 'storage-provisioner-gluster',
  'storage-provisioner-rancher', 'volcano', 'volumesnapshots', 'yakd',
]

/** Maintainers minikube itself answers for (the 💡 line); others are 3rd party (the ❗ lines). */
const FIRST_PARTY = new Set(['Kubernetes', 'minikube', 'Google'])

const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'StatefulSet'])

function exists(api: ApiClient, obj: KubeObject): boolean {
  const kind = kindByGVK(obj.apiVersion, obj.kind)
  if (!kind) return false
  try {
    api.get(kind.plural, kind.namespaced ? obj.metadata.namespace ?? 'default' : undefined, obj.metadata.name!)
    return true
  } catch (err) {
    if (isStatusError(err)) return false
    throw err
  }
}

/** Enabled = its workloads exist (Jobs the addon runs once may be gone; the controller stays). */
export function addonEnabled(api: ApiClient, addon: Addon, ctx: AddonContext): boolean {
  const objects = addon.manifests(ctx)
  const workloads = objects.filter((o) => WORKLOADS.has(o.kind))
  const probe = workloads.length > 0 ? workloads : objects.slice(0, 1)
  return probe.length > 0 && probe.every((o) => exists(api, o))
}

/** Container images of the addon's pod templates, in manifest order (`▪ Using image …`). */
function images(objects: KubeObject[]): string[] {
  const out: string[] = []
  for (const o of objects) {
    const spec = o.spec as { template?: { spec?: PodSpecLike }; jobTemplate?: { spec?: { template?: { spec?: PodSpecLike } } } } | undefined
    const pod = spec?.template?.spec ?? spec?.jobTemplate?.spec?.template?.spec
    for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) if (c.image) out.push(c.image.replace(/@sha256:[0-9a-f]+$/, ''))
  }
  return out
}
interface PodSpecLike { containers?: { image?: string }[]; initContainers?: { image?: string }[] }

export function addonsList(api: ApiClient, ctx: AddonContext): string {
  const rows: { name: string; enabled: boolean; maintainer: string }[] = BUILTIN.map((b) => ({ ...b, enabled: true }))
  for (const a of Object.values(ADDONS)) rows.push({ name: a.name, enabled: addonEnabled(api, a, ctx), maintainer: a.maintainer })
  rows.sort((a, b) => a.name.localeCompare(b.name))
  // minikube pads the disabled icon with three spaces ("emoji indentation is different").
  const status = (on: boolean) => (on ? 'enabled ✅' : 'disabled    ')
  return renderTable(['Addon Name', 'Profile', 'Status', 'Maintainer'], rows.map((r) => [r.name, PROFILE, status(r.enabled), r.maintainer]))
}

function maintainerLines(addon: { name: string; maintainer: string }): string[] {
  if (FIRST_PARTY.has(addon.maintainer)) {
    return [
      `💡  ${addon.name} is an addon maintained by ${addon.maintainer}. For any concerns contact minikube on GitHub.`,
      'You can view the list of minikube maintainers at: https://github.com/kubernetes/minikube/blob/master/OWNERS',
    ]
  }
  return [
    `❗  ${addon.name} is a 3rd party addon and is not maintained or verified by minikube maintainers, enable at your own risk.`,
    `❗  ${addon.name} does not currently have an associated maintainer.`,
  ]
}

/** Addons whose enable waits for their pods (minikube's `Verifying … addon...` step). */
const VERIFIED = new Set(['ingress', 'registry', 'gcp-auth'])

function unknownOrUnsupported(c: CommandContext, name: string, verb: 'enable' | 'disable'): number {
  if (MINIKUBE_ADDON_NAMES.includes(name)) {
    c.stderr.write(`❗  The '${name}' addon is not supported in Kubelab yet\n`)
    return EXIT_PROGRAM_ERROR
  }
  const reason = verb === 'enable' ? 'MK_ADDON_ENABLE' : 'MK_ADDON_DISABLE'
  c.stderr.write(exiting(reason, `${verb} failed: set: ${name} is not a valid addon`))
  return EXIT_PROGRAM_ERROR
}

export function addonsEnable(c: CommandContext, api: ApiClient, ctx: AddonContext, name: string): number {
  const builtin = BUILTIN.find((b) => b.name === name)
  if (builtin) {
    c.stdout.write(`🌟  The '${name}' addon is enabled\n`)
    return 0
  }
  const addon = ADDONS[name]
  if (!addon) return unknownOrUnsupported(c, name, 'enable')
  const lines = maintainerLines(addon)
  if (addon.enableNotes) {
    // The addon spells its own lines (images, `🔎  Verifying …`), as minikube prints them.
    lines.push(...addon.enableNotes)
  } else {
    for (const image of images(addon.manifests(ctx))) lines.push(`    ▪ Using image ${image}`)
    if (VERIFIED.has(name)) lines.push(`🔎  Verifying ${name} addon...`)
  }
  c.stdout.write(lines.join('\n') + '\n')
  try {
    enableAddon(api, addon, ctx)
  } catch (err) {
    c.stderr.write(exiting('MK_ADDON_ENABLE', `enable failed: run callbacks: ${err instanceof Error ? err.message : String(err)}`))
    return EXIT_PROGRAM_ERROR
  }
  c.stdout.write(`🌟  The '${name}' addon is enabled\n`)
  return 0
}

export function addonsDisable(c: CommandContext, api: ApiClient, ctx: AddonContext, name: string): number {
  if (BUILTIN.some((b) => b.name === name)) {
    c.stderr.write(`❗  Disabling the '${name}' addon is not supported in Kubelab yet\n`)
    return EXIT_PROGRAM_ERROR
  }
  const addon = ADDONS[name]
  if (!addon) return unknownOrUnsupported(c, name, 'disable')
  // minikube deletes the addon's manifests (kubectl delete -f): objects inside namespaces first,
  // then cluster-scoped ones and the namespaces themselves.
  const objects = addon.manifests(ctx).slice().reverse()
  for (const obj of objects) {
    const kind = kindByGVK(obj.apiVersion, obj.kind)
    if (!kind) continue
    try {
      api.delete(kind.plural, kind.namespaced ? obj.metadata.namespace ?? 'default' : undefined, obj.metadata.name!, { propagationPolicy: 'Background' })
    } catch (err) {
      if (!isStatusError(err)) throw err
    }
  }
  // A stray quote that minikube's disable message really prints.
  c.stdout.write(`🌑  "The '${name}' addon is disabled\n`)
  return 0
}

export function addonsCommand(c: CommandContext, api: ApiClient, ctx: AddonContext, args: string[]): number {
  const [verb, ...rest] = args
  if (verb === 'list' || verb === 'ls') {
    c.stdout.write(addonsList(api, ctx))
    return 0
  }
  if (verb === 'enable' || verb === 'disable') {
    const names = rest.filter((a) => !a.startsWith('-'))
    if (names.length !== 1) {
      c.stderr.write(exiting('MK_USAGE', `usage: minikube addons ${verb} ADDON_NAME`))
      return EXIT_USAGE
    }
    return verb === 'enable' ? addonsEnable(c, api, ctx, names[0]) : addonsDisable(c, api, ctx, names[0])
  }
  if (verb === undefined) {
    c.stdout.write(ADDONS_HELP)
    return 0
  }
  if (['configure', 'images', 'open'].includes(verb)) {
    c.stderr.write(`❗  'minikube addons ${verb}' is not supported in Kubelab yet\n`)
    return EXIT_PROGRAM_ERROR
  }
  c.stderr.write(`Error: unknown command "${verb}" for "minikube addons"\nRun 'minikube addons --help' for usage.\n`)
  return EXIT_USAGE
}

const ADDONS_HELP = `addons modifies minikube addons files using subcommands like "minikube addons enable dashboard"

Available Commands:
  configure   Configures the addon w/ADDON_NAME within minikube (example: minikube addons configure registry-creds). For a list of available addons use: minikube addons list
  disable     Disables the addon w/ADDON_NAME within minikube (example: minikube addons disable dashboard). For a list of available addons use: minikube addons list
  enable      Enables the addon w/ADDON_NAME within minikube. For a list of available addons use: minikube addons list 
  images      List image names the addon w/ADDON_NAME used. For a list of available addons use: minikube addons list
  list        Lists all available minikube addons as well as their current statuses (enabled/disabled)
  open        Opens the addon w/ADDON_NAME within minikube (example: minikube addons open dashboard). For a list of available addons use: minikube addons list

Use "minikube <command> --help" for more information about a given command.
`

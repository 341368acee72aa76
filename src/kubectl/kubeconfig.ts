// The kubeconfig file: read from the workspace on every invocation ($KUBECONFIG, else
// $HOME/.kube/config), written back by `config set-context` / `use-context`.
import { parse, stringify } from 'yaml'
import type { FileSystem } from './context'
import { CmdError, fail } from './errors'

export interface NamedContext { name: string; context: { cluster?: string; user?: string; namespace?: string } }
export interface NamedCluster { name: string; cluster: { server?: string; 'certificate-authority'?: string; [k: string]: unknown } }
export interface NamedUser { name: string; user: Record<string, unknown> }

export interface Kubeconfig {
  apiVersion: string
  kind: string
  clusters: NamedCluster[]
  contexts: NamedContext[]
  'current-context': string
  preferences: Record<string, unknown>
  users: NamedUser[]
}

export const LEARNER_HOME = '/home/learner'
/** The API server address minikube's docker driver gives the control plane. */
export const CONTROL_PLANE_URL = 'https://192.168.49.2:8443'

/** What `minikube start` writes to ~/.kube/config (namespace unset: "default" is implied). */
export function defaultKubeconfig(home = LEARNER_HOME): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority: ${home}/.minikube/ca.crt
    server: ${CONTROL_PLANE_URL}
  name: minikube
contexts:
- context:
    cluster: minikube
    user: minikube
  name: minikube
current-context: minikube
kind: Config
preferences: {}
users:
- name: minikube
  user:
    client-certificate: ${home}/.minikube/profiles/minikube/client.crt
    client-key: ${home}/.minikube/profiles/minikube/client.key
`
}

export interface LoadedConfig {
  path: string
  /** Undefined when no file exists (kubectl then falls back to localhost:8080). */
  config?: Kubeconfig
}

function resolvePath(p: string, cwd: string): string {
  return p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`
}

/** Which file kubectl reads: --kubeconfig, else the first existing $KUBECONFIG entry, else ~/.kube/config. */
export function kubeconfigPath(env: Record<string, string>, cwd: string, explicit?: string): string {
  if (explicit) return resolvePath(explicit, cwd)
  const list = (env.KUBECONFIG ?? '').split(':').filter(Boolean)
  if (list.length > 0) return resolvePath(list[0], cwd)
  return `${env.HOME || LEARNER_HOME}/.kube/config`
}

export function loadKubeconfig(fs: FileSystem, env: Record<string, string>, cwd: string, explicit?: string): LoadedConfig {
  const path = kubeconfigPath(env, cwd, explicit)
  const text = fs.readFile(path)
  if (text === undefined || fs.isDir(path)) {
    // An explicit --kubeconfig that is missing is an error; a missing default file is not.
    if (explicit) throw fail(`stat ${explicit}: no such file or directory`)
    return { path }
  }
  let doc: unknown
  try {
    doc = text.trim() === '' ? {} : parse(text)
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e)
    throw fail(`error loading config file "${path}": ${msg}`)
  }
  if (doc === null || doc === undefined) doc = {}
  if (typeof doc !== 'object' || Array.isArray(doc)) {
    throw fail(`error loading config file "${path}": couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(doc) ? 'array' : typeof doc} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`)
  }
  const d = doc as Partial<Kubeconfig>
  return {
    path,
    config: {
      apiVersion: d.apiVersion ?? 'v1',
      kind: d.kind ?? 'Config',
      clusters: Array.isArray(d.clusters) ? d.clusters : [],
      contexts: Array.isArray(d.contexts) ? d.contexts : [],
      'current-context': typeof d['current-context'] === 'string' ? d['current-context'] : '',
      preferences: d.preferences ?? {},
      users: Array.isArray(d.users) ? d.users : [],
    },
  }
}

export function saveKubeconfig(fs: FileSystem, path: string, cfg: Kubeconfig): void {
  const dir = path.slice(0, path.lastIndexOf('/'))
  if (dir && !fs.exists(dir)) fs.mkdir(dir, { recursive: true })
  fs.writeFile(path, stringify(cfg, { indentSeq: false }))
}

/** kubectl's answer when no usable cluster is configured. */
export const CONNECTION_REFUSED = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?'

export interface Target {
  contextName: string
  namespace: string
  /** True when -n was given (kubectl then enforces it against manifests). */
  namespaceExplicit: boolean
  server: string
}

/**
 * The cluster a command talks to. Throws kubectl's errors for a bad --context and the
 * localhost:8080 refusal when nothing is configured.
 */
export function resolveTarget(loaded: LoadedConfig, contextFlag: string | undefined, nsFlag: string | undefined): Target {
  const cfg = loaded.config
  const name = contextFlag || cfg?.['current-context'] || ''
  // No context at all: clientcmd falls back to its default, http://localhost:8080.
  if (!name) throw new CmdError(CONNECTION_REFUSED)
  const ctx = cfg?.contexts.find((c) => c.name === name)
  // clientcmd's validation errors, as kubectl's checkErr prints IsConfigurationInvalid.
  if (!ctx) throw new CmdError(`Error in configuration: context was not found for specified context: ${name}`)
  const cluster = cfg?.clusters.find((c) => c.name === ctx.context?.cluster)
  if (!cluster) throw new CmdError(`Error in configuration: \n* context "${name}" has a cluster "${ctx.context?.cluster ?? ''}" which doesn't exist\n* cluster has no server defined`)
  if (!cluster.cluster?.server) throw new CmdError('Error in configuration: cluster has no server defined')
  const namespace = nsFlag || ctx.context?.namespace || 'default'
  return { contextName: name, namespace, namespaceExplicit: !!nsFlag, server: cluster.cluster.server }
}

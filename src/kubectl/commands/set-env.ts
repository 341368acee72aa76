// kubectl set env RESOURCE/NAME KEY=VAL ... KEY- [-c NAME] [--list] [--overwrite=false].
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/set/set_env.go and set/env/env_parse.go.
import type { KubeObject } from '../../api/types'
import { flagArr, flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAG, OUTPUT_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG } from './common'
import { ALL_FLAG, matchGlob, runSetter } from './set-common'
import { podSpecOf, resolveTargets } from './workloads'

interface EnvVar { name: string; value?: string; valueFrom?: Record<string, Record<string, string> | undefined> }

/** validation.IsEnvVarName. */
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/
const ENV_NAME_MSG = "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"

/** SplitEnvironmentFromResources: resources, then KEY=VAL / KEY- words; anything after those is a usage error. */
function splitEnv(args: string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = []
  const envArgs: string[] = []
  for (const s of args) {
    const isEnv = /^(.+)=(.*)$/s.test(s) || s.endsWith('-')
    if (isEnv) { envArgs.push(s); continue }
    if (envArgs.length > 0) throw new CmdError(`error: all resources must be specified before environment changes: ${args.join(' ')}\nSee 'kubectl set env -h' for help and examples`)
    resources.push(s)
  }
  return { resources, envArgs }
}

/** envutil.ParseEnv without stdin: additions in order, and removals. */
function parseEnv(spec: string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = []
  const remove: string[] = []
  for (const s of spec) {
    if (s === '-') throw fail('reading environment variables from stdin (--env -) is not supported in Kubelab yet')
    if (s.includes('=')) {
      const i = s.indexOf('=')
      const name = s.slice(0, i)
      if (!ENV_NAME.test(name)) throw fail(`${JSON.stringify(name)} is not a valid key name: ${ENV_NAME_MSG}`)
      env.push({ name, value: s.slice(i + 1) })
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1))
    else throw fail(`unknown environment variable: ${s}`)
  }
  if (remove.some((r) => env.some((e) => e.name === r))) throw fail('can not both modify and remove an environment variable in the same command')
  return { env, remove }
}

/** updateEnv: existing order kept, replaced in place, new ones appended, removals dropped. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove)
  const out: EnvVar[] = []
  for (const e of existing) {
    if (covered.has(e.name)) continue
    const newer = env.find((n) => n.name === e.name)
    if (newer) { covered.add(e.name); out.push(newer); continue }
    out.push(e)
  }
  for (const e of env) { if (!covered.has(e.name)) { covered.add(e.name); out.push(e) } }
  return out
}

/** GetEnvVarRefString. */
function refString(from: EnvVar['valueFrom']): string {
  if (from?.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`
  if (from?.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`
  if (from?.fieldRef) return `field path ${from.fieldRef.fieldPath}`
  if (from?.resourceFieldRef) return `resource field ${from.resourceFieldRef.containerName ? `${from.resourceFieldRef.containerName}/` : ''}${from.resourceFieldRef.resource}`
  return 'invalid valueFrom'
}

/** keyToEnvName: `app.color` → `APP_COLOR`. */
const keyToEnvName = (key: string) => key.replace(/[^a-zA-Z0-9_]/g, '_').toUpperCase()

/** --from=configmap/NAME|secret/NAME [--keys=a,b]: one valueFrom variable per key (sorted; Go's map order is random). */
async function envFrom(inv: Invocation, from: string, keys: string[]): Promise<EnvVar[]> {
  const out: EnvVar[] = []
  for (const t of await resolveTargets(inv, { args: [from] })) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    const ref = obj.kind === 'ConfigMap' ? 'configMapKeyRef' : obj.kind === 'Secret' ? 'secretKeyRef' : undefined
    if (!ref) throw fail('unsupported resource specified in --from')
    const data = (obj.data ?? {}) as Record<string, string>
    for (const key of Object.keys(data).sort()) {
      if (keys.length > 0 && !keys.includes(key)) continue
      out.push({ name: keyToEnvName(key), valueFrom: { [ref]: { key, name: t.name } } })
    }
  }
  return out
}

function selected(obj: KubeObject, selector: string): Array<Record<string, unknown>> {
  const spec = podSpecOf(obj)
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].filter((c) => matchGlob(selector, String(c.name)))
}

async function list(inv: Invocation, resources: string[], selector: string): Promise<number> {
  inv.target()
  for (const t of await resolveTargets(inv, { args: resources })) {
    const obj = inv.api.get(t.kind.plural, t.ns, t.name)
    for (const c of selected(obj, selector)) {
      inv.out(`# ${obj.kind} ${t.name}, container ${String(c.name)}`)
      for (const e of (c.env as EnvVar[] | undefined) ?? []) {
        inv.out(e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}` : `${e.name}=${e.value ?? ''}`)
      }
    }
  }
  return 0
}

async function run(inv: Invocation): Promise<number> {
  const p = inv.args
  const { resources, envArgs } = splitEnv(p.positional)
  if (!p.flags.has('filename') && resources.length < 1) throw fail('one or more resources must be specified as <resource> <name> or <resource>/<name>')
  if (flagBool(p, 'list') && flagStr(p, 'output')) throw fail('--list and --output may not be specified together')
  if (flagStr(p, 'keys') && !flagStr(p, 'from')) throw fail('when specifying --keys, a configmap or secret must be provided with --from')
  const { env, remove } = parseEnv([...flagArr(p, 'env'), ...envArgs])
  const from = flagStr(p, 'from')
  if (from) {
    inv.target()
    env.push(...await envFrom(inv, from, (flagStr(p, 'keys') ?? '').split(',').filter(Boolean)))
  }
  const prefix = flagStr(p, 'prefix') ?? ''
  for (const e of env) e.name = `${prefix}${e.name}`
  const selector = flagStr(p, 'containers') ?? '*'
  if (flagBool(p, 'list')) return list(inv, resources, selector)
  const overwrite = flagBool(p, 'overwrite', true)
  return runSetter(inv, {
    done: 'env updated',
    patchFailure: 'failed to patch env update to pod template',
    resources,
    mutate: (obj, spec, errs) => {
      const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].filter((c) => matchGlob(selector, String(c.name)))
      if (containers.length === 0) { inv.err(`warning: ${obj.kind}/${obj.metadata.name ?? ''} does not have any containers matching ${JSON.stringify(selector)}`); return }
      for (const c of containers) {
        const existing = (c.env as EnvVar[] | undefined) ?? []
        if (!overwrite) {
          // validateNoOverwrites: only a different value counts.
          const current = existing.find((x) => env.some((e) => e.name === x.name && e.value !== x.value))
          if (current) {
            const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : ''
            errs.push({ text: `error: ${obj.kind.toLowerCase()}${group}/${obj.metadata.name ?? ''} '${current.name}' already has a value (${current.value ?? ''}), and --overwrite is false`, api: false })
            spec.containers = podSpecOf(obj)?.containers
            spec.initContainers = podSpecOf(obj)?.initContainers
            return
          }
        }
        const next = updateEnv(existing, env, remove)
        if (next.length > 0) c.env = next
        else delete c.env
      }
    },
  })
}

export const setEnvCommand: Cmd = {
  name: 'env',
  help: {
    short: 'Update environment variables on a pod template',
    long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)`,
    examples: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local

  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list

  # List the environment variables defined on all pods
  kubectl set env pods --all --list

  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml

  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod

  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-

  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-

  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
    usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  },
  flags: [
    FILENAME_FLAG, RECURSIVE_FLAG, SELECTOR_FLAG, ALL_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG,
    { ...FIELD_MANAGER_FLAG, default: 'kubectl-set' },
    { name: 'env', short: 'e', type: 'stringArray', default: '[]', usage: 'Specify a key-value pair for an environment variable to set into each container.' },
    { name: 'containers', short: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
    { name: 'from', type: 'string', usage: 'The name of a resource from which to inject environment variables' },
    { name: 'keys', type: 'string', usage: 'Comma-separated list of keys to import from specified resource' },
    { name: 'prefix', type: 'string', usage: 'Prefix to append to variable names' },
    { name: 'list', type: 'bool', usage: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'overwrite', type: 'bool', default: 'true', usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
  ],
  run,
}

// kubectl config current-context | get-contexts | set-context | use-context | view.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/config/*.go (same messages).
import { flagBool, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { commandHelp } from '../help/render'
import { deleteContext, getClusters, getUsers, renameContext } from './config-more'
import { saveKubeconfig, type Kubeconfig } from '../kubeconfig'
import { formatTable, printJSONPath, relaxedJSONPathExpression, toYAML } from '../printers/index'

/** upstream helpErrorf: print the command's help, then fail with the message. */
function helpError(inv: Invocation, cmd: Cmd, msg: string): never {
  inv.ctx.stdout.write(commandHelp(cmd, inv.path))
  throw fail(msg)
}

function emptyConfig(): Kubeconfig {
  return { apiVersion: 'v1', clusters: [], contexts: [], 'current-context': '', kind: 'Config', preferences: {}, users: [] }
}

const currentContext: Cmd = {
  name: 'current-context',
  help: { short: 'Display the current-context', long: 'Display the current-context.', examples: '  # Display the current-context\n  kubectl config current-context', usage: 'kubectl config current-context [options]' },
  flags: [],
  run: (inv) => {
    const name = inv.kubeconfig().config?.['current-context'] ?? ''
    if (!name) throw fail('current-context is not set')
    inv.out(name)
    return 0
  },
}

const getContexts: Cmd = {
  name: 'get-contexts',
  help: { short: 'Describe one or many contexts', long: 'Display one or many contexts from the kubeconfig file.', examples: '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n\n  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context', usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]' },
  flags: [
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
  ],
  run: (inv) => {
    const cfg = inv.kubeconfig().config ?? emptyConfig()
    const wanted = inv.args.positional
    const output = flagStr(inv.args, 'output')
    if (output !== undefined && output !== 'name') throw fail(`output must be one of '' or 'name': ${output}`)
    const contexts = [...cfg.contexts].sort((a, b) => a.name.localeCompare(b.name))
    const missing = wanted.filter((w) => !contexts.some((c) => c.name === w))
    const shown = wanted.length ? contexts.filter((c) => wanted.includes(c.name)) : contexts
    if (output === 'name') shown.forEach((c) => inv.out(c.name))
    else {
      const rows = shown.map((c) => [c.name === cfg['current-context'] ? '*' : '', c.name, c.context?.cluster ?? '', c.context?.user ?? '', c.context?.namespace ?? ''])
      inv.ctx.stdout.write(formatTable({ headers: ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], rows }, { noHeaders: flagBool(inv.args, 'no-headers') }))
    }
    if (missing.length > 0) throw fail(missing.map((m) => `context ${m} not found`).join('\n'))
    return 0
  },
}

const setContext: Cmd = {
  name: 'set-context',
  help: { short: 'Set a context entry in kubeconfig', long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`, examples: '  # Set the user field on the gce context entry without touching other values\n  kubectl config set-context gce --user=cluster-admin', usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]' },
  flags: [
    { name: 'current', type: 'bool', usage: 'Modify the current context' },
    { name: 'cluster', type: 'string', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', usage: 'user for the context entry in kubeconfig' },
    { name: 'namespace', short: 'n', type: 'string', usage: 'namespace for the context entry in kubeconfig' },
  ],
  run: (inv) => {
    const loaded = inv.kubeconfig()
    const cfg = loaded.config ?? emptyConfig()
    const useCurrent = flagBool(inv.args, 'current')
    const args = inv.args.positional
    if (useCurrent && args.length > 0) throw fail('you cannot specify both a context name and --current')
    if (!useCurrent && args.length !== 1) return helpError(inv, setContext, `Unexpected args: [${args.join(' ')}]`)
    const name = useCurrent ? cfg['current-context'] : args[0]
    if (!name) throw fail('no current context is set')
    let entry = cfg.contexts.find((c) => c.name === name)
    const created = !entry
    if (!entry) { entry = { name, context: {} }; cfg.contexts.push(entry) }
    entry.context ??= {}
    for (const f of ['cluster', 'user', 'namespace'] as const) {
      const v = flagStr(inv.args, f)
      if (v !== undefined) entry.context[f] = v
    }
    saveKubeconfig(inv.ctx.fs, loaded.path, cfg)
    inv.out(`Context "${name}" ${created ? 'created' : 'modified'}.`)
    return 0
  },
}

const useContext: Cmd = {
  name: 'use-context',
  aliases: ['use'],
  help: { short: 'Set the current-context in a kubeconfig file', long: 'Set the current-context in a kubeconfig file.', examples: "  # Use the context for the minikube cluster\n  kubectl config use-context minikube", usage: 'kubectl config use-context CONTEXT_NAME [options]' },
  flags: [],
  run: (inv) => {
    const loaded = inv.kubeconfig()
    const cfg = loaded.config ?? emptyConfig()
    const [name] = inv.args.positional
    if (inv.args.positional.length !== 1) return helpError(inv, useContext, `Unexpected args: [${inv.args.positional.join(' ')}]`)
    if (!cfg.contexts.some((c) => c.name === name)) throw fail(`no context exists with the name: "${name}"`)
    cfg['current-context'] = name
    saveKubeconfig(inv.ctx.fs, loaded.path, cfg)
    inv.out(`Switched to context "${name}".`)
    return 0
  },
}

const view: Cmd = {
  name: 'view',
  help: { short: 'Display merged kubeconfig settings or a specified kubeconfig file', long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`, examples: "  # Show merged kubeconfig settings\n  kubectl config view\n\n  # Show merged kubeconfig settings, raw certificate data, and exposed secrets\n  kubectl config view --raw\n\n  # Get the password for the e2e user\n  kubectl config view -o jsonpath='{.users[?(@.name == \"e2e\")].user.password}'", usage: 'kubectl config view [flags] [options]' },
  flags: [
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml).' },
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
  ],
  run: (inv) => {
    const cfg = inv.kubeconfig().config
    let doc: Record<string, unknown> = cfg
      ? { apiVersion: cfg.apiVersion, clusters: cfg.clusters, contexts: cfg.contexts, 'current-context': cfg['current-context'], kind: cfg.kind, preferences: cfg.preferences, users: cfg.users }
      : { apiVersion: 'v1', clusters: null, contexts: null, 'current-context': '', kind: 'Config', preferences: {}, users: null }
    if (cfg && flagBool(inv.args, 'minify')) {
      const ctx = cfg.contexts.find((c) => c.name === cfg['current-context'])
      if (!ctx) throw fail('current-context must exist in order to minify')
      doc = { ...doc, contexts: [ctx], clusters: cfg.clusters.filter((c) => c.name === ctx.context?.cluster), users: cfg.users.filter((u) => u.name === ctx.context?.user) }
    }
    const output = flagStr(inv.args, 'output') ?? 'yaml'
    if (output === 'json') inv.ctx.stdout.write(JSON.stringify(doc, null, 4) + '\n')
    else if (output === 'yaml') inv.ctx.stdout.write(toYAML(doc))
    else if (output.startsWith('jsonpath=')) {
      let template: string
      try { template = relaxedJSONPathExpression(output.slice('jsonpath='.length)) } catch (e) { throw fail(e instanceof Error ? e.message : String(e)) }
      const res = printJSONPath(template, doc, { allowMissingKeys: true })
      if ('error' in res) throw new CmdError(res.error.startsWith('error: ') ? res.error : `error: ${res.error}`)
      inv.ctx.stdout.write(res.text)
    } else throw fail(`output format "${output}" is not supported by kubectl config view in Kubelab`)
    return 0
  },
}

export const configCommand: Cmd = {
  name: 'config',
  help: {
    short: 'Modify kubeconfig files',
    long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
    usage: 'kubectl config SUBCOMMAND [options]',
  },
  flags: [],
  subcommands: [currentContext, deleteContext, getClusters, getContexts, getUsers, renameContext, setContext, useContext, view],
  unsupportedSubcommands: ['delete-cluster', 'delete-user', 'set', 'set-cluster', 'set-credentials', 'unset'],
}

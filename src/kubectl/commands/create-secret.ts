// kubectl create secret generic NAME --from-literal=k=v --from-file=[key=]path --from-env-file=path
// [--type=T]. Upstream: staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret.go (same error
// words; values are base64-encoded into data, as the Go client marshals []byte).
import { isConfigMapKey } from '../../api/labels'
import type { KubeObject } from '../../api/types'
import { flagArr, flagStr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG, VALIDATE_FLAG } from './common'
import { createGeneratedOrFail, kindOf } from './generated'


/** Standard base64 of the UTF-8 bytes: `supersecret` → `c3VwZXJzZWNyZXQ=`. */
function base64(text: string): string {
  let bin = ''
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b)
  return btoa(bin)
}

const abs = (p: string, cwd: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`)

/** addKeyFromLiteralToSecret. */
function addKey(data: Record<string, string>, key: string, value: string): void {
  const errs = isConfigMapKey(key)
  if (errs.length > 0) throw fail(`${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`)
  if (key in data) throw fail(`cannot add key ${key}, another key by that name already exists`)
  data[key] = base64(value)
}

/** StringSlice flags split on commas (pflag): `--from-file=a,b` is two sources. */
const slice = (inv: Invocation, name: string) => flagArr(inv.args, name).flatMap((v) => v.split(','))

function fromFile(inv: Invocation, data: Record<string, string>, source: string): void {
  const eq = source.indexOf('=')
  const key = eq > 0 ? source.slice(0, eq) : undefined
  const path = eq > 0 ? source.slice(eq + 1) : source
  if (eq === 0 || (eq > 0 && (path === '' || path.includes('=')))) throw fail(`key names or file paths cannot contain '='`)
  const full = abs(path, inv.ctx.cwd)
  const fs = inv.ctx.fs
  if (!fs.exists(full)) throw fail(`error reading ${path}: no such file or directory`)
  if (fs.isDir(full)) {
    if (key) throw fail('cannot give a key name for a directory path')
    for (const f of fs.readdir(full) ?? []) if (!fs.isDir(`${full}/${f}`)) addKey(data, f, fs.readFile(`${full}/${f}`) ?? '')
    return
  }
  addKey(data, key ?? path.split('/').pop()!, fs.readFile(full) ?? '')
}

/** cmdutil.AddFromEnvFile: KEY=value lines, `#` comments, a bare KEY takes the environment's value. */
function fromEnvFile(inv: Invocation, data: Record<string, string>, path: string): void {
  const full = abs(path, inv.ctx.cwd)
  if (!inv.ctx.fs.exists(full)) throw fail(`error reading ${path}: no such file or directory`)
  if (inv.ctx.fs.isDir(full)) throw fail('env secret file cannot be a directory')
  const text = inv.ctx.fs.readFile(full) ?? ''
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const key = eq >= 0 ? line.slice(0, eq) : line
    if (/\s/.test(key) || key === '') throw fail(`"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*') on line ${i + 1}`)
    addKey(data, key, eq >= 0 ? line.slice(eq + 1) : (inv.ctx.env[key] ?? ''))
  })
}

function run(inv: Invocation): number {
  const args = inv.args.positional
  if (args.length !== 1) throw new CmdError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create secret generic -h' for help and examples`)
  const name = args[0]
  inv.target()
  const files = slice(inv, 'from-file')
  const literals = flagArr(inv.args, 'from-literal')
  const envFiles = slice(inv, 'from-env-file')
  if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) throw fail('from-env-file cannot be combined with from-file or from-literal')
  const data: Record<string, string> = {}
  for (const lit of literals) {
    const eq = lit.indexOf('=')
    if (eq <= 0) throw fail(`invalid literal source ${lit}, expected key=value`)
    addKey(data, lit.slice(0, eq), lit.slice(eq + 1))
  }
  for (const f of files) fromFile(inv, data, f)
  for (const f of envFiles) fromEnvFile(inv, data, f)
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name, creationTimestamp: null as unknown as string } }
  if (Object.keys(data).length > 0) obj.data = data
  const type = flagStr(inv.args, 'type')
  if (type) obj.type = type
  return createGeneratedOrFail(inv, kindOf(inv, 'Secret'), obj, flagStr(inv.args, 'field-manager') ?? 'kubectl-create', 'secret')
}

export const createSecretGenericCommand: Cmd = {
  name: 'generic',
  help: {
    short: 'Create a secret from a local file, directory, or literal value',
    long: `Create a secret based on a file, directory, or specified literal value.

 A single secret may package one or more key/value pairs.

 When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.

 When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
    examples: `  # Create a new secret named my-secret with keys for each file in folder bar
  kubectl create secret generic my-secret --from-file=path/to/bar

  # Create a new secret named my-secret with specified keys instead of names on disk
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub

  # Create a new secret named my-secret with key1=supersecret and key2=topsecret
  kubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret

  # Create a new secret named my-secret using a combination of a file and a literal
  kubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret

  # Create a new secret named my-secret from env files
  kubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
    usage: 'kubectl create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  },
  flags: [
    DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG, VALIDATE_FLAG,
    { name: 'from-file', type: 'stringArray', usage: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in secret (i.e. mykey=somevalue)' },
    { name: 'from-env-file', type: 'stringArray', usage: 'Specify the path to a file to read lines of key=val pairs to create a secret.' },
    { name: 'type', type: 'string', usage: 'The type of secret to create' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the secret to its name.' },
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  ],
  run,
}

/** `kubectl create secret`: a group; bare, it prints its help (cmdutil.DefaultSubCommandRun). */
export const createSecretCommand: Cmd = {
  name: 'secret',
  help: {
    short: 'Create a secret using a specified subcommand',
    long: `Create a secret with specified type.

 A docker-registry type secret is for accessing a container registry.

 A generic type secret indicate an Opaque secret type.

 A tls type secret holds TLS certificate and its associated key.`,
    usage: 'kubectl create secret (docker-registry | generic | tls) [options]',
  },
  flags: [],
  subcommands: [createSecretGenericCommand],
  unsupportedSubcommands: ['docker-registry', 'tls'],
}

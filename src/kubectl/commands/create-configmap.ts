// kubectl create configmap NAME --from-literal=k=v --from-file=[key=]path --from-env-file=path.
// Upstream: pkg/cmd/create/create_configmap.go (same error words).
import { isConfigMapKey } from '../../api/labels'
import type { KubeObject } from '../../api/types'
import { flagArr } from '../argv'
import type { Cmd, Invocation } from '../command'
import { CmdError, fail } from '../errors'
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, OUTPUT_FLAG } from './common'
import { createGenerated, kindOf } from './generated'


function abs(p: string, cwd: string): string {
  return p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`
}

function addKey(data: Record<string, string>, name: string, key: string, value: string): void {
  const errs = isConfigMapKey(key)
  if (errs.length > 0) throw fail(`${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`)
  if (key in data) throw fail(`cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(name)}`)
  data[key] = value
}

function fromFile(inv: Invocation, data: Record<string, string>, name: string, source: string): void {
  const eq = source.indexOf('=')
  const key = eq > 0 ? source.slice(0, eq) : undefined
  const path = eq > 0 ? source.slice(eq + 1) : source
  if (eq === 0 || (eq > 0 && path === '')) throw fail(`key names or file paths cannot contain '='`)
  const full = abs(path, inv.ctx.cwd)
  const fs = inv.ctx.fs
  if (!fs.exists(full)) throw fail(`error reading ${path}: no such file or directory`)
  if (fs.isDir(full)) {
    if (key) throw fail('cannot give a key name for a directory path')
    for (const f of fs.readdir(full) ?? []) {
      if (!fs.isDir(`${full}/${f}`)) addKey(data, name, f, fs.readFile(`${full}/${f}`) ?? '')
    }
    return
  }
  addKey(data, name, key ?? path.split('/').pop()!, fs.readFile(full) ?? '')
}

function fromEnvFile(inv: Invocation, data: Record<string, string>, name: string, path: string): void {
  const text = inv.ctx.fs.readFile(abs(path, inv.ctx.cwd))
  if (text === undefined) throw fail(`open ${path}: no such file or directory`)
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').replace(/^\s+/, '')
    if (line === '' || line.startsWith('#')) return
    const eq = line.indexOf('=')
    const key = eq >= 0 ? line.slice(0, eq) : line
    if (/\s/.test(key) || key === '') throw fail(`"${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*') on line ${i + 1}`)
    const value = eq >= 0 ? line.slice(eq + 1) : (inv.ctx.env[key] ?? '')
    addKey(data, name, key, value)
  })
}

function run(inv: Invocation): number {
  const args = inv.args.positional
  if (args.length !== 1) throw new CmdError(`error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create configmap -h' for help and examples`)
  const name = args[0]
  inv.target()
  const data: Record<string, string> = {}
  for (const lit of flagArr(inv.args, 'from-literal')) {
    const eq = lit.indexOf('=')
    if (eq <= 0) throw fail(`invalid literal source ${lit}, expected key=value`)
    addKey(data, name, lit.slice(0, eq), lit.slice(eq + 1))
  }
  for (const f of flagArr(inv.args, 'from-file')) fromFile(inv, data, name, f)
  for (const f of flagArr(inv.args, 'from-env-file')) fromEnvFile(inv, data, name, f)
  const obj: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, creationTimestamp: null as unknown as string } }
  if (Object.keys(data).length > 0) obj.data = data
  return createGenerated(inv, kindOf(inv, 'ConfigMap'), obj, 'kubectl-create')
}

export const createConfigMapCommand: Cmd = {
  name: 'configmap',
  aliases: ['cm'],
  help: {
    short: 'Create a config map from a local file, directory or literal value',
    long: `Create a config map based on a file, directory, or specified literal value.

 A single config map may package one or more key/value pairs.

 When creating a config map based on a file, the key will default to the basename of the file, and the value will default to the file content.  If the basename is an invalid key, you may specify an alternate key.

 When creating a config map based on a directory, each file whose basename is a valid key in the directory will be packaged into the config map.  Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).`,
    examples: `  # Create a new config map named my-config based on folder bar
  kubectl create configmap my-config --from-file=path/to/bar

  # Create a new config map named my-config with specified keys instead of file basenames on disk
  kubectl create configmap my-config --from-file=key1=/path/to/bar/file1.txt --from-file=key2=/path/to/bar/file2.txt

  # Create a new config map named my-config with key1=config1 and key2=config2
  kubectl create configmap my-config --from-literal=key1=config1 --from-literal=key2=config2

  # Create a new config map named my-config from the key=value pairs in the file
  kubectl create configmap my-config --from-file=path/to/bar

  # Create a new config map named my-config from an env file
  kubectl create configmap my-config --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env`,
    usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  },
  flags: [
    DRY_RUN_FLAG, OUTPUT_FLAG, FIELD_MANAGER_FLAG,
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    { name: 'from-file', type: 'stringArray', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'from-env-file', type: 'stringArray', usage: 'Specify the path to a file to read lines of key=val pairs to create a configmap.' },
    { name: 'append-hash', type: 'bool', usage: 'Append a hash of the configmap to its name.' },
  ],
  run,
}

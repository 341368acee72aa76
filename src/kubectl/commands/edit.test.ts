import { describe, it, expect } from 'vitest'
import { FakeApi } from '../testing/fakeApi'
import { MemFs } from '../testing/fakeFs'
import { HOME, startKubectl, TestSignal } from '../testing/harness'
import { defaultKubeconfig } from '../index'

/** MemFs with the shell's change notifications, so edit sees the editor's saves. */
class WatchedFs extends MemFs {
  private listeners: Array<(path: string, kind: 'write' | 'remove') => void> = []
  override writeFile(path: string, content: string): void { super.writeFile(path, content); for (const l of this.listeners ?? []) l(path, 'write') }
  onChange(l: (path: string, kind: 'write' | 'remove') => void): () => void { this.listeners.push(l); return () => { this.listeners = this.listeners.filter((x) => x !== l) } }
}

function setup() {
  const api = new FakeApi()
  api.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { color: 'blue' } })
  api.writes = []
  const fs = new WatchedFs({ [`${HOME}/.kube/config`]: defaultKubeconfig() })
  return { api, fs }
}
const tick = () => new Promise((r) => setTimeout(r, 0))
const editPath = (fs: MemFs) => [...fs.files.keys()].find((p) => p.startsWith('/tmp/kubectl-edit-'))!

describe('kubectl edit', () => {
  it('writes the object with kubectl\'s header, opens it, and patches what the learner saved', async () => {
    const { api, fs } = setup()
    const run = startKubectl(api, fs, 'edit configmap/cfg')
    await tick()
    const path = editPath(fs)
    expect(path).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/)
    const text = fs.readFile(path)!
    expect(text.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: v1\ndata:\n  color: blue\n")).toBe(true)
    expect(run.result.err).toBe(`Editing ${path}: save the file in the editor to apply your changes (Ctrl-C cancels).\n`)
    fs.writeFile(path, text.replace('color: blue', 'color: green'))
    const r = await run.done
    expect(r.code).toBe(0)
    expect(r.out).toBe('configmap/cfg edited\n')
    expect(api.get('configmaps', 'default', 'cfg').data).toEqual({ color: 'green' })
    expect(fs.exists(path)).toBe(false)
  })

  it('saving unchanged, Ctrl-C and an empty file cancel without writing', async () => {
    const { api, fs } = setup()
    let run = startKubectl(api, fs, 'edit cm cfg')
    await tick()
    fs.writeFile(editPath(fs), fs.readFile(editPath(fs))!)
    expect((await run.done).err).toMatch(/\nEdit cancelled, no changes made\.\n$/)
    const signal = new TestSignal()
    run = startKubectl(api, fs, 'edit cm cfg', { signal })
    await tick()
    signal.abort()
    expect(await run.done).toMatchObject({ code: 0, out: '' })
    expect(run.result.err).toMatch(/\nEdit cancelled, no changes made\.\n$/)
    run = startKubectl(api, fs, 'edit cm cfg')
    await tick()
    fs.writeFile(editPath(fs), '# nothing\n\n')
    expect((await run.done).err).toMatch(/\nEdit cancelled, saved file was empty\.\n$/)
    expect(api.writes).toEqual([])
  })

  it('a syntax error reopens the file with the reason; fixing it applies', async () => {
    const { api, fs } = setup()
    const run = startKubectl(api, fs, 'edit cm/cfg')
    await tick()
    const path = editPath(fs)
    const good = fs.readFile(path)!
    fs.writeFile(path, good.replace('color: blue', 'color: blue: red'))
    await tick()
    const reopened = fs.readFile(path)!
    expect(reopened).toMatch(/^# Please edit the object below\.[^]*#\n# The edited file had a syntax error: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n#\napiVersion: v1\n/)
    expect(api.writes).toEqual([])
    fs.writeFile(path, reopened.replace('color: blue: red', 'color: red'))
    expect(await run.done).toMatchObject({ code: 0, out: 'configmap/cfg edited\n' })
    expect(api.get('configmaps', 'default', 'cfg').data).toEqual({ color: 'red' })
  })

  it('renaming the object is refused and the file kept', async () => {
    const { api, fs } = setup()
    const run = startKubectl(api, fs, 'edit cm/cfg')
    await tick()
    const path = editPath(fs)
    fs.writeFile(path, fs.readFile(path)!.replace('name: cfg', 'name: other'))
    const r = await run.done
    expect(r.code).toBe(1)
    expect(r.err).toContain(`A copy of your changes has been stored to "${path}"\nerror: At least one of apiVersion, kind and name was changed\n`)
    expect(api.writes).toEqual([])
  })

  it('needs a resource', async () => {
    const { api, fs } = setup()
    expect((await startKubectl(api, fs, 'edit').done).err).toMatch(/^error: You must provide one or more resources by argument or filename\./)
  })
})

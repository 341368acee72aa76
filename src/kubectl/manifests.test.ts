import { describe, it, expect } from 'vitest'
import { KINDS } from '../api/kinds'
import { readManifests, MAX_MANIFEST_BYTES } from './manifests'
import type { CommandContext } from './context'
import { MemFs } from './testing/fakeFs'
import { TestSignal } from './testing/harness'

function ctx(fs: MemFs, stdin = ''): CommandContext {
  return {
    argv: [], stdin: { read: async () => null, readAll: async () => stdin },
    stdout: { write: () => {} }, stderr: { write: () => {} }, env: {}, cwd: '/w', fs,
    clock: { now: () => 0, sleep: async () => {} }, signal: new TestSignal(), isTTY: false,
  }
}
const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: c\n    image: nginx\n`

describe('readManifests', () => {
  it('splits multi-document files and skips empty documents', async () => {
    const fs = new MemFs({ '/w/a.yaml': `${POD('a')}---\n---\n${POD('b')}` })
    const r = await readManifests(ctx(fs), ['a.yaml'], false, KINDS)
    expect(r.errors).toEqual([])
    expect(r.items.map((i) => i.obj.metadata.name)).toEqual(['a', 'b'])
    expect(r.items[0].source).toBe('a.yaml')
  })

  it('reads a directory (yaml/yml/json only) and stdin', async () => {
    const fs = new MemFs({ '/w/d/a.yaml': POD('a'), '/w/d/b.yml': POD('b'), '/w/d/notes.txt': 'x', '/w/d/sub/c.yaml': POD('c') })
    expect((await readManifests(ctx(fs), ['d'], false, KINDS)).items.map((i) => i.source)).toEqual(['d/a.yaml', 'd/b.yml'])
    expect((await readManifests(ctx(fs), ['d'], true, KINDS)).items.map((i) => i.source)).toEqual(['d/a.yaml', 'd/b.yml', 'd/sub/c.yaml'])
    expect((await readManifests(ctx(fs, POD('s')), ['-'], false, KINDS)).items[0].source).toBe('STDIN')
  })

  it('a missing path fails the whole command', async () => {
    await expect(readManifests(ctx(new MemFs()), ['web.yaml'], false, KINDS)).rejects.toMatchObject({ text: 'error: the path "web.yaml" does not exist' })
  })

  it('invalid YAML stops the file at that document, naming the line', async () => {
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: c\n     image: nginx\n'
    const fs = new MemFs({ '/w/web.yaml': `${POD('first')}---\n${bad}---\n${POD('after')}` })
    const r = await readManifests(ctx(fs), ['web.yaml'], false, KINDS)
    expect(r.items.map((i) => i.obj.metadata.name)).toEqual(['first'])
    expect(r.errors).toHaveLength(1)
    expect(r.errors).toEqual(['error parsing web.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context'])
  })

  it('missing apiVersion/kind is kubectl\'s validation error', async () => {
    const fs = new MemFs({ '/w/x.yaml': 'metadata:\n  name: x\n' })
    const r = await readManifests(ctx(fs), ['x.yaml'], false, KINDS)
    expect(r.errors).toEqual(['error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false'])
    expect(r.items).toEqual([])
  })

  it('an unknown kind skips only that document', async () => {
    const fs = new MemFs({ '/w/x.yaml': `apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n---\n${POD('ok')}` })
    const r = await readManifests(ctx(fs), ['x.yaml'], false, KINDS)
    expect(r.errors).toEqual(['resource mapping not found for name: "x" namespace: "" from "x.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first'])
    expect(r.items.map((i) => i.obj.metadata.name)).toEqual(['ok'])
  })

  it('refuses inputs over 2 MiB and alias bombs', async () => {
    const big = new MemFs({ '/w/big.yaml': POD('a') + '#'.repeat(MAX_MANIFEST_BYTES) })
    const r1 = await readManifests(ctx(big), ['big.yaml'], false, KINDS)
    expect(r1.items).toEqual([])
    expect(r1.errors[0]).toContain('Kubelab accepts manifests up to 2097152 bytes (2 MiB)')
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 8; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)
    const bomb = new MemFs({ '/w/bomb.yaml': lines.join('\n') + '\n' })
    const r2 = await readManifests(ctx(bomb), ['bomb.yaml'], false, KINDS)
    expect(r2.items).toEqual([])
    expect(r2.errors).toEqual(['error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing'])
  })
})

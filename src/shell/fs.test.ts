import { describe, expect, it } from 'vitest'
import { MemoryFileSystem } from './fs'

describe('MemoryFileSystem', () => {
  it('creates parent directories implicitly and lists sorted names', () => {
    const fs = new MemoryFileSystem([{ path: '/home/learner/b.yaml', content: 'b' }, { path: '/home/learner/a/x', content: '' }])
    expect(fs.isDir('/home')).toBe(true)
    expect(fs.readdir('/home/learner')).toEqual(['a', 'b.yaml'])
    expect(fs.readdir('/home/learner/b.yaml')).toBeUndefined()
    expect(fs.readFile('/home/learner/b.yaml')).toBe('b')
    expect(fs.exists('/nope')).toBe(false)
  })

  it('mkdir: explicit empty directories, recursive or not', () => {
    const fs = new MemoryFileSystem()
    fs.mkdir('/a/b', { recursive: true })
    expect(fs.readdir('/a')).toEqual(['b'])
    expect(() => fs.mkdir('/x/y')).toThrow('No such file or directory')
    expect(() => fs.mkdir('/a')).toThrow('File exists')
  })

  it('removes and renames files and trees, firing onChange', () => {
    const fs = new MemoryFileSystem([{ path: '/d/x', content: 'X' }, { path: '/d/sub/y', content: 'Y' }])
    const events: string[] = []
    const off = fs.onChange((path, kind) => events.push(`${kind} ${path}`))
    fs.rename('/d', '/e')
    expect(fs.readFile('/e/sub/y')).toBe('Y')
    expect(fs.isDir('/e/sub')).toBe(true)
    expect(fs.exists('/d')).toBe(false)
    expect(() => fs.remove('/e')).toThrow('Directory not empty')
    fs.remove('/e', { recursive: true })
    expect(fs.snapshot()).toEqual([])
    expect(events).toEqual(['remove /d/x', 'write /e/x', 'remove /d/sub/y', 'write /e/sub/y', 'remove /e/x', 'remove /e/sub/y'])
    off()
    fs.writeFile('/z', '')
    expect(events.length).toBe(6)
  })

  it('snapshot lists every file by path', () => {
    const fs = new MemoryFileSystem([{ path: '/b', content: '2' }, { path: '/a', content: '1' }])
    expect(fs.snapshot()).toEqual([{ path: '/a', content: '1' }, { path: '/b', content: '2' }])
  })

  it('refuses to write over a directory', () => {
    const fs = new MemoryFileSystem([{ path: '/d/x', content: '' }])
    expect(() => fs.writeFile('/d', 'x')).toThrow('Is a directory')
  })
})

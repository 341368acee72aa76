import { describe, it, expect } from 'vitest'
import {
  EMPTY_WORKSPACE, closeTab, editDraft, filesChanged, isDirty, loadFiles, openTab, resolveNewPath, saved,
  editorText, isListedFile,
} from './workspaceModel'

const A = '/home/learner/a.yaml'
const B = '/home/learner/b.yaml'
const C = '/home/learner/c.yaml'

describe('workspace reducer', () => {
  it('loads files from the engine and drops tabs of files that are gone', () => {
    let s = openTab(openTab(EMPTY_WORKSPACE, A), B)
    s = loadFiles(s, [{ path: A, content: 'a' }])
    expect(s.tabs).toEqual([A])
    expect(s.active).toBe(A)
    expect(s.files[A]).toBe('a')
  })

  it('tracks drafts: dirty while different, clean again when equal', () => {
    let s = loadFiles(EMPTY_WORKSPACE, [{ path: A, content: 'x' }])
    s = editDraft(s, A, 'xy')
    expect(isDirty(s, A)).toBe(true)
    expect(editorText(s, A)).toBe('xy')
    s = editDraft(s, A, 'x')
    expect(isDirty(s, A)).toBe(false)
    s = saved(editDraft(s, A, 'z'), A, 'z')
    expect(isDirty(s, A)).toBe(false)
    expect(s.files[A]).toBe('z')
  })

  it('closing the active tab activates the right neighbour, else the left one', () => {
    let s = openTab(openTab(openTab(EMPTY_WORKSPACE, A), B), C)
    s = openTab(s, B)
    s = closeTab(s, B)
    expect(s.tabs).toEqual([A, C])
    expect(s.active).toBe(C)
    s = closeTab(s, C)
    expect(s.active).toBe(A)
    s = closeTab(s, A)
    expect(s.active).toBeNull()
  })

  it('shell changes update saved content; a learner draft is kept; removed files close their tab', () => {
    let s = loadFiles(EMPTY_WORKSPACE, [{ path: A, content: '1' }, { path: B, content: '1' }])
    s = openTab(openTab(s, A), B)
    s = editDraft(s, A, 'mine')
    s = filesChanged(s, [{ path: A, content: '2' }, { path: C, content: 'new' }], [B])
    expect(s.files[A]).toBe('2')
    expect(editorText(s, A)).toBe('mine')
    expect(s.files[C]).toBe('new')
    expect(s.tabs).toEqual([A])
    expect(B in s.files).toBe(false)
  })

  it('resolves new file names relative to HOME', () => {
    expect(resolveNewPath('web.yaml')).toBe('/home/learner/web.yaml')
    expect(resolveNewPath('~/x/../y.yaml')).toBe('/home/learner/y.yaml')
    expect(resolveNewPath('/tmp/a.yaml')).toBe('/tmp/a.yaml')
    expect(resolveNewPath('  ')).toBeNull()
    expect(resolveNewPath('dir/')).toBeNull()
  })

  it('hides dot-directories from the explorer', () => {
    expect(isListedFile('/home/learner/.kube/config')).toBe(false)
    expect(isListedFile('/home/learner/pod.yaml')).toBe(true)
  })
})

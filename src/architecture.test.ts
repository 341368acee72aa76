// The import-boundary test: who may import whom (ARCHITECTURE.md, "Who may import whom"), which
// folders may load the heavy UI libraries, and which folders must stay deterministic. It parses
// every .ts/.tsx under src/ with the TypeScript parser, so type-only imports (`import type`,
// `import('x').T`), re-exports (`export ... from`) and dynamic `import()` all count, and nothing
// inside a comment or a string does.
import { describe, it, expect } from 'vitest'
import ts from 'typescript'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, posix, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes: `src/kubectl/commands/get.ts`. */
  path: string
  source: string
}

/** Top folders under src/ and the other top folders each may import (type-only imports count). */
const ALLOWED: Record<string, readonly string[]> = {
  api: [],
  shell: [],
  kubectl: ['api'],
  labs: ['api'],
  engine: ['api', 'shell'],
  protocol: ['api'],
  client: ['protocol', 'api'],
  state: ['client', 'protocol', 'api'],
  // ui/ may also import labs/, but only its schema file (checked below).
  ui: ['state', 'client', 'protocol', 'api'],
  app: ['ui', 'state', 'client'],
}

/** Folders that compose everything: they may import any folder. Files directly in src/ too. */
const COMPOSERS = new Set(['worker', 'cli', 'testing', ''])

/** Pure folders: no DOM, no UI libraries, no wall clock, no Math.random. */
const PURE = new Set(['api', 'engine', 'kubectl', 'shell', 'labs', 'protocol'])

/** Packages that pure folders must not import (a subpath such as `react/jsx-runtime` counts). */
const UI_PACKAGES = ['react', 'react-dom', 'monaco-editor', 'monaco-yaml', '@xterm', 'cytoscape', 'zustand', 'idb-keyval']

/** Libraries that exactly one UI folder owns: `prefix` matches the package name's start. */
const OWNED_PACKAGES: { prefix: string; owner: string; what: string }[] = [
  { prefix: 'monaco', owner: 'src/ui/editor/', what: 'monaco*' },
  { prefix: '@xterm/', owner: 'src/ui/terminal/', what: '@xterm/*' },
  { prefix: 'cytoscape', owner: 'src/ui/graph/', what: 'cytoscape' },
]

/** Calls that read wall time or real randomness, or schedule on the real clock. */
const NONDETERMINISTIC_MEMBERS = new Set(['Date.now', 'Math.random', 'performance.now'])
const NONDETERMINISTIC_GLOBALS = new Set(['setTimeout', 'setInterval'])
/** `globalThis.setTimeout(...)` and friends are the same thing under another name. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'self', 'window'])

export const KUBECTL_MESSAGE = 'kubectl/ must talk to the cluster only through ApiClient'

interface ImportRef {
  specifier: string
  line: number
}

function parse(file: SourceFile): ts.SourceFile {
  // setParentNodes = false: getStart(sf) does not need parents, and skipping them is faster.
  return ts.createSourceFile(file.path, file.source, ts.ScriptTarget.Latest, false,
    file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
}

/** Every module specifier a file refers to: static, type-only, re-export, dynamic and `import('x').T`. */
export function importsOf(file: SourceFile, sf: ts.SourceFile = parse(file)): ImportRef[] {
  const out: ImportRef[] = []
  const add = (node: ts.Node, lit: ts.Node | undefined) => {
    if (lit && ts.isStringLiteralLike(lit)) {
      out.push({ specifier: lit.text, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 })
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier)
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression)
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node, node.arguments[0])
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
      add(node, node.arguments[0])
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** Uses of wall time, real randomness or real timers, as `{ what, line }`. */
export function nondeterminismOf(file: SourceFile, sf: ts.SourceFile = parse(file)): { what: string; line: number }[] {
  const out: { what: string; line: number }[] = []
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
      const name = `${node.expression.text}.${node.name.text}`
      if (NONDETERMINISTIC_MEMBERS.has(name)) out.push({ what: `${name}(`, line: at(node) })
      else if (GLOBAL_OBJECTS.has(node.expression.text) && NONDETERMINISTIC_GLOBALS.has(node.name.text)) {
        out.push({ what: `${name}(`, line: at(node) })
      }
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && NONDETERMINISTIC_GLOBALS.has(node.expression.text)) {
      out.push({ what: `${node.expression.text}(`, line: at(node) })
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Date' &&
      (!node.arguments || node.arguments.length === 0)) {
      out.push({ what: 'new Date()', line: at(node) })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** `src/kubectl/commands/get.ts` → `kubectl`; a file directly in src/ → ''. */
function topFolder(srcPath: string): string {
  const parts = srcPath.split('/')
  return parts.length > 2 ? parts[1] : ''
}

function isTestFile(path: string): boolean {
  return /\.(test|spec|bench)\.tsx?$/.test(path) || path.includes('/__golden__/')
}

/** The package a bare specifier names: `@xterm/xterm/css/x.css` → `@xterm/xterm`, `react/jsx-runtime` → `react`. */
function packageName(spec: string): string {
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Every broken rule, one readable line each: `src/x/y.ts:3 imports '../z' — reason`. */
export function violations(files: readonly SourceFile[]): string[] {
  const out: string[] = []
  // `../../shell` names a folder's index (src/shell/index.ts), not a file directly in src/.
  const folders = new Set(files.map((f) => topFolder(f.path)).filter(Boolean))
  const targetFolder = (target: string) => {
    const parts = target.split('/')
    return parts.length === 2 && folders.has(parts[1]) ? parts[1] : topFolder(target)
  }
  for (const file of files) {
    if (!file.path.startsWith('src/') || !/\.tsx?$/.test(file.path)) continue
    const from = topFolder(file.path)
    const sf = parse(file)
    const report = (line: number, spec: string, why: string) => out.push(`${file.path}:${line} imports '${spec}': ${why}`)
    for (const { specifier, line } of importsOf(file, sf)) {
      // Vite's `?worker` / `?url` imports name a separate bundle entry, not a module in this graph.
      const [spec, query = ''] = specifier.split('?')
      const isEntryReference = /(^|&)(worker|sharedworker|url)(&|$)/.test(query)
      if (spec.startsWith('.') || spec.startsWith('/')) {
        if (isEntryReference) continue
        const target = spec.startsWith('/')
          ? posix.normalize(spec.slice(1))
          : posix.normalize(posix.join(posix.dirname(file.path), spec))
        if (COMPOSERS.has(from)) continue
        if (!target.startsWith('src/')) {
          report(line, specifier, `${from}/ may not import files outside src/ (only worker/, cli/, testing/ compose)`)
          continue
        }
        const to = targetFolder(target)
        if (to === from) continue
        if (from === 'kubectl' && to === 'engine') { report(line, specifier, KUBECTL_MESSAGE); continue }
        if (from === 'ui' && to === 'labs' && /^src\/labs\/schema(\.[a-z]+)*$/.test(target)) continue
        // Commands are registered into the shell: kubectl may use the shell's command contract
        // (types only: shell/types.ts), never the interpreter itself.
        if (from === 'kubectl' && to === 'shell' && target === 'src/shell/types') continue
        const allowed = ALLOWED[from] ?? []
        if (!allowed.includes(to)) {
          const may = allowed.length
            ? `may import only ${allowed.map((f) => `${f}/`).join(', ')}${from === 'ui' ? ' (and labs/schema)' : ''}`
            : 'may import nothing else in src/'
          report(line, specifier, `${from}/ ${may}, not ${to ? `${to}/` : 'files directly in src/'}`)
        }
      } else {
        const pkg = packageName(spec)
        if (PURE.has(from) && UI_PACKAGES.some((p) => pkg === p || pkg.startsWith(`${p}/`))) {
          report(line, specifier, `${from}/ is a pure folder and must not import UI libraries (${pkg})`)
          continue
        }
        for (const owned of OWNED_PACKAGES) {
          if (pkg.startsWith(owned.prefix) && !file.path.startsWith(owned.owner)) {
            report(line, specifier, `only ${owned.owner.slice(4)} may import ${owned.what}`)
          }
        }
      }
    }
    if (PURE.has(from) && !isTestFile(file.path)) {
      for (const { what, line } of nondeterminismOf(file, sf)) {
        out.push(`${file.path}:${line} uses ${what}: ${from}/ must take time from the VirtualClock/ShellClock and randomness from SeededRandom`)
      }
    }
  }
  return out
}

function listSources(root: string, dir: string): SourceFile[] {
  const out: SourceFile[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listSources(root, full))
    else if (/\.tsx?$/.test(name)) {
      out.push({ path: relative(root, full).split('\\').join('/'), source: readFileSync(full, 'utf8') })
    }
  }
  return out
}

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)))

describe('the checker itself', () => {
  const f = (path: string, source: string): SourceFile => ({ path, source })

  it('finds static, type-only, re-export, dynamic and import-type references', () => {
    const specs = importsOf(f('src/x/a.ts', [
      `import { a } from './a'`,
      `import type { B } from '../b/b'`,
      `export * from '../c'`,
      `export type { D } from '../d/d'`,
      `const e = await import('../e/e')`,
      `let t: import('../f/f').T`,
      `// import { g } from '../g/g'`,
      `const s = "import { h } from '../h/h'"`,
    ].join('\n'))).map((r) => r.specifier)
    expect(specs).toEqual(['./a', '../b/b', '../c', '../d/d', '../e/e', '../f/f'])
  })

  it('reports a folder rule broken by a type-only import, with file and line', () => {
    const v = violations([f('src/api/types.ts', `import { x } from './kinds'\nimport type { Pod } from '../engine/pods'`)])
    expect(v).toEqual([`src/api/types.ts:2 imports '../engine/pods': api/ may import nothing else in src/, not engine/`])
  })

  it('gives kubectl reaching into the engine its own message', () => {
    const v = violations([f('src/kubectl/commands/get.ts', `export { store } from '../../engine/apiserver/store'`)])
    expect(v).toHaveLength(1)
    expect(v[0]).toContain(KUBECTL_MESSAGE)
  })

  it('allows what the table allows and composers anything', () => {
    expect(violations([
      f('src/kubectl/commands/get.ts', `import type { ApiClient } from '../../api/client'`),
      f('src/engine/kubelet/exec.ts', `import { run } from '../../shell/exec/run'\nimport { KINDS } from '../../api/kinds'`),
      f('src/app/App.tsx', `import { Terminal } from '../ui/terminal/Terminal'\nimport React from 'react'`),
      f('src/ui/lab/LabPanel.tsx', `import type { Lab } from '../../labs/schema'`),
      f('src/worker/handle.ts', `import { createCluster } from '../engine/cluster'\nimport { kubectl } from '../kubectl'`),
      f('src/client/engineClient.ts', `import EngineWorker from '../worker/engine.worker?worker'`),
      f('src/ui/editor/setup.ts', `import * as monaco from 'monaco-editor/editor'`),
    ])).toEqual([])
  })

  it('matches the rule table of the brief for every pair of folders', () => {
    // Written out again, independently of ALLOWED, as the brief states it.
    const brief: Record<string, string[]> = {
      api: [], shell: [], kubectl: ['api'], labs: ['api'], engine: ['api', 'shell'], protocol: ['api'],
      client: ['protocol', 'api'], state: ['client', 'protocol', 'api'], ui: ['state', 'client', 'protocol', 'api'],
      app: ['ui', 'state', 'client'], worker: ['*'], cli: ['*'], testing: ['*'],
    }
    const folders = Object.keys(brief)
    for (const from of folders) {
      for (const to of folders) {
        if (to === from) continue
        const v = violations([f(`src/${from}/x/a.ts`, `import type { T } from '../../${to}/x/b'`)])
        const allowed = brief[from].includes('*') || brief[from].includes(to)
        expect(v, `${from}/ → ${to}/`).toHaveLength(allowed ? 0 : 1)
      }
    }
  })

  it('reads an import of a folder as its index, not as a file directly in src/', () => {
    const files = [f('src/shell/index.ts', 'export {}'), f('src/engine/k/a.ts', `import type { Shell } from '../../shell'`), f('src/api/a.ts', `import type { Shell } from '../shell'`)]
    expect(violations(files)).toEqual([`src/api/a.ts:1 imports '../shell': api/ may import nothing else in src/, not shell/`])
  })

  it('lets kubectl/ import only the command contract from shell/', () => {
    expect(violations([f('src/kubectl/context.ts', `export type { CommandContext } from '../shell/types'`)])).toHaveLength(0)
    expect(violations([f('src/kubectl/commands/get.ts', `import { Shell } from '../../shell/shell'`)])).toHaveLength(1)
  })

  it('lets ui/ import only the lab schema from labs/', () => {
    expect(violations([f('src/ui/lab/LabPanel.tsx', `import { check } from '../../labs/checks'`)])).toHaveLength(1)
  })

  it('keeps UI libraries out of pure folders and in their owning folder', () => {
    const v = violations([
      f('src/engine/x.ts', `import { create } from 'zustand'`),
      f('src/ui/graph/Graph.tsx', `import { Terminal } from '@xterm/xterm'`),
      f('src/state/store.ts', `import type * as monaco from 'monaco-editor'`),
    ])
    expect(v).toHaveLength(3)
    expect(v[0]).toContain('pure folder')
    expect(v[1]).toContain('only ui/terminal/ may import @xterm/*')
    expect(v[2]).toContain('only ui/editor/ may import monaco*')
  })

  it('finds wall time, real randomness and real timers in pure folders, not in comments or tests', () => {
    const bad = [
      `const a = Date.now()`,
      `const b = Math.random()`,
      `setTimeout(() => {}, 1)`,
      `globalThis.setInterval(() => {}, 1)`,
      `const c = performance.now()`,
      `const d = new Date()`,
      `const ok = new Date(0) // Date.now() in a comment is fine`,
      `const s = 'setTimeout('`,
    ].join('\n')
    const v = violations([f('src/shell/builtins/date.ts', bad), f('src/shell/builtins/date.test.ts', bad), f('src/ui/x.ts', bad)])
    expect(v.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'src/shell/builtins/date.ts:1 uses Date.now(:',
      'src/shell/builtins/date.ts:2 uses Math.random(:',
      'src/shell/builtins/date.ts:3 uses setTimeout(:',
      'src/shell/builtins/date.ts:4 uses globalThis.setInterval(:',
      'src/shell/builtins/date.ts:5 uses performance.now(:',
      'src/shell/builtins/date.ts:6 uses new',
    ])
  })
})

describe('the source tree', () => {
  const files = listSources(ROOT, join(ROOT, 'src'))

  it('scans the sources', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  // Parsing ~300 files takes about a second on an idle machine; a busy 2-core CI box needs more.
  const TREE_TIMEOUT_MS = 60_000

  it('keeps every import boundary and determinism rule', () => {
    expect(violations(files)).toEqual([])
  }, TREE_TIMEOUT_MS)
})

// rm, mv, cp, touch, mkdir: with GNU coreutils' words for every failure.
import { basename, dirname, resolvePath } from '../path'
import type { CommandContext, FileSystem } from '../types'
import type { Builtin } from './types'
import { getopt, UsageError, withUsage } from './util'

const missing = (_cmd: string, what: string): never => {
  throw new UsageError(`missing ${what}`)
}

export const rm: Builtin = {
  summary: 'Remove files or directories',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'rm', 1, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'rRfvid', long: { recursive: 'r', force: 'f' } })
      const force = p.opts.has('f')
      const recursive = p.opts.has('r') || p.opts.has('R')
      if (p.operands.length === 0) {
        if (force) return 0
        missing('rm', 'operand')
      }
      let status = 0
      for (const op of p.operands) {
        const path = resolvePath(ctx.cwd, op)
        if (!ctx.fs.exists(path)) {
          if (!force) {
            ctx.stderr.write(`rm: cannot remove '${op}': No such file or directory\n`)
            status = 1
          }
          continue
        }
        if (ctx.fs.isDir(path) && !recursive) {
          ctx.stderr.write(`rm: cannot remove '${op}': Is a directory\n`)
          status = 1
          continue
        }
        if (path === '/') {
          ctx.stderr.write(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`)
          status = 1
          continue
        }
        ctx.fs.remove(path, { recursive: true })
        if (p.opts.has('v')) ctx.stdout.write(`removed '${op}'\n`)
      }
      return status
    }),
}

function copyTree(fs: FileSystem, from: string, to: string): void {
  if (!fs.isDir(from)) {
    fs.writeFile(to, fs.readFile(from) ?? '')
    return
  }
  fs.mkdir(to, { recursive: true })
  for (const n of fs.readdir(from) ?? []) copyTree(fs, `${from}/${n}`, `${to}/${n}`)
}

/** Shared by mv and cp: SOURCE... DEST, where DEST must be a directory when there are several. */
function transfer(ctx: CommandContext, cmd: 'mv' | 'cp', operands: string[], act: (src: string, srcPath: string, dst: string) => boolean): number {
  if (operands.length === 0) missing(cmd, 'file operand')
  if (operands.length === 1) throw new UsageError(`missing destination file operand after '${operands[0]}'`)
  const dest = operands[operands.length - 1]
  const destPath = resolvePath(ctx.cwd, dest)
  const sources = operands.slice(0, -1)
  const intoDir = ctx.fs.isDir(destPath)
  if (sources.length > 1 && !intoDir) {
    ctx.stderr.write(`${cmd}: target '${dest}' is not a directory\n`)
    return 1
  }
  let status = 0
  for (const src of sources) {
    const srcPath = resolvePath(ctx.cwd, src)
    if (!ctx.fs.exists(srcPath)) {
      ctx.stderr.write(`${cmd}: cannot stat '${src}': No such file or directory\n`)
      status = 1
      continue
    }
    const target = intoDir ? resolvePath(destPath, basename(srcPath)) : destPath
    if (!ctx.fs.isDir(dirname(target))) {
      ctx.stderr.write(`${cmd}: cannot ${cmd === 'mv' ? 'move' : 'create regular file'} '${cmd === 'mv' ? src + "' to '" + dest : dest}': No such file or directory\n`)
      status = 1
      continue
    }
    if (target === srcPath) {
      ctx.stderr.write(`${cmd}: '${src}' and '${dest}' are the same file\n`)
      status = 1
      continue
    }
    if (!act(src, srcPath, target)) status = 1
  }
  return status
}

export const mv: Builtin = {
  summary: 'Move (rename) files',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'mv', 1, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'fivn' })
      return transfer(ctx, 'mv', p.operands, (src, srcPath, target) => {
        if (ctx.fs.isDir(target)) {
          ctx.stderr.write(`mv: cannot overwrite directory '${target}' with non-directory\n`)
          return false
        }
        if (target.startsWith(srcPath + '/')) {
          ctx.stderr.write(`mv: cannot move '${src}' to a subdirectory of itself, '${target}'\n`)
          return false
        }
        ctx.fs.rename(srcPath, target)
        return true
      })
    }),
}

export const cp: Builtin = {
  summary: 'Copy files and directories',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'cp', 1, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'rRafvip', long: { recursive: 'r' } })
      const recursive = p.opts.has('r') || p.opts.has('R') || p.opts.has('a')
      return transfer(ctx, 'cp', p.operands, (src, srcPath, target) => {
        if (ctx.fs.isDir(srcPath) && !recursive) {
          ctx.stderr.write(`cp: -r not specified; omitting directory '${src}'\n`)
          return false
        }
        copyTree(ctx.fs, srcPath, target)
        return true
      })
    }),
}

export const touch: Builtin = {
  summary: 'Create empty files',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'touch', 1, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'acm' })
      if (p.operands.length === 0) missing('touch', 'file operand')
      let status = 0
      for (const op of p.operands) {
        const path = resolvePath(ctx.cwd, op)
        if (ctx.fs.exists(path)) continue
        if (!ctx.fs.isDir(dirname(path))) {
          ctx.stderr.write(`touch: cannot touch '${op}': No such file or directory\n`)
          status = 1
        } else ctx.fs.writeFile(path, '')
      }
      return status
    }),
}

export const mkdir: Builtin = {
  summary: 'Make directories',
  utility: true,
  run: (ctx) =>
    withUsage(ctx, 'mkdir', 1, () => {
      const p = getopt(ctx.argv.slice(1), { flags: 'pv', long: { parents: 'p' } })
      if (p.operands.length === 0) missing('mkdir', 'operand')
      let status = 0
      for (const op of p.operands) {
        const path = resolvePath(ctx.cwd, op)
        if (ctx.fs.exists(path)) {
          if (p.opts.has('p') && ctx.fs.isDir(path)) continue
          ctx.stderr.write(`mkdir: cannot create directory '${op}': File exists\n`)
          status = 1
        } else if (!p.opts.has('p') && !ctx.fs.isDir(dirname(path))) {
          ctx.stderr.write(`mkdir: cannot create directory '${op}': No such file or directory\n`)
          status = 1
        } else ctx.fs.mkdir(path, { recursive: true })
      }
      return status
    }),
}

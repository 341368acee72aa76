// Redirections: `>` `>>` `<` `2>` `2>&1` `&>` here-documents and here-strings. Files written by a
// redirection go through the FileSystem chunk by chunk, so the editor sees `kubectl get -o yaml > f`.
import type { Redirect } from '../parse/ast'
import { dirname, resolvePath } from '../path'
import type { FileSystem, Reader, Writer } from '../types'
import { expandFields, expandString, type ExpandHost } from './expand'
import type { IO } from './io'
import { nullWriter, textReader } from './streams'

/** An error worded for the shell to print as `sh: <message>`. */
export class RedirectError extends Error {}

function fileWriter(fs: FileSystem, path: string, append: boolean, shown: string): Writer {
  if (fs.isDir(path)) throw new RedirectError(`${shown}: Is a directory`)
  if (!fs.isDir(dirname(path))) throw new RedirectError(`${shown}: No such file or directory`)
  try {
    if (!append || !fs.exists(path)) fs.writeFile(path, '')
  } catch (e) {
    // A filesystem refusing the open (a read-only mount: `<path>: Read-only file system`) is a
    // failed redirection, not a broken script: bash reports it and the script goes on.
    const why = e instanceof Error ? e.message.slice(e.message.lastIndexOf(': ') + 2) : String(e)
    throw new RedirectError(`${shown}: ${why}`)
  }
  return {
    write(chunk: string) {
      if (chunk !== '') fs.writeFile(path, (fs.readFile(path) ?? '') + chunk)
    },
  }
}

function openWrite(h: ExpandHost, io: IO, target: string, append: boolean): Writer {
  if (target === '/dev/null') return nullWriter
  if (target === '/dev/stdout') return io.stdout
  if (target === '/dev/stderr') return io.stderr
  return fileWriter(h.fs, resolvePath(h.state.cwd, target), append, target)
}

function openRead(h: ExpandHost, io: IO, target: string): Reader {
  if (target === '/dev/null') return textReader('')
  if (target === '/dev/stdin') return io.stdin
  const path = resolvePath(h.state.cwd, target)
  if (h.fs.isDir(path)) throw new RedirectError(`${target}: Is a directory`)
  const content = h.fs.readFile(path)
  if (content === undefined) throw new RedirectError(`${target}: No such file or directory`)
  return textReader(content)
}

/** Applies redirections in order and returns the new streams. Throws RedirectError. */
export async function applyRedirects(redirects: Redirect[], io: IO, h: ExpandHost): Promise<IO> {
  let out: IO = { ...io }
  for (const r of redirects) {
    if (r.op === '<<' || r.op === '<<-') {
      if (r.fd === 0) out.stdin = textReader(await expandString(r.heredoc ?? { parts: [], raw: '' }, h, out))
      continue
    }
    if (r.op === '<<<') {
      if (r.fd === 0) out.stdin = textReader((await expandString(r.target, h, out)) + '\n')
      continue
    }
    const fields = await expandFields(r.target, h, out, true)
    if (fields.length !== 1) throw new RedirectError(`${r.target.raw}: ambiguous redirect`)
    const target = fields[0]
    if (r.op === '>&' || r.op === '<&') {
      if (/^[0-9]+$/.test(target) || target === '-') {
        out = dupFd(out, r.fd, target)
        continue
      }
      if (r.op === '>&') {
        const w = openWrite(h, out, target, false)
        out = { ...out, stdout: w, stderr: w, isTTY: false }
        continue
      }
      throw new RedirectError(`${target}: ambiguous redirect`)
    }
    if (r.op === '&>' || r.op === '&>>') {
      const w = openWrite(h, out, target, r.op === '&>>')
      out = { ...out, stdout: w, stderr: w, isTTY: false }
    } else if (r.op === '<' || r.op === '<>') {
      if (r.fd === 0) out.stdin = openRead(h, out, target)
      else openRead(h, out, target)
    } else {
      const w = openWrite(h, out, target, r.op === '>>')
      if (r.fd === 1) out = { ...out, stdout: w, isTTY: target === '/dev/stdout' ? out.isTTY : false }
      else if (r.fd === 2) out = { ...out, stderr: w }
    }
  }
  return out
}

function dupFd(io: IO, fd: number, target: string): IO {
  const src = target === '-' ? nullWriter : target === '1' ? io.stdout : target === '2' ? io.stderr : undefined
  if (src === undefined) {
    if (target === '0') return io
    throw new RedirectError(`${target}: Bad file descriptor`)
  }
  if (fd === 1) return { ...io, stdout: src, isTTY: target === '1' ? io.isTTY : false }
  if (fd === 2) return { ...io, stderr: src }
  return io
}

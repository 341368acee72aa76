// awk [-F FS] [-v var=value] 'program' [FILE...]: a small awk for `kubectl get pods | awk '{print $1}'`.
// Errors are worded as one-true-awk/mawk-neutral `awk: ...` lines, status 2.
import { lineReaderFor, textReader } from '../../exec/streams'
import { resolvePath } from '../../path'
import type { Reader } from '../../types'
import type { Builtin } from '../types'
import { compile, ExitSignal, NextSignal, splitFields } from './compile'
import { AwkSyntaxError } from './lexer'
import { truthy, type AwkEnv, type Rule, type Val } from './runtime'

const STATUS_ERROR = 2

export const awk: Builtin = {
  summary: 'Pattern scanning and processing language (a subset)',
  utility: true,
  async run(ctx) {
    const args = ctx.argv.slice(1)
    const vars = new Map<string, Val>([['FS', ' '], ['OFS', ' '], ['ORS', '\n'], ['NR', 0], ['FNR', 0]])
    let program: string | undefined
    const files: string[] = []
    for (let k = 0; k < args.length; k++) {
      const a = args[k]
      if (program === undefined && a.startsWith('-F')) vars.set('FS', unescapeFs(a.length > 2 ? a.slice(2) : args[++k] ?? ' '))
      else if (program === undefined && a === '-v') {
        const [n, ...v] = (args[++k] ?? '').split('=')
        vars.set(n, v.join('='))
      } else if (program === undefined && a === '--') continue
      else if (program === undefined) program = a
      else files.push(a)
    }
    if (program === undefined) {
      ctx.stderr.write('usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n')
      return STATUS_ERROR
    }
    let rules: Rule[]
    try {
      rules = compile(program)
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e
      ctx.stderr.write(`awk: ${e.message}\n`)
      return STATUS_ERROR
    }
    let out = ''
    const flush = () => {
      if (out !== '') ctx.stdout.write(out)
      out = ''
    }
    const env: AwkEnv = {
      vars,
      arrays: new Map(),
      fields: [],
      out: (s) => (out += s),
      setRecord(line) {
        vars.set('$0', line)
        env.fields = splitFields(line, String(vars.get('FS') ?? ' '))
      },
      getField(n) {
        if (n === 0) return String(vars.get('$0') ?? '')
        return env.fields[n - 1] ?? ''
      },
      setField(n, v) {
        if (n === 0) return env.setRecord(v)
        while (env.fields.length < n) env.fields.push('')
        env.fields[n - 1] = v
        vars.set('$0', env.fields.join(String(vars.get('OFS') ?? ' ')))
      },
    }
    env.setRecord('')
    let exitCode: number | undefined
    const runRules = (kind: Rule['kind']) => {
      for (const r of rules) {
        if (r.kind !== kind) continue
        if (kind !== 'main') {
          r.action!(env)
          continue
        }
        let hit: boolean
        if (r.range) {
          if (r.inRange) {
            hit = true
            if (truthy(r.range[1](env))) r.inRange = false
          } else {
            hit = truthy(r.range[0](env))
            if (hit && !truthy(r.range[1](env))) r.inRange = true
          }
        } else hit = r.pattern ? truthy(r.pattern(env)) : true
        if (!hit) continue
        if (r.action) r.action(env)
        else env.out(env.getField(0) + String(vars.get('ORS') ?? '\n'))
      }
    }
    try {
      try {
        runRules('begin')
        if (rules.some((r) => r.kind !== 'begin')) {
          for (const f of files.length > 0 ? files : ['-']) {
            const eq = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(f)
            if (eq) {
              vars.set(eq[1], eq[2])
              continue
            }
            let reader: Reader
            if (f === '-') reader = ctx.stdin
            else {
              const text = ctx.fs.readFile(resolvePath(ctx.cwd, f))
              if (text === undefined) {
                flush()
                ctx.stderr.write(`awk: cannot open "${f}" (No such file or directory)\n`)
                return STATUS_ERROR
              }
              reader = textReader(text)
            }
            vars.set('FNR', 0)
            const lr = lineReaderFor(reader)
            for (let line = await lr.line(); line !== null; line = await lr.line()) {
              if (ctx.signal.aborted) return 130
              vars.set('NR', Number(vars.get('NR')) + 1)
              vars.set('FNR', Number(vars.get('FNR')) + 1)
              env.setRecord(line)
              try {
                runRules('main')
              } catch (e) {
                if (!(e instanceof NextSignal)) throw e
              }
              flush()
            }
          }
        }
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exitCode = e.code
      }
      try {
        runRules('end')
      } catch (e) {
        if (!(e instanceof ExitSignal)) throw e
        exitCode = e.code
      }
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e
      flush()
      ctx.stderr.write(`awk: ${e.message}\n`)
      return STATUS_ERROR
    }
    flush()
    return exitCode ?? 0
  },
}

/** -F '\t' means a tab; -F t too, as in POSIX awk. */
function unescapeFs(fs: string): string {
  if (fs === 't' || fs === '\\t') return '\t'
  return fs
}

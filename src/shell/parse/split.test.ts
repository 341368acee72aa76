import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isComplete, splitCommands } from './split'

describe('splitCommands', () => {
  it('gives one entry per line, dropping comments and blank lines', () => {
    expect(splitCommands('# setup\nkubectl get pods\n\necho a; echo b   # both\n')).toEqual(['kubectl get pods', 'echo a; echo b'])
  })

  it('keeps multi-line compound commands and here-documents together', () => {
    const script = [
      'if true',
      'then',
      '  echo yes',
      'fi',
      'cat <<EOF > pod.yaml',
      'kind: Pod',
      'EOF',
      'for i in 1 2; do',
      '  echo $i',
      'done',
      'echo "two',
      'lines"',
      'echo a \\',
      '  b',
    ].join('\n')
    expect(splitCommands(script)).toEqual([
      'if true\nthen\n  echo yes\nfi',
      'cat <<EOF > pod.yaml\nkind: Pod\nEOF',
      'for i in 1 2; do\n  echo $i\ndone',
      'echo "two\nlines"',
      'echo a \\\n  b',
    ])
  })

  it('returns the unparsable rest as one entry so running it reports the error', () => {
    expect(splitCommands('echo ok\nif true; then')).toEqual(['echo ok', 'if true; then'])
  })
})

describe('isComplete', () => {
  it('is false while a quote, compound command or here-document is open', () => {
    expect(isComplete('echo hi')).toBe(true)
    expect(isComplete('echo "hi')).toBe(false)
    expect(isComplete('if true; then')).toBe(false)
    expect(isComplete('cat <<EOF\nx')).toBe(false)
    expect(isComplete('echo a \\')).toBe(false)
    expect(isComplete('echo a \\\\')).toBe(true)
    expect(isComplete('fi')).toBe(true)
  })
})

describe('splitCommands (property)', () => {
  it('returns each line of simple commands as written', () => {
    const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/)
    const command = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '))
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 6 }), (cmds) => {
        const keywords = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for'])
        fc.pre(cmds.every((c) => !keywords.has(c.split(' ')[0])))
        expect(splitCommands(cmds.join('\n') + '\n')).toEqual(cmds)
      }),
    )
  })
})

import { describe, it, expect } from 'vitest'
import { isIncomplete } from './continuation'

describe('isIncomplete (when bash would show PS2)', () => {
  it('complete simple commands', () => {
    for (const s of ['ls', 'kubectl get pods -o wide', "echo 'a b'", 'echo "x" | wc -l', 'a && b', 'echo $(date)', 'echo if fi', 'echo a # b (', ''])
      expect(isIncomplete(s), s).toBe(false)
  })

  it('open quotes, trailing operators and backslash', () => {
    for (const s of ["echo 'abc", 'echo "abc', 'ls |', 'true &&', 'false ||', 'echo \\', 'echo $(date'])
      expect(isIncomplete(s), s).toBe(true)
  })

  it('compound commands', () => {
    expect(isIncomplete('if true; then echo x')).toBe(true)
    expect(isIncomplete('if true; then echo x; fi')).toBe(false)
    expect(isIncomplete('while true; do date; sleep 1')).toBe(true)
    expect(isIncomplete('while true; do date; sleep 1; done')).toBe(false)
    expect(isIncomplete('for i in 1 2\ndo\necho $i\ndone')).toBe(false)
    expect(isIncomplete('case $x in\n a) echo a;;')).toBe(true)
    expect(isIncomplete('case $x in\n a) echo a;;\nesac')).toBe(false)
    expect(isIncomplete('f() {\n echo')).toBe(true)
    expect(isIncomplete('f() {\n echo\n}')).toBe(false)
  })

  it('heredocs wait for their delimiter line', () => {
    expect(isIncomplete('cat <<EOF > bad.yaml')).toBe(true)
    expect(isIncomplete('cat <<EOF > bad.yaml\napiVersion: v1\n  name: [broken')).toBe(true)
    expect(isIncomplete('cat <<EOF > bad.yaml\napiVersion: v1\nEOF')).toBe(false)
    expect(isIncomplete("cat <<'END'\n$x\nEND")).toBe(false)
    expect(isIncomplete('cat <<-EOF\n\tx\n\tEOF')).toBe(false)
    expect(isIncomplete('cat <<< "here string"')).toBe(false)
  })
})

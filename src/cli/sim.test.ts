import { describe, it, expect } from 'vitest'
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { simulate, workspaceFrom } from './sim'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
`

describe('sim', () => {
  it('runs a script: $ lines, interleaved output, instant sleeps, files from the script dir', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'))
    try {
      writeFileSync(join(dir, 'web.yaml'), POD)
      const script = 'kubectl apply -f web.yaml\nkubectl get pods\nsleep 30\nkubectl get pods\nkubectl get pod nope\necho done\n'
      let out = ''
      await simulate(script, { files: workspaceFrom(dir), write: (s) => { out += s } })
      expect(out).toMatch(new RegExp([
        '^\\$ kubectl apply -f web.yaml\npod/web created\n',
        '\\$ kubectl get pods\nNAME +READY +STATUS +RESTARTS +AGE\nweb +0/1 +Pending +0 +0s\n',
        '\\$ sleep 30\n',
        '\\$ kubectl get pods\nNAME +READY +STATUS +RESTARTS +AGE\nweb +1/1 +Running +0 +30s\n',
        '\\$ kubectl get pod nope\nError from server \\(NotFound\\): pods "nope" not found\n',
        '\\$ echo done\ndone\n$',
      ].join('')))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is deterministic', async () => {
    const script = 'kubectl run a --image=nginx\nsleep 10\nkubectl get pods -o wide\n'
    const once = async () => { let out = ''; await simulate(script, { seed: 3, write: (s) => { out += s } }); return out }
    expect(await once()).toBe(await once())
  })
})

import { describe, it, expect } from 'vitest'
import { applyCommand } from './applyCommand'

describe('applyCommand', () => {
  it('uses the path relative to the cwd, quoting when needed', () => {
    expect(applyCommand('/home/learner/pod.yaml', '/home/learner')).toBe('kubectl apply -f pod.yaml')
    expect(applyCommand('/home/learner/app/web.yaml', '/home/learner')).toBe('kubectl apply -f app/web.yaml')
    expect(applyCommand('/home/learner/pod.yaml', '/tmp')).toBe('kubectl apply -f /home/learner/pod.yaml')
    expect(applyCommand("/home/learner/my pod's.yaml", '/home/learner')).toBe(`kubectl apply -f 'my pod'\\''s.yaml'`)
  })
})

import { describe, it, expect } from 'vitest'
import { TerminalController, type ShellEngine } from './controller'
import { FakeScreen } from './fakeScreen'

const P = 'learner@kubelab:~$ '

class FakeEngine implements ShellEngine {
  runs: { id: number; line: string }[] = []
  cancels: number[] = []
  completions: { line: string; cursor: number; resolve: (r: { items: string[]; word: string }) => void }[] = []
  private id = 0
  run(line: string) { const id = ++this.id; this.runs.push({ id, line }); return id }
  cancel(id: number) { this.cancels.push(id) }
  complete(line: string, cursor: number) {
    return new Promise<{ items: string[]; word: string }>((resolve) => this.completions.push({ line, cursor, resolve }))
  }
}

function setup(columns = 80, entries: string[] = []) {
  const screen = new FakeScreen(columns)
  const engine = new FakeEngine()
  const hist = { list: [...entries], entries() { return this.list }, add(l: string) { this.list.push(l) } }
  const t = new TerminalController(screen, engine, hist, '/home/learner')
  t.start()
  return { screen, engine, hist, t }
}

function expectScreen(screen: FakeScreen, lines: string[]) {
  expect(screen.text()).toEqual(lines.map((l) => l.trimEnd()))
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('terminal controller', () => {
  it('shows the prompt and runs a line on Enter, printing output with CRLF', () => {
    const { screen, engine, t } = setup()
    expectScreen(screen, [P])
    t.input('kubectl get pods\r')
    expect(engine.runs).toEqual([{ id: 1, line: 'kubectl get pods' }])
    t.output(1, 'No resources found in default namespace.\n')
    t.exit(1, 0)
    expectScreen(screen, [`${P}kubectl get pods`, 'No resources found in default namespace.', P])
  })

  it('edits in the middle of the line: ←, Home/End, Backspace, Delete, Ctrl-U/K/W', () => {
    const { t, screen } = setup()
    t.input('kubectl gt pods')
    t.input('\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D') // cursor after "g"
    t.input('e')
    expect(t.state).toMatchObject({ line: 'kubectl get pods', cursor: 10 })
    t.input('\x01\x1b[3~\x05\x7f')
    expect(t.state.line).toBe('ubectl get pod')
    t.input('\x17')
    expect(t.state.line).toBe('ubectl get ')
    t.input('\x01\x0b')
    expect(t.state.line).toBe('')
    t.input('abc\x1b[D\x15')
    expect(t.state).toMatchObject({ line: 'c', cursor: 0 })
    expectScreen(screen, [`${P}c`])
    expect(screen.col).toBe(P.length)
  })

  it('redraws a line that wraps past the terminal width and keeps the cursor in place', () => {
    const { t, screen } = setup(30)
    t.input('kubectl get pods --all-namespaces')
    expectScreen(screen, [`${P}kubectl get`, ' pods --all-namespaces'])
    t.input('\x01')
    expect([screen.row, screen.col]).toEqual([0, P.length])
    t.input('X')
    expectScreen(screen, [`${P}Xkubectl ge`, 't pods --all-namespaces'])
    expect([screen.row, screen.col]).toEqual([0, P.length + 1])
  })

  it('browses history with ↑/↓ and restores the draft', () => {
    const { t } = setup(80, ['kubectl get nodes', 'kubectl get pods'])
    t.input('draft')
    t.input('\x1b[A')
    expect(t.state.line).toBe('kubectl get pods')
    t.input('\x1b[A\x1b[A')
    expect(t.state.line).toBe('kubectl get nodes')
    t.input('\x1b[B\x1b[B')
    expect(t.state.line).toBe('draft')
  })

  it('records history, skipping blank lines', () => {
    const { t, hist, engine } = setup()
    t.input('\r   \r')
    expect(engine.runs).toEqual([])
    t.input('ls\r')
    expect(hist.list).toEqual(['ls'])
  })

  it('queues keys typed while a command runs and replays them after exit', () => {
    const { t, engine, screen } = setup()
    t.input('sleep 5\r')
    t.input('echo hi\recho there')
    expect(engine.runs.map((r) => r.line)).toEqual(['sleep 5'])
    t.exit(1, 0)
    expect(engine.runs.map((r) => r.line)).toEqual(['sleep 5', 'echo hi'])
    t.output(2, 'hi\n')
    t.exit(2, 0)
    expect(t.state.line).toBe('echo there')
    expect(screen.text().slice(-3)).toEqual([`${P}echo hi`, 'hi', `${P}echo there`])
  })

  it('runs a multi-line paste in order', () => {
    const { t, engine } = setup()
    t.input('echo 1\necho 2\necho 3\n')
    t.exit(1, 0)
    t.exit(2, 0)
    expect(engine.runs.map((r) => r.line)).toEqual(['echo 1', 'echo 2', 'echo 3'])
  })

  it('Ctrl-C cancels the running command, prints ^C and drops typeahead', () => {
    const { t, engine, screen } = setup()
    t.input('kubectl get pods -w\r')
    t.output(1, 'NAME   READY\n')
    t.input('typed ahead')
    t.input('\x03')
    expect(engine.cancels).toEqual([1])
    t.exit(1, 130)
    expectScreen(screen, [`${P}kubectl get pods -w`, 'NAME   READY', '^C', P])
    expect(t.state.line).toBe('')
  })

  it('Ctrl-C at the prompt abandons the line', () => {
    const { t, engine, screen } = setup()
    t.input('kubectl dele\x03')
    expect(engine.cancels).toEqual([])
    expectScreen(screen, [`${P}kubectl dele^C`, P])
  })

  it('puts the prompt on a new line after output without a final newline', () => {
    const { t, screen } = setup()
    t.input('printf x\r')
    t.output(1, 'x')
    t.exit(1, 0)
    expectScreen(screen, [`${P}printf x`, 'x', P])
  })

  it('completes a single match with a trailing space', async () => {
    const { t, engine } = setup()
    t.input('kubectl ap\t')
    expect(engine.completions[0]).toMatchObject({ line: 'kubectl ap', cursor: 10 })
    t.input('-f')  // typed before the answer: queued
    engine.completions[0].resolve({ items: ['apply'], word: 'ap' })
    await tick()
    expect(t.state.line).toBe('kubectl apply -f')
  })

  it('lists several matches in columns below and redraws the prompt with the common prefix', async () => {
    const { t, engine, screen } = setup()
    t.input('kubectl get de\t')
    engine.completions[0].resolve({ items: ['deployments', 'deployment'], word: 'de' })
    await tick()
    expect(t.state.line).toBe('kubectl get deployment')
    expectScreen(screen, [`${P}kubectl get deployment`, 'deployment   deployments', `${P}kubectl get deployment`])
  })

  it('rings the bell when nothing completes', async () => {
    const { t, engine, screen } = setup()
    t.input('zz\t')
    engine.completions[0].resolve({ items: [], word: 'zz' })
    await tick()
    expect(screen.writes).toContain('\x07')
    expect(t.state.line).toBe('zz')
  })

  it('Ctrl-L clears the screen and keeps the line', () => {
    const { t, screen } = setup()
    t.input('ls\r')
    t.exit(1, 0)
    t.input('abc\x0c')
    expectScreen(screen, [`${P}abc`])
  })

  it('typeLine runs a line as if typed (the editor Apply button)', () => {
    const { t, engine, screen } = setup()
    t.input('partial')
    t.typeLine('kubectl apply -f pod.yaml')
    expect(engine.runs.map((r) => r.line)).toEqual(['kubectl apply -f pod.yaml'])
    expectScreen(screen, [`${P}kubectl apply -f pod.yaml`, ''])
  })

  it('follows the cwd the engine reports on exit', () => {
    const { t, screen } = setup()
    t.input('cd /tmp\r')
    t.exit(1, 0, '/tmp')
    expect(screen.text()[1]).toBe('learner@kubelab:/tmp$')
  })

  it('queues keys typed before the engine is ready', () => {
    const screen = new FakeScreen()
    const engine = new FakeEngine()
    const t = new TerminalController(screen, engine, { entries: () => [], add() {} }, '/home/learner')
    t.input('ls\r')
    expect(engine.runs).toEqual([])
    t.start()
    expect(engine.runs.map((r) => r.line)).toEqual(['ls'])
  })

  it('asks for more lines with PS2 and sends a heredoc as one command', () => {
    const { t, engine, screen } = setup()
    t.input('cat <<EOF > bad.yaml\r')
    expect(engine.runs).toEqual([])
    expect(t.state.continuing).toBe(true)
    t.input('kind: Pod\r  name: [broken\rEOF\r')
    expect(engine.runs.map((r) => r.line)).toEqual(['cat <<EOF > bad.yaml\nkind: Pod\n  name: [broken\nEOF'])
    expectScreen(screen, [`${P}cat <<EOF > bad.yaml`, '> kind: Pod', '>   name: [broken', '> EOF', ''])
  })

  it('Ctrl-C abandons a half-typed multi-line command', () => {
    const { t, engine } = setup()
    t.input("echo 'open\r\x03echo done\r")
    expect(engine.runs.map((r) => r.line)).toEqual(['echo done'])
  })

  it("shows a nested session's prompt (kubectl exec -it) until the engine stops sending it", () => {
    const { screen, engine, t } = setup()
    t.input('kubectl exec -it web -- sh\r')
    t.exit(1, 0, '/home/learner', '/ # ')
    expectScreen(screen, [`${P}kubectl exec -it web -- sh`, '/ # '])
    t.input('ls /\r')
    expect(engine.runs[1]).toEqual({ id: 2, line: 'ls /' })
    t.output(2, 'bin\netc\n')
    t.exit(2, 0, '/home/learner', '/ # ')
    t.input('exit\r')
    t.exit(3, 0, '/home/learner')
    expectScreen(screen, [`${P}kubectl exec -it web -- sh`, '/ # ls /', 'bin', 'etc', '/ # exit', P])
  })

  it('counts only visible cells of a coloured nested prompt when placing the cursor', () => {
    const { screen, t } = setup(80)
    t.input('kubectl exec -it web -- bash\r')
    t.exit(1, 0, undefined, '\x1b[1;31mroot@web\x1b[0m:/# ')
    t.input('abc\x1b[D')
    expect(screen.text().at(-1)).toBe('root@web:/# abc')
    expect([screen.row, screen.col]).toEqual([screen.text().length - 1, 'root@web:/# ab'.length])
  })

  it('Ctrl-D on an empty line leaves a nested shell; in the learner shell it does nothing', () => {
    const { screen, engine, t } = setup()
    t.input('\x04')
    expect(engine.runs).toEqual([])
    t.input('kubectl exec -it web -- sh\r')
    t.exit(1, 0, undefined, '/ # ')
    t.input('\x04')
    expect(engine.runs[1]).toEqual({ id: 2, line: 'exit' })
    t.exit(2, 0)
    expect(screen.text().at(-1)).toBe(P.trimEnd())
  })

  it("a background job's output after its line ended shows above the prompt, keeping the typed line", () => {
    const { screen, t } = setup()
    t.input('kubectl port-forward pod/web 8000:80 &\r')
    t.output(1, 'Forwarding from 127.0.0.1:8000 -> 80\n')
    t.exit(1, 0)
    t.input('curl local')
    t.output(1, 'Handling connection for 8000\n')
    expectScreen(screen, [`${P}kubectl port-forward pod/web 8000:80 &`, 'Forwarding from 127.0.0.1:8000 -> 80', 'Handling connection for 8000', `${P}curl local`])
    expect(t.state.line).toBe('curl local')
    t.input('host:8000\r')
    t.output(1, 'Handling connection for 8000\n')
    t.output(2, '<html>\n')
    expectScreen(screen, [`${P}kubectl port-forward pod/web 8000:80 &`, 'Forwarding from 127.0.0.1:8000 -> 80', 'Handling connection for 8000', `${P}curl localhost:8000`, 'Handling connection for 8000', '<html>', ''])
    // Output of a line never run here is ignored.
    t.output(99, 'stray\n')
    expect(screen.text().join('\n')).not.toContain('stray')
  })

  it("a nested shell has its own history: the container's lines stay out of the learner's", () => {
    const { t, hist } = setup(80, ['kubectl get pods'])
    t.input('kubectl exec -it web -- sh\r')
    t.exit(1, 0, undefined, '/ # ')
    t.input('\x1b[A')
    expect(t.state.line).toBe('')
    t.input('ls /\r')
    t.exit(2, 0, undefined, '/ # ')
    t.input('\x1b[A')
    expect(t.state.line).toBe('ls /')
    t.input('\x15exit\r')
    t.exit(3, 0)
    expect(hist.list).toEqual(['kubectl get pods', 'kubectl exec -it web -- sh'])
    t.input('\x1b[A')
    expect(t.state.line).toBe('kubectl exec -it web -- sh')
  })
})

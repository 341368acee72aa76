// Language runtimes learners start from: node, python, golang. Their default command is a REPL
// (node, python3) or a shell (golang) that, with no TTY, reads end of input and exits 0 — like a
// bare busybox. A learner's `command:` runs through the shell, which has no interpreter for the
// languages themselves: `node -e`/`python -c` print their version and exit.
import type { ImageSpec, Program } from '../types'
import { DEBIAN_12, DEFAULT_PATH, MiB } from './osrelease'

/** `node`/`python3`: `--version` answers; a REPL with no TTY exits 0; a script is not modelled (exit 1 with the interpreter's words). */
function interpreter(name: 'node' | 'python', version: string): Program {
  return async (ctx) => {
    const arg = ctx.argv[1]
    if (arg === undefined) return 0
    if (arg === '--version' || arg === '-v' || arg === '-V') {
      ctx.stdout.write(name === 'node' ? `v${version}\n` : `Python ${version}\n`)
      return 0
    }
    if (name === 'node') ctx.stderr.write(`node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${arg}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${version}\n`)
    else ctx.stderr.write(`${ctx.argv[0]}: can't open file '${ctx.cwd.replace(/\/$/, '')}/${arg}': [Errno 2] No such file or directory\n`)
    return name === 'node' ? 1 : 2
  }
}

const NODE_VERSION = '22.11.0'
const PYTHON_VERSION = '3.13.0'
const GO_VERSION = '1.23.3'

const node = interpreter('node', NODE_VERSION)
const python = interpreter('python', PYTHON_VERSION)

export const nodeImage: ImageSpec = {
  repository: 'docker.io/library/node',
  family: 'language runtimes',
  tags: ['latest', 'current', '23', 'lts', '22', '22.11', '22.11.0', 'jod', '20', '20.18', 'iron', '18', '18.20', 'hydrogen', '16', '14', 'slim', '22-slim', '20-slim', '18-slim', 'alpine', '22-alpine', '20-alpine', '18-alpine', 'bookworm', '22-bookworm'],
  sizeBytes: 1_120_000_000,
  tagSizes: [{ tag: /alpine/, sizeBytes: 155_000_000 }, { tag: /slim/, sizeBytes: 220_000_000 }],
  description: 'Node.js: `node` REPL by default (exits 0 without a TTY); npm, bash, curl.',
  entrypoint: ['docker-entrypoint.sh'],
  cmd: ['node'],
  env: { PATH: DEFAULT_PATH, NODE_VERSION, YARN_VERSION: '1.22.22' },
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: ['curl', 'wget', 'ps'],
  programs: { node, 'docker-entrypoint.sh': async (ctx, host) => (ctx.argv[1] === 'node' || ctx.argv.length === 1 ? node({ ...ctx, argv: ctx.argv.slice(1) }, host) : host.exec ? host.exec(ctx.argv.slice(1)) : 0) },
  memoryBytes: 30 * MiB,
  oneShot: true,
  stopMs: 0,
}

export const pythonImage: ImageSpec = {
  repository: 'docker.io/library/python',
  family: 'language runtimes',
  tags: ['latest', '3', '3.13', '3.13.0', '3.12', '3.12.7', '3.11', '3.10', '3.9', '3.8', '2.7', '2', 'slim', '3-slim', '3.13-slim', '3.12-slim', '3.11-slim', 'alpine', '3-alpine', '3.13-alpine', '3.12-alpine', 'bookworm', '3.12-bookworm'],
  sizeBytes: 1_020_000_000,
  tagSizes: [{ tag: /alpine/, sizeBytes: 57_500_000 }, { tag: /slim/, sizeBytes: 154_000_000 }, { tag: /^2/, sizeBytes: 902_000_000 }],
  description: 'Python: `python3` REPL by default (exits 0 without a TTY); pip, bash, curl.',
  entrypoint: [],
  cmd: ['python3'],
  env: { PATH: DEFAULT_PATH, LANG: 'C.UTF-8', PYTHON_VERSION, GPG_KEY: '7169605F62C751356D054A26A821E680E5FA6305' },
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: ['curl', 'wget', 'ps'],
  programs: { python3: python, python, 'python3.13': python },
  memoryBytes: 9 * MiB,
  oneShot: true,
  stopMs: 0,
}

export const golang: ImageSpec = {
  repository: 'docker.io/library/golang',
  family: 'language runtimes',
  tags: ['latest', '1', '1.23', '1.23.3', '1.22', '1.22.9', '1.21', 'bookworm', '1.23-bookworm', 'alpine', '1.23-alpine', '1.22-alpine'],
  sizeBytes: 823_000_000,
  tagSizes: [{ tag: /alpine/, sizeBytes: 255_000_000 }],
  description: 'Go toolchain on Debian: `bash` by default (exits 0 without a TTY); go, git, curl.',
  entrypoint: [],
  cmd: ['bash'],
  env: { PATH: `/go/bin:/usr/local/go/bin:${DEFAULT_PATH}`, GOLANG_VERSION: GO_VERSION, GOTOOLCHAIN: 'local', GOPATH: '/go' },
  workingDir: '/go',
  files: { '/etc/os-release': DEBIAN_12 },
  shell: 'bash',
  tools: ['curl', 'wget', 'ps'],
  programs: { go: async (ctx) => { if (ctx.argv[1] === 'version') { ctx.stdout.write(`go version go${GO_VERSION} linux/amd64\n`); return 0 } ctx.stderr.write('go: no go files listed\n'); return 1 } },
  memoryBytes: 1 * MiB,
  oneShot: true,
  stopMs: 0,
}

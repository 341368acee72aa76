// The editor: Apply sends the open file through kubectl, and monaco-yaml checks it against the
// Kubernetes schemas (the guard for the monaco-yaml worker fix in STACK.md).
import { test, expect } from './fixtures'

const STARTER = /pod\.yaml/

function podManifest(name: string): string {
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  containers:',
    '  - name: nginx',
    '    image: nginx',
    '',
  ].join('\n')
}

test.beforeEach(async ({ page, terminal, editor }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
  await editor.waitForReady()
})

test('Apply creates the pod in the open manifest and the graph draws it', async ({ terminal, editor, graph }) => {
  await editor.openFile(STARTER)
  await editor.setText(podManifest('from-editor'))
  await editor.apply()
  await expect.poll(() => terminal.text(), { message: 'the terminal ran kubectl apply' })
    .toMatch(/kubectl apply -f \S*pod\.yaml$/m)
  await expect.poll(() => terminal.text(), { message: 'kubectl reports the pod created' })
    .toMatch(/^pod\/from-editor created$/m)
  await expect(graph.object('Pod', 'from-editor')).toHaveCount(1)
})

test('a schema violation gets a warning marker that goes away when fixed', async ({ editor }) => {
  await editor.openFile(STARTER)
  // containers must be a list: the Pod schema says so.
  await editor.setText(podManifest('bad').replace(/ {2}containers:[\s\S]*$/, '  containers: not-a-list\n'))
  await expect.poll(() => editor.hasWarningOnLine('not-a-list'),
    { timeout: 20_000, message: 'a warning marks the containers line' }).toBe(true)
  await editor.setText(podManifest('good'))
  await expect(editor.warnings).toHaveCount(0, { timeout: 20_000 })
})

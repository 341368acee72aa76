// kubectl edit as a learner meets it: the object opens in the editor, saving applies it, and the
// terminal reports the result the way kubectl does.
import { test, expect } from './fixtures'

test('kubectl edit opens the Deployment in the editor and saving applies the change', async ({ page, terminal, editor }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
  await editor.waitForReady()
  expect(await terminal.run('kubectl create deployment web --image=nginx:1.25 --replicas=2'))
    .toBe('deployment.apps/web created')
  await terminal.start('kubectl edit deployment/web')
  await expect.poll(() => terminal.text(), { message: 'kubectl edit says where the object is' })
    .toMatch(/^Editing \S*kubectl-edit-\S+\.yaml: save the file in the editor/m)
  // The object's YAML is the editor's active tab.
  await expect(editor.root.getByRole('tab', { name: /kubectl-edit-.*\.yaml/, selected: true })).toBeVisible()
  await expect.poll(() => editor.visibleText()).toMatch(/kind: Deployment/)
  // Find `replicas: 2` in the spec (the status's `replicas:` comes later), type over it, save.
  await editor.lines.click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('ControlOrMeta+F')
  await page.keyboard.type('  replicas: 2')
  await page.keyboard.press('Escape')
  await page.keyboard.type('  replicas: 5')
  await page.keyboard.press('ControlOrMeta+S')
  await expect.poll(() => terminal.text(), { message: 'kubectl edit applies the saved file' })
    .toMatch(/^deployment\.apps\/web edited$/m)
  await terminal.waitForPrompt()
  expect(await terminal.run("kubectl get deployment web -o jsonpath='{.spec.replicas}'")).toBe('5')
})

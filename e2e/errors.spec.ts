// Failure paths are features: broken YAML gets kubectl's parse error, exit code 1, and no page error.
import { test, expect } from './fixtures'

test('invalid YAML applied from the terminal prints kubectl\'s parse error', async ({ page, terminal }) => {
  await page.goto('/')
  await terminal.waitForPrompt()
  await terminal.start('cat <<EOF > bad.yaml')
  for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: [broken', 'EOF']) {
    await terminal.type(line)
    await terminal.press('Enter')
  }
  await terminal.waitForPrompt()
  expect(await terminal.run('cat bad.yaml')).toContain('  name: [broken')
  const out = await terminal.run('kubectl apply -f bad.yaml')
  expect(out).toMatch(/^error: error parsing bad\.yaml: error converting YAML to JSON: yaml: /m)
  expect(await terminal.run('echo $?')).toBe('1')
})

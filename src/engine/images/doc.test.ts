import { describe, it, expect } from 'vitest'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { renderImagesDoc, displayName } from './doc'
import { IMAGE_LIBRARY } from './catalog'

const DOC = resolve(__dirname, '../../../docs/IMAGES.md')

describe('docs/IMAGES.md', () => {
  it('is the rendering of the library (UPDATE_GOLDEN=1 rewrites it)', () => {
    const want = renderImagesDoc()
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(DOC)) writeFileSync(DOC, want)
    expect(readFileSync(DOC, 'utf8')).toBe(want)
  })

  it('lists every library entry', () => {
    const doc = readFileSync(DOC, 'utf8')
    for (const spec of IMAGE_LIBRARY) expect(doc, spec.repository).toContain(`| \`${displayName(spec.repository)}\``)
  })
})

import { defineConfig } from 'vitest/config'

// .ci/run sets VITEST_JSON_OUTPUT to also get a JSON report it can total (numPassedTests/numFailedTests).
const jsonOutput = process.env.VITEST_JSON_OUTPUT

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'labs/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    ...(jsonOutput ? { reporters: ['default', 'json'], outputFile: { json: jsonOutput } } : {}),
  },
})

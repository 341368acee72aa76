// The command the Apply button types into the terminal.
/** The path as `kubectl apply -f` should see it from the shell's cwd (quoted if it has spaces). */
export function applyCommand(path: string, cwd: string): string {
  const rel = path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path
  const arg = /[^A-Za-z0-9_./~-]/.test(rel) ? `'${rel.replace(/'/g, `'\\''`)}'` : rel
  return `kubectl apply -f ${arg}`
}

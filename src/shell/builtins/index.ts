// The builtins table: every name the shell runs without a registry.
import { awk } from './awk'
import { base64 } from './base64'
import { cat, tee } from './cat'

/** less and more without paging: the terminal scrolls, so they print like cat. */
const pager: Builtin = { ...cat, summary: 'Show a file (printed whole: the terminal scrolls)' }
import { cut } from './cut'
import { date } from './date'
import { echo } from './echo'
import { find } from './find'
import { cp, mkdir, mv, rm, touch } from './files'
import { grep } from './grep'
import { head, tail } from './headtail'
import { command, help, type, UTILITIES, which } from './help'
import { ls } from './ls'
import { basename, dirname, exec, hostname, local, trap, uname, wait, whoami, xargs } from './misc'
import { printf } from './printf'
import { evalCmd, sh, source } from './script'
import { rev, tac } from './reverse'
import { sed } from './sed'
import { seq } from './seq'
import { breakCmd, cd, continueCmd, exit, history, returnCmd, set, shift } from './session'
import { clear, colon, falseCmd, pwd, trueCmd, yes } from './simple'
import { sleep } from './sleep'
import { sort, uniq } from './sort'
import { bracket, doubleBracket, test } from './test'
import { timeout } from './timeout'
import { tr } from './tr'
import type { Builtin } from './types'
import { alias, env, exportCmd, printenv, read, unalias, unset } from './vars'
import { watch } from './watch'
import { wc } from './wc'

export const BUILTINS: Record<string, Builtin> = {
  '.': source,
  ':': colon,
  '[': bracket,
  '[[': doubleBracket,
  alias,
  awk,
  base64,
  basename,
  bash: sh,
  break: breakCmd,
  cat,
  cd,
  clear,
  command,
  continue: continueCmd,
  cp,
  cut,
  date,
  dirname,
  echo,
  env,
  eval: evalCmd,
  exec,
  exit,
  export: exportCmd,
  false: falseCmd,
  find,
  grep,
  head,
  help,
  history,
  less: pager,
  hostname,
  local,
  ls,
  mkdir,
  more: pager,
  mv,
  printenv,
  printf,
  pwd,
  read,
  return: returnCmd,
  rev,
  rm,
  sed,
  seq,
  set,
  sh,
  shift,
  sleep,
  sort,
  source,
  tac,
  tail,
  tee,
  test,
  timeout,
  touch,
  tr,
  trap,
  true: trueCmd,
  type,
  unalias,
  uname,
  uniq,
  unset,
  watch,
  wc,
  wait,
  which,
  whoami,
  xargs,
  yes,
}

for (const [name, b] of Object.entries(BUILTINS)) if (b.utility) UTILITIES.add(name)

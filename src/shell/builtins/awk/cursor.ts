// A position in the awk token list, with the small helpers every parsing function needs.
import { AwkSyntaxError, type Tok } from './lexer'

export class Cursor {
  i = 0
  constructor(readonly toks: Tok[]) {}

  peek(): Tok {
    return this.toks[this.i]
  }

  isOp(v: string, t: Tok = this.peek()): boolean {
    return t.t === 'op' && t.v === v
  }

  isName(v: string, t: Tok = this.peek()): boolean {
    return t.t === 'name' && t.v === v
  }

  fail(): never {
    const t = this.peek()
    const shown = t.t === 'eof' ? 'end of program' : t.t === 'nl' ? 'newline' : String(t.v)
    throw new AwkSyntaxError(`syntax error at source line 1 near ${shown}`)
  }

  expectOp(v: string): void {
    if (!this.isOp(v)) this.fail()
    this.i++
  }

  skipNl(): void {
    while (this.peek().t === 'nl') this.i++
  }

  /** Newlines and semicolons between statements. */
  skipTerms(): void {
    while (this.peek().t === 'nl' || this.isOp(';')) this.i++
  }
}

/**
 * Just enough of Python to read a Keras snippet as a reader pastes it: split the text into statements
 * (a call may run over several lines inside its brackets), and read each one's expressions — numbers,
 * strings, True/False/None, dotted names, tuples, lists, calls with positional and keyword arguments,
 * and arithmetic on numbers (`2 / 32`). Anything else (subscripts, method calls on results, lambdas)
 * is kept as text, so the importer can say that it does not use it. Nothing is ever executed.
 */

/** A Python value or expression as far as the importer needs it. */
export type PyValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  /** A name or a dotted path: `x_train`, `keras.layers.Conv2D`. */
  | { readonly kind: 'name'; readonly path: string }
  | { readonly kind: 'tuple' | 'list'; readonly items: readonly PyValue[] }
  /** A call of a (dotted) name: `layers.Conv2D(32, (3, 3), padding="same")`. */
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly PyValue[]; readonly kwargs: Readonly<Record<string, PyValue>> }
  /** Something the reader does not model; `text` is its source. */
  | { readonly kind: 'other'; readonly text: string };

/** One statement of the snippet. `line` is 1-based (the statement's first line); `text` its source. */
export type PyStatement =
  | { readonly kind: 'import'; readonly line: number; readonly text: string }
  /** `a = value` or `a, b = value`; `targets` are the target texts left to right (`x_train, y_train`). */
  | { readonly kind: 'assign'; readonly line: number; readonly text: string; readonly targets: readonly string[]; readonly value: PyValue }
  | { readonly kind: 'expression'; readonly line: number; readonly text: string; readonly value: PyValue }
  /** `return value` (inside a function of the code view: `return model.fit(…)`); value null for a bare return or one that did not parse. */
  | { readonly kind: 'return'; readonly line: number; readonly text: string; readonly value: PyValue | null }
  /** A block header or keyword statement (`def f():`, `return model`, `if …:`), or text that did not parse. */
  | { readonly kind: 'other'; readonly line: number; readonly text: string };

interface Token {
  readonly type: 'name' | 'number' | 'string' | 'op';
  readonly text: string;
  readonly value?: string | number;
}

const KEYWORD_STATEMENTS = /^(def|class|if|elif|else|for|while|with|try|except|finally|return|pass|global|nonlocal|assert|raise|del|break|continue|async|lambda|print\b)/;

/** Split `source` into statements and read each one. */
export function parsePythonSnippet(source: string): PyStatement[] {
  return logicalLines(source).map(({ line, text }) => readStatement(line, text));
}

/** Logical lines: physical lines joined while a bracket is open or a line ends with `\`; comments dropped; `;` splits. */
function logicalLines(source: string): { line: number; text: string }[] {
  const result: { line: number; text: string }[] = [];
  let current = '';
  let startLine = 0;
  let depth = 0;
  let quote: string | null = null;
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    if (current.trim() === '') startLine = index + 1;
    let continued = false;
    for (let i = 0; i < raw.length; i++) {
      const char = raw[i] ?? '';
      if (quote !== null) {
        current += char;
        if (char === '\\') {
          current += raw[i + 1] ?? '';
          i++;
        } else if (raw.startsWith(quote, i)) {
          current += quote.slice(1);
          i += quote.length - 1;
          quote = null;
        }
        continue;
      }
      if (char === '#') break;
      if (char === '"' || char === "'") {
        quote = raw.startsWith(char.repeat(3), i) ? char.repeat(3) : char;
        current += quote;
        i += quote.length - 1;
        continue;
      }
      if ('([{'.includes(char)) depth++;
      if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
      if (char === ';' && depth === 0) {
        push();
        startLine = index + 1;
        continue;
      }
      if (char === '\\' && i === raw.trimEnd().length - 1) {
        continued = true;
        break;
      }
      current += char;
    }
    if (depth > 0 || continued || quote !== null) {
      current += quote !== null ? '\n' : ' ';
      return;
    }
    push();
  });
  push();
  return result;

  function push(): void {
    const text = current.trim();
    if (text !== '') result.push({ line: startLine, text });
    current = '';
  }
}

function readStatement(line: number, text: string): PyStatement {
  if (/^(import|from)\s/.test(text)) return { kind: 'import', line, text };
  if (/^return\b/.test(text)) {
    const rest = text.slice('return'.length).trim();
    if (rest === '') return { kind: 'return', line, text, value: null };
    const inner = readStatement(line, rest);
    return { kind: 'return', line, text, value: inner.kind === 'expression' ? inner.value : null };
  }
  if (KEYWORD_STATEMENTS.test(text) && !/^print\s*\(/.test(text)) return { kind: 'other', line, text };
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return { kind: 'other', line, text };
  }
  const equals = topLevelEquals(tokens);
  try {
    if (equals.length > 0) {
      const last = equals[equals.length - 1] ?? 0;
      const targetTokens = tokens.slice(0, equals[0]);
      const value = new ExpressionReader(tokens.slice(last + 1), text).readAll();
      return { kind: 'assign', line, text, targets: splitTargets(targetTokens), value };
    }
    return { kind: 'expression', line, text, value: new ExpressionReader(tokens, text).readAll() };
  } catch {
    return { kind: 'other', line, text };
  }
}

/** Indices of `=` tokens outside brackets (assignment, not keyword arguments or `==`). */
function topLevelEquals(tokens: readonly Token[]): number[] {
  const found: number[] = [];
  let depth = 0;
  tokens.forEach((token, index) => {
    if (token.type !== 'op') return;
    if ('([{'.includes(token.text)) depth++;
    else if (')]}'.includes(token.text)) depth--;
    else if (token.text === '=' && depth === 0) found.push(index);
  });
  return found;
}

/** `(X, y), (X_test, y_test)` → ['X', 'y', 'X_test', 'y_test']; `x` → ['x']. */
function splitTargets(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => token.type === 'name' || (token.type === 'op' && token.text === '.')).reduce<string[]>((names, token, index, list) => {
    const previous = list[index - 1];
    if (token.text === '.' || previous?.text === '.') names[names.length - 1] = `${names[names.length - 1] ?? ''}${token.text}`;
    else names.push(token.text);
    return names;
  }, []);
}

const OPERATORS = ['**', '//', '==', '!=', '<=', '>=', '(', ')', '[', ']', '{', '}', ',', '=', '.', ':', '+', '-', '*', '/', '%', '<', '>', '@', '~', '|', '&', '^'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const string = /^([rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/.exec(rest);
    if (string) {
      const body = string[2] ?? '';
      const quoteLength = body.startsWith('"""') || body.startsWith("'''") ? 3 : 1;
      tokens.push({ type: 'string', text: string[0], value: unescape(body.slice(quoteLength, body.length - quoteLength)) });
      i += string[0].length;
      continue;
    }
    const number = /^(?:\d[\d_]*\.?[\d_]*(?:[eE][+-]?\d+)?|\.\d[\d_]*(?:[eE][+-]?\d+)?)/.exec(rest);
    if (number) {
      tokens.push({ type: 'number', text: number[0], value: Number(number[0].replace(/_/g, '')) });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ type: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (operator === undefined) throw new SyntaxError(`unexpected character ${rest[0] ?? ''}`);
    tokens.push({ type: 'op', text: operator });
    i += operator.length;
  }
  return tokens;
}

function unescape(body: string): string {
  return body.replace(/\\(.)/g, (_, char: string) => ({ n: '\n', t: '\t' })[char] ?? char);
}

/** Recursive descent over one statement's tokens. Throws SyntaxError where it cannot go on. */
class ExpressionReader {
  private position = 0;

  constructor(private readonly tokens: readonly Token[], private readonly source: string) {}

  readAll(): PyValue {
    const value = this.readTupleOrExpression();
    if (this.position < this.tokens.length) throw new SyntaxError(`unexpected ${this.peek()?.text ?? ''}`);
    return value;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.type === 'op' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isOp(text)) throw new SyntaxError(`expected ${text}`);
    this.position++;
  }

  /** `a, b` at the top of a statement is a tuple, as in Python. */
  private readTupleOrExpression(): PyValue {
    const first = this.readExpression();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.position++;
      if (this.position >= this.tokens.length) break;
      items.push(this.readExpression());
    }
    return { kind: 'tuple', items };
  }

  private readExpression(): PyValue {
    const start = this.position;
    let value = this.readTerm();
    while (this.isOp('+') || this.isOp('-')) {
      const operator = this.peek()?.text;
      this.position++;
      value = arithmetic(value, operator ?? '+', this.readTerm(), this.textFrom(start));
    }
    return value;
  }

  private readTerm(): PyValue {
    const start = this.position;
    let value = this.readUnary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%') || this.isOp('**')) {
      const operator = this.peek()?.text;
      this.position++;
      value = arithmetic(value, operator ?? '*', this.readUnary(), this.textFrom(start));
    }
    return value;
  }

  private readUnary(): PyValue {
    if (this.isOp('-') || this.isOp('+')) {
      const negative = this.isOp('-');
      this.position++;
      const value = this.readUnary();
      if (value.kind === 'number') return { kind: 'number', value: negative ? -value.value : value.value };
      return { kind: 'other', text: `${negative ? '-' : '+'}${describeValue(value)}` };
    }
    return this.readPostfix();
  }

  private readPostfix(): PyValue {
    const start = this.position;
    let value = this.readPrimary();
    for (;;) {
      if (this.isOp('.') && this.peek(1)?.type === 'name') {
        const attribute = this.peek(1)?.text ?? '';
        this.position += 2;
        value = value.kind === 'name' ? { kind: 'name', path: `${value.path}.${attribute}` } : { kind: 'other', text: this.textFrom(start) };
      } else if (this.isOp('(')) {
        const { args, kwargs } = this.readArguments();
        value = value.kind === 'name' ? { kind: 'call', callee: value.path, args, kwargs } : { kind: 'other', text: this.textFrom(start) };
      } else if (this.isOp('[')) {
        this.skipBracket('[', ']');
        value = { kind: 'other', text: this.textFrom(start) };
      } else {
        return value;
      }
    }
  }

  private readPrimary(): PyValue {
    const token = this.peek();
    if (token === undefined) throw new SyntaxError('unexpected end');
    if (token.type === 'number') {
      this.position++;
      return { kind: 'number', value: token.value as number };
    }
    if (token.type === 'string') {
      this.position++;
      let value = token.value as string;
      // Adjacent string literals join, as in Python.
      while (this.peek()?.type === 'string') value += this.tokens[this.position++]?.value as string;
      return { kind: 'string', value };
    }
    if (token.type === 'name') {
      this.position++;
      if (token.text === 'True' || token.text === 'False') return { kind: 'bool', value: token.text === 'True' };
      if (token.text === 'None') return { kind: 'none' };
      return { kind: 'name', path: token.text };
    }
    if (this.isOp('(')) return this.readSequence('(', ')', 'tuple');
    if (this.isOp('[')) return this.readSequence('[', ']', 'list');
    if (this.isOp('{')) {
      const start = this.position;
      this.skipBracket('{', '}');
      return { kind: 'other', text: this.textFrom(start) };
    }
    throw new SyntaxError(`unexpected ${token.text}`);
  }

  /** `(a)` is `a`; `(a,)`, `(a, b)` and `()` are tuples; `[…]` is a list. */
  private readSequence(open: string, close: string, kind: 'tuple' | 'list'): PyValue {
    this.expect(open);
    const items: PyValue[] = [];
    let trailingComma = false;
    while (!this.isOp(close)) {
      items.push(this.readExpression());
      trailingComma = false;
      if (this.isOp(',')) {
        this.position++;
        trailingComma = true;
      } else if (!this.isOp(close)) {
        throw new SyntaxError(`expected , or ${close}`);
      }
    }
    this.position++;
    const only = items[0];
    if (kind === 'tuple' && items.length === 1 && !trailingComma && only !== undefined) return only;
    return { kind, items };
  }

  private readArguments(): { args: PyValue[]; kwargs: Record<string, PyValue> } {
    this.expect('(');
    const args: PyValue[] = [];
    const kwargs: Record<string, PyValue> = {};
    while (!this.isOp(')')) {
      if (this.isOp('*') || this.isOp('**')) throw new SyntaxError('unpacked arguments');
      if (this.peek()?.type === 'name' && this.isOp('=', 1)) {
        const key = this.peek()?.text ?? '';
        this.position += 2;
        kwargs[key] = this.readExpression();
      } else {
        args.push(this.readExpression());
      }
      if (this.isOp(',')) this.position++;
      else if (!this.isOp(')')) throw new SyntaxError('expected , or )');
    }
    this.position++;
    return { args, kwargs };
  }

  private skipBracket(open: string, close: string): void {
    let depth = 0;
    do {
      if (this.isOp(open)) depth++;
      else if (this.isOp(close)) depth--;
      this.position++;
    } while (depth > 0 && this.position < this.tokens.length);
    if (depth > 0) throw new SyntaxError(`unclosed ${open}`);
  }

  private textFrom(start: number): string {
    return this.tokens.slice(start, this.position).map((token) => token.text).join(' ').replace(/ ?([.()[\],]) ?/g, '$1') || this.source;
  }
}

/** Numbers combine (`2 / 32`); anything else stays as text. */
function arithmetic(left: PyValue, operator: string, right: PyValue, text: string): PyValue {
  if (left.kind !== 'number' || right.kind !== 'number') return { kind: 'other', text };
  const a = left.value;
  const b = right.value;
  const results: Record<string, number> = { '+': a + b, '-': a - b, '*': a * b, '/': a / b, '//': Math.floor(a / b), '%': a % b, '**': a ** b };
  const value = results[operator];
  return value === undefined || !Number.isFinite(value) ? { kind: 'other', text } : { kind: 'number', value };
}

/** A value as short Python-like text, for messages: `(3, 3)`, `"same"`, `Conv2D(…)`. */
export function describeValue(value: PyValue): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'string':
      return `'${value.value}'`;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'name':
      return value.path;
    case 'tuple':
      return `(${value.items.map(describeValue).join(', ')}${value.items.length === 1 ? ',' : ''})`;
    case 'list':
      return `[${value.items.map(describeValue).join(', ')}]`;
    case 'call':
      return `${value.callee}(…)`;
    case 'other':
      return value.text;
  }
}

/** The last part of a dotted name: `keras.layers.Conv2D` → `Conv2D`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

import jsep from 'jsep';
import { err, ok, type Result } from '../kernel/index.ts';

/**
 * User-written scoring formulas (e.g. `min(actual/target, 1) * weight`), parsed with jsep and compiled by
 * our own whitelisted compiler into closures — no eval, no member access, no unknown names or functions.
 *
 * A compiled formula runs column-at-a-time: each AST node becomes a closure that fills a Float64Array for a
 * whole batch of subjects, so a formula over 100,000 subjects costs a handful of tight loops, not 100,000
 * tree walks. Constant sub-expressions are folded at compile time. The same closures evaluate a single
 * subject (n = 1) for explanations.
 *
 * Arithmetic: + - * / % and ^ (power, as in Excel); comparisons < <= > >= == != give 1 or 0; && || ! treat
 * non-zero as true; `c ? a : b`. Functions: min, max, abs, round(x[, digits]), floor, ceil, sqrt, pow, exp,
 * ln, log10, clamp(x, lo, hi), if(c, a, b).
 */

export interface FormulaProblem {
  /** `unknown_name`: a variable that is neither an input nor a constant; the rest are compile errors. */
  readonly kind: 'syntax' | 'unknown_name' | 'unknown_function' | 'not_allowed' | 'arity' | 'empty';
  readonly zh: string;
  readonly en: string;
  /** 0-based character position in the expression, when known. */
  readonly position: number | null;
}

export interface CompiledFormula {
  readonly expression: string;
  /** Variable names in the order `evaluate` expects their columns. */
  readonly variables: readonly string[];
  /** Fills and returns a column of n results from one column per variable. The result buffer is reused. */
  evaluate(columns: readonly Float64Array[], n: number): Float64Array;
  /** Evaluates one subject. */
  evaluateOne(values: readonly number[]): number;
  /** True when a missing (NaN) variable always makes the result NaN: only arithmetic and NaN-propagating
   * functions, no comparisons, logic, conditionals or powers (NaN ^ 0 is 1). Lets the batch skip per-row
   * input checks for rows whose result is a number. */
  readonly propagatesNaN: boolean;
}

type Node =
  | { readonly c: true; readonly value: number }
  | { readonly c: false; readonly run: (cols: readonly Float64Array[], n: number) => Float64Array };

// ^ and ** are powers (as in Excel), binding tighter than * and /, right-associative.
jsep.removeBinaryOp('^');
jsep.addBinaryOp('^', 11, true);
jsep.addBinaryOp('**', 11, true);

const constant = (value: number): Node => ({ c: true, value });

/** A column-valued node: `fill(out, n, cols)` writes n results; the buffer grows on demand. */
function column(fill: (out: Float64Array, n: number, cols: readonly Float64Array[]) => void): Node {
  let buf = new Float64Array(0);
  return {
    c: false,
    run(cols, n) {
      if (buf.length < n) buf = new Float64Array(n);
      fill(buf, n, cols);
      return buf;
    },
  };
}

type Binary = (a: number, b: number) => number;
type Unary = (a: number) => number;

const truth = (x: number): boolean => x !== 0 && !Number.isNaN(x);

const BINARY: Record<string, Binary> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => a ** b,
  '**': (a, b) => a ** b,
  '<': (a, b) => (a < b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '>': (a, b) => (a > b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  '&&': (a, b) => (truth(a) && truth(b) ? 1 : 0),
  '||': (a, b) => (truth(a) || truth(b) ? 1 : 0),
};

const UNARY: Record<string, Unary> = {
  '-': (a) => -a,
  '+': (a) => a,
  '!': (a) => (truth(a) ? 0 : 1),
};

const roundTo = (x: number, d: number): number => {
  const f = 10 ** Math.trunc(d);
  return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
};

/** Whitelisted functions: name → [min arity, max arity, implementation]. */
const FUNCTIONS: Record<string, readonly [number, number, (args: readonly number[]) => number]> = {
  min: [1, Infinity, (a) => Math.min(...a)],
  max: [1, Infinity, (a) => Math.max(...a)],
  abs: [1, 1, (a) => Math.abs(a[0]!)],
  round: [1, 2, (a) => roundTo(a[0]!, a[1] ?? 0)],
  floor: [1, 1, (a) => Math.floor(a[0]!)],
  ceil: [1, 1, (a) => Math.ceil(a[0]!)],
  sqrt: [1, 1, (a) => Math.sqrt(a[0]!)],
  pow: [2, 2, (a) => a[0]! ** a[1]!],
  exp: [1, 1, (a) => Math.exp(a[0]!)],
  ln: [1, 1, (a) => Math.log(a[0]!)],
  log10: [1, 1, (a) => Math.log10(a[0]!)],
  clamp: [3, 3, (a) => Math.min(Math.max(a[0]!, a[1]!), a[2]!)],
  if: [3, 3, (a) => (truth(a[0]!) ? a[1]! : a[2]!)],
};

export const FORMULA_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

class CompileError extends Error {
  constructor(
    readonly kind: FormulaProblem['kind'],
    readonly zh: string,
    readonly en: string,
    readonly position: number | null,
  ) {
    super(en);
  }
}

/** Position of the first whole-word occurrence of an identifier (jsep nodes carry no positions). */
function positionOf(expression: string, name: string): number | null {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(^|[^\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])`, 'u').exec(expression);
  return m ? m.index + m[1]!.length : null;
}

export function compileFormula(
  expression: string,
  variables: readonly string[],
  constants: Readonly<Record<string, number>> = {},
): Result<CompiledFormula, FormulaProblem> {
  if (expression.trim() === '') {
    return err({ kind: 'empty', zh: '公式为空', en: 'The formula is empty', position: 0 });
  }
  let ast: jsep.Expression;
  try {
    ast = jsep(expression);
  } catch (e) {
    const pe = e as { description?: string; index?: number; message?: string };
    const pos = typeof pe.index === 'number' ? pe.index : null;
    return err({
      kind: 'syntax',
      zh: `公式语法错误（第${pos === null ? '?' : pos + 1}个字符）：${pe.description ?? pe.message ?? ''}`,
      en: `Syntax error at character ${pos === null ? '?' : pos + 1}: ${pe.description ?? pe.message ?? ''}`,
      position: pos,
    });
  }
  const index = new Map(variables.map((v, i) => [v, i] as const));

  const compile = (node: jsep.Expression): Node => {
    switch (node.type) {
      case 'Literal': {
        const v = (node as jsep.Literal).value;
        if (typeof v === 'number') return constant(v);
        if (typeof v === 'boolean') return constant(v ? 1 : 0);
        const raw = String((node as jsep.Literal).raw);
        throw new CompileError(
          'not_allowed',
          `公式中只能使用数字，不能使用文字 ${raw}`,
          `Only numbers are allowed, not ${raw}`,
          expression.indexOf(raw),
        );
      }
      case 'Identifier': {
        const name = (node as jsep.Identifier).name;
        const i = index.get(name);
        if (i !== undefined) {
          return {
            c: false,
            run: (cols) => cols[i]!,
          };
        }
        const k = Object.hasOwn(constants, name) ? constants[name] : undefined;
        if (k !== undefined) return constant(k);
        const pos = positionOf(expression, name);
        const known = [...variables, ...Object.keys(constants)].join('、') || '（无）';
        throw new CompileError(
          'unknown_name',
          `未知的变量“${name}”（第${pos === null ? '?' : pos + 1}个字符）；可用的变量：${known}`,
          `Unknown name "${name}" at character ${pos === null ? '?' : pos + 1}; known names: ${known}`,
          pos,
        );
      }
      case 'UnaryExpression': {
        const u = node as jsep.UnaryExpression;
        const f = Object.hasOwn(UNARY, u.operator) ? UNARY[u.operator] : undefined;
        if (!f) throw unsupportedOperator(u.operator);
        const a = compile(u.argument);
        if (a.c) return constant(f(a.value));
        return column((out, n, cols) => {
          const x = a.run(cols, n);
          for (let i = 0; i < n; i++) out[i] = f(x[i]!);
        });
      }
      case 'BinaryExpression': {
        const b = node as jsep.BinaryExpression;
        const f = Object.hasOwn(BINARY, b.operator) ? BINARY[b.operator] : undefined;
        if (!f) throw unsupportedOperator(b.operator);
        const l = compile(b.left);
        const r = compile(b.right);
        if (l.c && r.c) return constant(f(l.value, r.value));
        return binaryColumn(b.operator, f, l, r);
      }
      case 'ConditionalExpression': {
        const c = node as jsep.ConditionalExpression;
        return conditional(compile(c.test), compile(c.consequent), compile(c.alternate));
      }
      case 'CallExpression': {
        const call = node as jsep.CallExpression;
        if (call.callee.type !== 'Identifier') {
          throw new CompileError(
            'not_allowed',
            '只能调用内置函数',
            'Only built-in functions can be called',
            call.callee.type === 'MemberExpression'
              ? memberPosition(call.callee as jsep.MemberExpression)
              : null,
          );
        }
        const name = (call.callee as jsep.Identifier).name;
        const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
        if (!spec) {
          const pos = positionOf(expression, name);
          throw new CompileError(
            'unknown_function',
            `未知的函数“${name}”（第${pos === null ? '?' : pos + 1}个字符）；可用的函数：${FORMULA_FUNCTIONS.join('、')}`,
            `Unknown function "${name}" at character ${pos === null ? '?' : pos + 1}; available: ${FORMULA_FUNCTIONS.join(', ')}`,
            pos,
          );
        }
        const [lo, hi, impl] = spec;
        const argc = call.arguments.length;
        if (argc < lo || argc > hi) {
          const pos = positionOf(expression, name);
          const want = hi === Infinity ? `至少${lo}个` : lo === hi ? `${lo}个` : `${lo}至${hi}个`;
          throw new CompileError(
            'arity',
            `函数 ${name} 需要${want}参数，实际给了${argc}个`,
            `${name} takes ${hi === Infinity ? `at least ${lo}` : lo === hi ? lo : `${lo} to ${hi}`} argument(s), got ${argc}`,
            pos,
          );
        }
        const args = call.arguments.map(compile);
        if (name === 'if') return conditional(args[0]!, args[1]!, args[2]!);
        if (args.every((a) => a.c)) return constant(impl(args.map((a) => (a as { value: number }).value)));
        return specialisedCall(name, args) ?? callColumn(impl, args);
      }
      case 'MemberExpression':
        throw new CompileError(
          'not_allowed',
          '公式中不允许访问属性（如 a.b 或 a[0]）',
          'Member access (a.b or a[0]) is not allowed',
          memberPosition(node as jsep.MemberExpression),
        );
      default:
        throw new CompileError(
          'not_allowed',
          `公式中不允许使用此类表达式（${node.type}）`,
          `Expressions of type ${node.type} are not allowed`,
          null,
        );
    }
  };

  const memberPosition = (m: jsep.MemberExpression): number | null => {
    if (m.object.type === 'Identifier') {
      const p = positionOf(expression, (m.object as jsep.Identifier).name);
      if (p !== null) return p;
    }
    const dot = expression.search(/[.[]/);
    return dot >= 0 ? dot : null;
  };
  const unsupportedOperator = (op: string) =>
    new CompileError(
      'not_allowed',
      `不支持的运算符“${op}”`,
      `Unsupported operator "${op}"`,
      expression.indexOf(op) >= 0 ? expression.indexOf(op) : null,
    );

  let root: Node;
  try {
    root = compile(ast);
  } catch (e) {
    if (e instanceof CompileError) return err({ kind: e.kind, zh: e.zh, en: e.en, position: e.position });
    throw e;
  }

  const PROPAGATING_OPS = new Set(['+', '-', '*', '/', '%']);
  const PROPAGATING_FNS = new Set([
    'min',
    'max',
    'abs',
    'round',
    'floor',
    'ceil',
    'sqrt',
    'exp',
    'ln',
    'log10',
    'clamp',
  ]);
  const propagates = (node: jsep.Expression): boolean => {
    switch (node.type) {
      case 'Literal':
      case 'Identifier':
        return true;
      case 'UnaryExpression':
        return (
          (node as jsep.UnaryExpression).operator !== '!' &&
          propagates((node as jsep.UnaryExpression).argument)
        );
      case 'BinaryExpression': {
        const b = node as jsep.BinaryExpression;
        return PROPAGATING_OPS.has(b.operator) && propagates(b.left) && propagates(b.right);
      }
      case 'CallExpression': {
        const c = node as jsep.CallExpression;
        return PROPAGATING_FNS.has((c.callee as jsep.Identifier).name) && c.arguments.every(propagates);
      }
      default:
        return false;
    }
  };

  let constBuf = new Float64Array(0);
  const evaluate = (cols: readonly Float64Array[], n: number): Float64Array => {
    if (!root.c) return root.run(cols, n);
    if (constBuf.length < n) constBuf = new Float64Array(n);
    constBuf.fill(root.value, 0, n);
    return constBuf;
  };
  return ok({
    expression,
    variables,
    propagatesNaN: propagates(ast),
    evaluate,
    evaluateOne(values) {
      if (root.c) return root.value;
      return root.run(
        values.map((v) => Float64Array.of(v)),
        1,
      )[0]!;
    },
  });
}

/** Specialised loops for the common shapes (column op column, column op constant). */
function binaryColumn(op: string, f: Binary, l: Node, r: Node): Node {
  if (!l.c && !r.c) {
    if (op === '+') return column((o, n, c) => add(o, n, l.run(c, n), r.run(c, n)));
    if (op === '-') return column((o, n, c) => sub(o, n, l.run(c, n), r.run(c, n)));
    if (op === '*') return column((o, n, c) => mul(o, n, l.run(c, n), r.run(c, n)));
    if (op === '/') return column((o, n, c) => div(o, n, l.run(c, n), r.run(c, n)));
    return column((o, n, c) => {
      const a = l.run(c, n);
      const b = r.run(c, n);
      for (let i = 0; i < n; i++) o[i] = f(a[i]!, b[i]!);
    });
  }
  if (!l.c && r.c) {
    const k = r.value;
    if (op === '*') return column((o, n, c) => scale(o, n, l.run(c, n), k));
    if (op === '/') return column((o, n, c) => scale(o, n, l.run(c, n), 1 / k));
    if (op === '+') return column((o, n, c) => shift(o, n, l.run(c, n), k));
    if (op === '-') return column((o, n, c) => shift(o, n, l.run(c, n), -k));
    return column((o, n, c) => {
      const a = l.run(c, n);
      for (let i = 0; i < n; i++) o[i] = f(a[i]!, k);
    });
  }
  const k = (l as { value: number }).value;
  const rr = r as Extract<Node, { c: false }>;
  if (op === '*') return column((o, n, c) => scale(o, n, rr.run(c, n), k));
  if (op === '+') return column((o, n, c) => shift(o, n, rr.run(c, n), k));
  return column((o, n, c) => {
    const b = rr.run(c, n);
    for (let i = 0; i < n; i++) o[i] = f(k, b[i]!);
  });
}

function add(o: Float64Array, n: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! + b[i]!;
}
function sub(o: Float64Array, n: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! - b[i]!;
}
function mul(o: Float64Array, n: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! * b[i]!;
}
function div(o: Float64Array, n: number, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! / b[i]!;
}
function scale(o: Float64Array, n: number, a: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! * k;
}
function shift(o: Float64Array, n: number, a: Float64Array, k: number): void {
  for (let i = 0; i < n; i++) o[i] = a[i]! + k;
}

function conditional(test: Node, yes: Node, no: Node): Node {
  if (test.c) return truth(test.value) ? yes : no;
  return column((o, n, c) => {
    const t = test.run(c, n);
    const y = yes.c ? null : yes.run(c, n);
    const z = no.c ? null : no.run(c, n);
    const yv = yes.c ? yes.value : 0;
    const zv = no.c ? no.value : 0;
    for (let i = 0; i < n; i++) o[i] = truth(t[i]!) ? (y ? y[i]! : yv) : z ? z[i]! : zv;
  });
}

const UNARY_FUNCTIONS: Record<string, Unary> = {
  abs: Math.abs,
  floor: Math.floor,
  ceil: Math.ceil,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  round: (x) => roundTo(x, 0),
};

/** Tight loops for the calls that scoring formulas use most: min/max of two, one-argument functions. */
function specialisedCall(name: string, args: readonly Node[]): Node | null {
  if ((name === 'min' || name === 'max') && args.length === 2) {
    const [l, r] = args as [Node, Node];
    const isMin = name === 'min';
    if (!l.c && r.c) {
      const k = r.value;
      return column((o, n, c) => {
        const a = l.run(c, n);
        if (isMin) for (let i = 0; i < n; i++) o[i] = Math.min(a[i]!, k);
        else for (let i = 0; i < n; i++) o[i] = Math.max(a[i]!, k);
      });
    }
    if (l.c && !r.c) return specialisedCall(name, [r, l]);
    if (!l.c && !r.c) {
      return column((o, n, c) => {
        const a = l.run(c, n);
        const b = r.run(c, n);
        if (isMin) for (let i = 0; i < n; i++) o[i] = Math.min(a[i]!, b[i]!);
        else for (let i = 0; i < n; i++) o[i] = Math.max(a[i]!, b[i]!);
      });
    }
  }
  const f = Object.hasOwn(UNARY_FUNCTIONS, name) ? UNARY_FUNCTIONS[name] : undefined;
  if (f && args.length === 1 && !args[0]!.c) {
    const a0 = args[0]!;
    return column((o, n, c) => {
      const a = a0.run(c, n);
      for (let i = 0; i < n; i++) o[i] = f(a[i]!);
    });
  }
  return null;
}

function callColumn(impl: (args: readonly number[]) => number, args: readonly Node[]): Node {
  const k = args.length;
  const scratch = new Array<number>(k).fill(0);
  return column((o, n, c) => {
    const cols = args.map((a) => (a.c ? null : a.run(c, n)));
    for (let j = 0; j < k; j++) {
      const a = args[j]!;
      if (a.c) scratch[j] = a.value;
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < k; j++) {
        const col = cols[j];
        if (col) scratch[j] = col[i]!;
      }
      o[i] = impl(scratch);
    }
  });
}

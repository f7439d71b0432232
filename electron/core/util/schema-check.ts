// A plain-JavaScript predicate compiled from a zod schema, for data read back in bulk (the catalog's
// tens of thousands of entries at every open): zod's safeParse costs 4–7 µs an entry, most of it
// building the parsed copy and its issue machinery, which a catalog that is fine never needs.
//
// The zod schema stays the one definition. The predicate is only ever a first pass: `true` means
// zod would accept the value too; `false` means "ask zod", which then decides and words the
// reason. So every node, check or option this compiler does not know exactly (refinements,
// transforms, defaults, string formats other than a plain regex, …) is handed to zod's own
// safeParse for that node, and whatever it knows it checks at least as strictly as zod does.

import type { z } from 'zod';

export type ValueCheck = (value: unknown) => boolean;

/** The parts of zod 4's internal definition this compiler reads (zod's public `_zod.def`). */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Node>;
  catchall?: Node;
  innerType?: Node;
  element?: Node;
  entries?: Record<string, unknown>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  inclusive?: boolean;
}
interface Node {
  _zod: { def: Def };
  safeParse(value: unknown): { success: boolean };
}

const compiled = new WeakMap<object, ValueCheck>();

/** The predicate of `schema`: true only for values zod accepts (see the header). */
export function schemaCheck(schema: z.ZodType): ValueCheck {
  return compile(schema as unknown as Node);
}

function compile(node: Node): ValueCheck {
  let check = compiled.get(node);
  if (!check) {
    check = build(node) ?? ((v) => node.safeParse(v).success);
    compiled.set(node, check);
  }
  return check;
}

/** All of `tests` at once (none: undefined, so a caller checks the type alone). */
function all<T>(tests: ((x: T) => boolean)[]): ((x: T) => boolean) | undefined {
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return tests[0];
  return (x) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(x)) return false;
    return true;
  };
}

/** The checks of a string's or an array's length: `unknown` when one of them is not known here. */
function lengthChecks(checks: CheckDef[]): ((n: number) => boolean) | undefined | 'unknown' {
  const tests: ((n: number) => boolean)[] = [];
  for (const c of checks) {
    if (c.check === 'min_length' && typeof c.minimum === 'number') tests.push((n) => n >= c.minimum!);
    else if (c.check === 'max_length' && typeof c.maximum === 'number') tests.push((n) => n <= c.maximum!);
    else if (c.check === 'length_equals' && typeof c.length === 'number') tests.push((n) => n === c.length);
    else return 'unknown';
  }
  return all(tests);
}

function build(node: Node): ValueCheck | undefined {
  const def = node._zod.def;
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string': {
      const lengths = lengthChecks(checks.filter((c) => c.check !== 'string_format'));
      const tests: ((v: string) => boolean)[] = [];
      for (const c of checks) {
        if (c.check !== 'string_format') continue;
        // A global or sticky pattern tests from lastIndex: zod's result would depend on history.
        if (c.format !== 'regex' || !(c.pattern instanceof RegExp) || c.pattern.global || c.pattern.sticky) return undefined;
        const pattern = c.pattern;
        tests.push((v) => pattern.test(v));
      }
      if (lengths === 'unknown') return undefined;
      if (lengths) tests.unshift((v) => lengths(v.length));
      const rest = all(tests);
      return rest ? (v) => typeof v === 'string' && rest(v) : (v) => typeof v === 'string';
    }
    case 'number': {
      const tests: ((n: number) => boolean)[] = [];
      for (const c of checks) {
        if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
        else if (c.check === 'greater_than' && typeof c.value === 'number') tests.push(c.inclusive ? (n) => n >= (c.value as number) : (n) => n > (c.value as number));
        else if (c.check === 'less_than' && typeof c.value === 'number') tests.push(c.inclusive ? (n) => n <= (c.value as number) : (n) => n < (c.value as number));
        else return undefined;
      }
      const rest = all(tests);
      return rest ? (v) => typeof v === 'number' && Number.isFinite(v) && rest(v) : (v) => typeof v === 'number' && Number.isFinite(v);
    }
    case 'boolean':
      return checks.length ? undefined : (v) => typeof v === 'boolean';
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      if (checks.length || !values.every((x) => typeof x === 'string')) return undefined;
      const set = new Set(values); // a Set, never `in`: "toString" is no level
      return (v) => typeof v === 'string' && set.has(v);
    }
    case 'optional': {
      if (checks.length || !def.innerType) return undefined;
      const inner = compile(def.innerType);
      return (v) => v === undefined || inner(v);
    }
    case 'array': {
      const lengths = lengthChecks(checks);
      if (lengths === 'unknown' || !def.element) return undefined;
      const element = compile(def.element);
      return (v) => {
        if (!Array.isArray(v) || (lengths && !lengths(v.length))) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false; // by index: a hole is undefined
        return true;
      };
    }
    case 'object': {
      if (checks.length || !def.shape) return undefined;
      const catchall = def.catchall?._zod.def.type;
      // undefined: unknown keys are stripped (accepted); never: refused (.strict()); anything else: ask zod.
      if (catchall !== undefined && catchall !== 'never') return undefined;
      const strict = catchall === 'never';
      const keys = Object.keys(def.shape);
      const known = new Set(keys);
      const fields = keys.map((k) => compile(def.shape![k]!));
      return (v) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        // Only a plain record of own keys, as JSON.parse makes: anything else is zod's to judge.
        if (Object.getPrototypeOf(o) !== Object.prototype || Object.prototype.hasOwnProperty.call(o, '__proto__')) return false;
        for (let i = 0; i < keys.length; i++) if (!fields[i]!(o[keys[i]!])) return false; // read as zod reads it
        if (strict) for (const k in o) if (!known.has(k)) return false;
        return true;
      };
    }
    default:
      return undefined;
  }
}

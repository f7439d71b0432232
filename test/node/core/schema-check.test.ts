import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { storedBodySchema } from '../../../electron/core/library/law-body';
import { schemaCheck } from '../../../electron/core/util/schema-check';

// The compiled predicate may only ever say "fine" where zod says so (validateCatalog then trusts
// it without asking zod). Checked by agreement with zod on a body with every optional part filled
// and on each damage of each of its fields.

const body = {
  id: 'Labc@2020-01-02',
  lawId: 'Labc',
  title: '某某条例',
  subtitle: '（2020年修订）',
  published: '2020-01-02',
  effective: '2020-03-01',
  issuer: '某某省人民代表大会常务委员会',
  docNumber: '第1号',
  level: '地方性法规',
  region: '某某省',
  category: '地方性法规',
  status: '现行有效',
  statusOverride: { status: '已废止', basis: '某某决定' },
  expired: false,
  history: [{ date: '2020-01-02', text: '2020年1月2日通过', kind: '通过' }],
  sourceFile: '某某条例.docx',
  sourceSha256: 'a'.repeat(64),
  sourceFormat: 'docx',
  textSource: 'ocr',
  verified: true,
  verifiedBy: '张三',
  verifiedAt: '2020-01-03',
  libraryMatch: { versionId: 'Labc@2019-01-01', date: '2019-01-01', textSource: 'docx', sameDate: false, decision: { choice: 'scan', by: '张三', at: '2020-01-03' } },
  articleCount: 1,
  unitCount: 2,
  charCount: 20,
  importedAt: '2020-01-03T00:00:00.000Z',
  units: [
    { key: 'a1', kind: 'article', number: 1, suffix: 0, label: '第一条', path: ['第一章'], text: '为了……', suspects: [0, 3], ocrChecked: true, ocrRegions: [{ page: 1, top: 0.1, bottom: 0.2 }], ocrLabel: { read: '第一条', by: '张三', at: '2020-01-03' } },
    { key: 'p', kind: 'preamble', number: 0, suffix: 0, label: '', path: [], text: '序言' },
  ],
};

/** Values a damaged or hostile file puts where anything may be expected. */
const HOSTILE: unknown[] = [undefined, null, true, false, 0, -1, 1.5, -0, 2 ** 53, Number.POSITIVE_INFINITY, '', 'x', 'toString', '__proto__', '现行有效', [], [1], ['x'], {}, { a: 1 }, 'a'.repeat(300)];

type Path = (string | number)[];

function paths(v: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

/** A deep copy of `v` with `edit` applied to the value (or its parent object) at `path`. */
function mutate(v: unknown, path: Path, edit: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  if (!path.length) return undefined;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  edit(parent, path[path.length - 1]!);
  return copy;
}

function mutants(v: unknown): unknown[] {
  const out: unknown[] = [v, ...HOSTILE];
  for (const p of paths(v)) {
    if (!p.length) continue;
    for (const h of HOSTILE) out.push(mutate(v, p, (o, k) => void (o[k] = h)));
    out.push(mutate(v, p, (o, k) => void delete o[k]));
    out.push(mutate(v, p, (o, k) => void (o[k] = JSON.parse('{"__proto__": {"x": 1}}'))));
    // an extra field beside this one (a .strict() object refuses it)
    out.push(mutate(v, p, (o) => void (Array.isArray(o) ? o.push('extra') : (o.extra = 1))));
  }
  return out;
}

describe('schemaCheck', () => {
  it('accepts exactly what zod accepts, on a full body and on every damage of each of its fields', () => {
    const check = schemaCheck(storedBodySchema);
    const all = mutants(body);
    expect(all.length).toBeGreaterThan(1500);
    const disagree = all.filter((m) => check(m) !== storedBodySchema.safeParse(m).success);
    expect(disagree.map((m) => JSON.stringify(m)?.slice(0, 200))).toEqual([]);
    expect(check(body)).toBe(true);
  });

  it('compiles the catalog’s shapes itself: a sound body never reaches zod', () => {
    const check = schemaCheck(storedBodySchema);
    const spy = vi.spyOn(storedBodySchema, 'safeParse');
    expect(check(body)).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('hands what it does not know to zod: refinements, transforms, string formats, defaults', () => {
    const schemas: z.ZodType[] = [
      z.object({ a: z.string().refine((s) => s.startsWith('x')) }),
      z.object({ a: z.string().email() }),
      z.object({ a: z.string().trim().min(1) }),
      z.object({ a: z.number().multipleOf(3) }),
      z.object({ a: z.string().default('d') }),
      z.object({ a: z.string() }).passthrough(),
      z.object({ a: z.string() }).catchall(z.number()),
      z.object({ a: z.string().regex(/x/g) }),
      z.object({ a: z.string().nullable(), b: z.literal('k'), c: z.union([z.string(), z.number()]) }),
    ];
    const values: unknown[] = [{ a: 'xy' }, { a: 'y' }, { a: 'a@b.cn' }, { a: '  ' }, { a: 3 }, { a: 4 }, {}, { a: 'x', b: 1 }, { a: 'x', b: 'k', c: 1 }, { a: null, b: 'k', c: 's' }, { a: 'x', b: 'z', c: true }];
    for (const s of schemas) for (const v of values) expect([s.toString(), v, schemaCheck(s)(v)]).toEqual([s.toString(), v, s.safeParse(v).success]);
  });
});

#!/usr/bin/env python3
"""SQLite FTS5 on the search benchmark's corpus and queries, for search-bench.ts.

Node 20 has no node:sqlite, so the benchmark hands the same article texts and the same parsed
queries to this script (python3's sqlite3 has FTS5 and the trigram tokenizer from SQLite 3.34).
Two ways a developer would index Chinese with FTS5:

- trigram: tokenize="trigram case_sensitive 1"; a term of 3+ characters is a MATCH phrase, a
  shorter one (which a trigram index cannot hold) a LIKE over the rows; bm25 order when MATCH is
  used, else row order. Exact.
- bigram: every text stored as its overlapping character pairs separated by spaces (plus its last
  character alone), unicode61 with every category but spaces as token characters; a term is the
  phrase of its pairs, a 1-character term a prefix query. Whitespace inside a text becomes "_".

Usage: fts5-bench.py --texts FILE.jsonl --queries FILE.json --db PATH --variant trigram|bigram --runs R
Prints one JSON line: buildMs, indexBytes, coldMs, timings {full, page} (ms per query), recall,
precision (against substring truth on the same texts), rssMB, note.
"""

import argparse
import json
import os
import re
import resource
import sqlite3
import sys
import time

p = argparse.ArgumentParser()
p.add_argument('--texts', required=True)
p.add_argument('--queries', required=True)
p.add_argument('--db', required=True)
p.add_argument('--variant', choices=['trigram', 'bigram'], required=True)
p.add_argument('--runs', type=int, default=20)
# A budget for everything after the build (0: none). At 10x on a loaded machine a LIKE over every
# row takes seconds; past the budget the rounds stop, the report says how far they got, and recall
# is not checked rather than the whole benchmark never ending.
p.add_argument('--max-seconds', type=float, default=0)
a = p.parse_args()

with open(a.texts, encoding='utf-8') as f:
    texts = [json.loads(line) for line in f if line.strip()]
with open(a.queries, encoding='utf-8') as f:
    queries = json.load(f)  # [{q, terms, excludes}]

WS = re.compile(r'\s')


def bigrams(text):
    t = WS.sub('_', text)
    if len(t) < 2:
        return t
    return ' '.join(t[i:i + 2] for i in range(len(t) - 1)) + ' ' + t[-1]


def quote(x):
    return '"' + x.replace('"', '""') + '"'


for ext in ('', '-journal', '-wal'):
    try:
        os.remove(a.db + ext)
    except FileNotFoundError:
        pass

t0 = time.perf_counter()
db = sqlite3.connect(a.db, isolation_level=None)
db.execute('PRAGMA journal_mode=OFF')
db.execute('PRAGMA synchronous=OFF')
if a.variant == 'trigram':
    db.execute('CREATE VIRTUAL TABLE a USING fts5(text, tokenize="trigram case_sensitive 1")')
    rows = ((i + 1, x) for i, x in enumerate(texts))
else:
    db.execute("CREATE VIRTUAL TABLE a USING fts5(text, tokenize=\"unicode61 remove_diacritics 0 categories 'L* N* M* P* S* Co Cf Cc'\")")
    rows = ((i + 1, bigrams(x)) for i, x in enumerate(texts))
db.execute('BEGIN')
db.executemany('INSERT INTO a(rowid, text) VALUES (?, ?)', rows)
db.execute('COMMIT')
db.execute("INSERT INTO a(a) VALUES('optimize')")
build_ms = (time.perf_counter() - t0) * 1000
db.close()
sys.stderr.write(f'  FTS5 {a.variant}: {len(texts):,} rows indexed in {build_ms / 1000:.1f} s\n')
index_bytes = os.path.getsize(a.db)
db = sqlite3.connect(a.db, isolation_level=None)


def plan(terms, excludes):
    """The WHERE clause and its arguments for one parsed query."""
    if a.variant == 'trigram':
        long_t = [x for x in terms if len(x) >= 3]
        long_x = [x for x in excludes if len(x) >= 3]
        match = ' AND '.join(quote(x) for x in long_t) + ''.join(' NOT ' + quote(x) for x in long_x) if long_t else ''
        likes, args = [], []
        for x in terms:
            if len(x) < 3:
                likes.append("text LIKE ? ESCAPE '\\'")
                args.append('%' + re.sub(r'([%_\\])', r'\\\1', x) + '%')
        for x in excludes:
            if len(x) < 3 or not long_t:
                likes.append("text NOT LIKE ? ESCAPE '\\'")
                args.append('%' + re.sub(r'([%_\\])', r'\\\1', x) + '%')
        where = (['a MATCH ?'] if match else []) + likes
        return ' AND '.join(where) or '1', ([match] if match else []) + args, bool(match)

    def phrase(x):
        x = WS.sub('_', x)
        return quote(x) + '*' if len(x) == 1 else quote(' '.join(x[i:i + 2] for i in range(len(x) - 1)))

    match = ' AND '.join(phrase(x) for x in terms) + ''.join(' NOT ' + phrase(x) for x in excludes)
    return 'a MATCH ?', [match], True


plans = {}
for q in queries:
    where, args, ranked = plan(q['terms'], q['excludes'])
    plans[q['q']] = (
        f'SELECT count(*) FROM a WHERE {where}',
        f"SELECT rowid, snippet(a, 0, '[', ']', '…', 16) FROM a WHERE {where} ORDER BY {'rank' if ranked else 'rowid'} LIMIT 20",
        f'SELECT rowid FROM a WHERE {where}',
        args,
    )

q_start = time.perf_counter()


def over():
    return a.max_seconds > 0 and time.perf_counter() - q_start > a.max_seconds


t = time.perf_counter()
first = plans[queries[0]['q']]
db.execute(first[1], first[3]).fetchall()
cold_ms = (time.perf_counter() - t) * 1000
warmed = 0
for q in queries:  # warm-up
    if over():
        break
    c, pg, _, args = plans[q['q']]
    db.execute(pg, args).fetchall()
    warmed += 1

full, page = [], []
rounds = 0
partial = ''
for _ in range(a.runs):
    f_round, p_round = [], []
    for q in queries:
        if over():
            break
        c, pg, _, args = plans[q['q']]
        t = time.perf_counter()
        db.execute(c, args).fetchone()
        f_round.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        db.execute(pg, args).fetchall()
        p_round.append((time.perf_counter() - t) * 1000)
    if len(p_round) == len(queries) or not rounds:
        full += f_round
        page += p_round
    if len(p_round) < len(queries):
        partial = f'查询阶段超过 {a.max_seconds:g} s 预算：预热 {warmed}/{len(queries)} 个查询，计时 {rounds} 整轮' + (f'（另用了未完成一轮的 {len(p_round)} 个查询）' if not rounds else '') + '，未核对召回率'
        break
    rounds += 1

tp = fp = fn = 0
for q in queries if not partial else []:
    got = {r[0] for r in db.execute(plans[q['q']][2], plans[q['q']][3])}
    truth = {i + 1 for i, x in enumerate(texts) if all(t in x for t in q['terms']) and not any(t in x for t in q['excludes'])}
    tp += len(got & truth)
    fp += len(got - truth)
    fn += len(truth - got)
db.close()
for ext in ('', '-journal', '-wal'):
    try:
        os.remove(a.db + ext)
    except FileNotFoundError:
        pass

note = (
    'trigram, case_sensitive 1; 1–2 字的词用 LIKE'
    if a.variant == 'trigram'
    else '字对（bigram）预先切好、空格分隔，unicode61 除空白外都算词字符；词 = 其字对的短语，单字用前缀查询'
)
sys.stdout.write(
    json.dumps(
        {
            'buildMs': build_ms,
            'indexBytes': index_bytes,
            'coldMs': cold_ms,
            'timings': {'full': full, 'page': page},
            **({} if partial else {'recall': tp / (tp + fn) if tp + fn else 1, 'precision': tp / (tp + fp) if tp + fp else 1}),
            **({'peakNote': partial} if partial else {}),
            'rssMB': round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            'note': f'python3 sqlite3 {sqlite3.sqlite_version}；' + note,
        }
    )
    + '\n'
)

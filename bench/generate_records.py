#!/usr/bin/python3
"""Writes a seeded REDCap raw record export for the CLBPOQ dictionary (deploy/redcap/clbpoq-dictionary.csv):
record_id, group (1 Doctor, 2 Patient), age, sex and the 57 outcome ratings 1-9, as REDCap's
"CSV (raw data)" export writes it. About 3 % of the ratings and ages are missing.

    /usr/bin/python3 bench/generate_records.py --participants 1000000 --seed 1 --out records.csv [--json records.json]

Each outcome has its own score distribution per group (drawn from a Dirichlet), so some outcomes differ
between the groups and some do not. --json also writes the same records as the API's flat JSON export
(every value a string, blanks as ""). Vectorised with numpy: 1M rows in a few seconds.
"""
import argparse
import csv
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DICTIONARY = os.path.join(HERE, "..", "deploy", "redcap", "clbpoq-dictionary.csv")
FILLER = 0  # byte removed at the end: a missing value, a leading zero


def outcome_fields():
    with open(DICTIONARY, encoding="utf-8-sig", newline="") as f:
        return [r["Variable / Field Name"] for r in csv.DictReader(f) if "@CONCORD-OUTCOME" in r["Field Annotation"]]


def generate(n, seed, missing):
    rng = np.random.default_rng(seed)
    fields = outcome_fields()
    group = np.where(rng.random(n) < 0.46, 1, 2).astype(np.int64)
    ratings = np.empty((n, len(fields)), dtype=np.int64)
    for o in range(len(fields)):
        for g in (1, 2):
            weights = rng.dirichlet(np.linspace(0.6, 2.5, 9) if (o + g) % 3 else np.full(9, 1.2))
            rows = group == g
            ratings[rows, o] = rng.choice(np.arange(1, 10), size=int(rows.sum()), p=weights)
    ratings[rng.random(ratings.shape) < missing] = 0
    age = np.where(group == 1, rng.integers(28, 66, n), rng.integers(18, 91, n))
    age[rng.random(n) < missing] = 0
    sex = rng.integers(1, 3, n)
    return fields, group, age, sex, ratings


def digits(values, width):
    """Decimal digits of non-negative ints as bytes, right-aligned, leading zeros (and 0 itself) as FILLER."""
    out = np.zeros((len(values), width), dtype=np.uint8)
    rest = values.copy()
    for k in range(width - 1, -1, -1):
        d = rest % 10
        out[:, k] = np.where((rest > 0), 48 + d, FILLER)
        rest //= 10
    return out


def csv_bytes(fields, ids, group, age, sex, ratings):
    n = len(ids)
    cols = [digits(ids, len(str(int(ids.max())))), comma(n), (48 + group).astype(np.uint8)[:, None], comma(n),
            digits(age, 2), comma(n), (48 + sex).astype(np.uint8)[:, None]]
    for o in range(ratings.shape[1]):
        cols.append(comma(n))
        cols.append(np.where(ratings[:, o] > 0, 48 + ratings[:, o], FILLER).astype(np.uint8)[:, None])
    cols.append(np.full((n, 1), ord("\n"), dtype=np.uint8))
    m = np.hstack(cols)
    return m[m != FILLER].tobytes()


def comma(n):
    return np.full((n, 1), ord(","), dtype=np.uint8)


def json_bytes(fields, ids, group, age, sex, ratings):
    """Flat JSON export: [{"record_id":"1","group":"2",...},...], every value quoted, blanks as ""."""
    n = len(ids)
    names = ["record_id", "group", "age", "sex"] + fields
    q = lambda s: np.frombuffer(s.encode(), dtype=np.uint8)[None, :].repeat(n, axis=0)
    cols = [q('{"record_id":"'), digits(ids, len(str(int(ids.max())))), q('","group":"'),
            (48 + group).astype(np.uint8)[:, None], q('","age":"'), digits(age, 2), q('","sex":"'),
            (48 + sex).astype(np.uint8)[:, None]]
    for o, name in enumerate(fields):
        cols.append(q('","' + name + '":"'))
        cols.append(np.where(ratings[:, o] > 0, 48 + ratings[:, o], FILLER).astype(np.uint8)[:, None])
    cols.append(q('"},'))
    m = np.hstack(cols)
    body = m[m != FILLER].tobytes()
    return b"[" + body[:-1] + b"]"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--participants", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--missing", type=float, default=0.03)
    ap.add_argument("--out", required=True)
    ap.add_argument("--json", help="also write the records as the API's flat JSON export")
    args = ap.parse_args()
    fields, group, age, sex, ratings = generate(args.participants, args.seed, args.missing)
    ids = np.arange(1, args.participants + 1, dtype=np.int64)
    header = ",".join(["record_id", "group", "age", "sex"] + fields) + "\n"
    chunk = 200_000
    with open(args.out, "wb") as f:
        f.write(header.encode())
        for s in range(0, args.participants, chunk):
            e = min(args.participants, s + chunk)
            f.write(csv_bytes(fields, ids[s:e], group[s:e], age[s:e], sex[s:e], ratings[s:e]))
    if args.json:
        with open(args.json, "wb") as f:
            f.write(b"[")
            for s in range(0, args.participants, chunk):
                e = min(args.participants, s + chunk)
                part = json_bytes(fields, ids[s:e], group[s:e], age[s:e], sex[s:e], ratings[s:e])
                f.write((b"," if s else b"") + part[1:-1])
            f.write(b"]")
    print(f"wrote {args.out} ({os.path.getsize(args.out):,} bytes, {args.participants:,} records)", file=sys.stderr)


if __name__ == "__main__":
    main()

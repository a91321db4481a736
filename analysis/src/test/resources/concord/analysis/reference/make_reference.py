#!/usr/bin/env python3
"""Independent reference values for concord.analysis tests.

Regenerate (from this directory):  python3 make_reference.py > reference-cases.json
Tested with Python 3.11, numpy 2.4.6, scipy 1.17.1.

Everything is computed from the *expanded* individual scores (never from histograms) with numpy /
scipy where they match SPSS (stats-conventions.md), and with exact rational arithmetic where they
do not (Fisher-Freeman-Halton enumeration by rows, exact no-ties Mann-Whitney distribution from
integer q-binomial coefficients, Cliff's delta and Hodges-Lehmann by brute force over all pairs).
"""
import json
import math
import random
import sys
from fractions import Fraction
from itertools import combinations

import numpy as np
from scipy import stats


def expand(counts, lo):
    return np.repeat(np.arange(lo, lo + len(counts)), counts).astype(float)


def bands_of(counts, lo, bottom_to, top_from):
    scores = range(lo, lo + len(counts))
    b = sum(c for s, c in zip(scores, counts) if s <= bottom_to)
    t = sum(c for s, c in zip(scores, counts) if s >= top_from)
    return [b, sum(counts) - b - t, t]  # bottom, middle, top


def descriptives(x):
    n = len(x)
    if n == 0:
        return None
    q = np.quantile(x, [0.25, 0.5, 0.75], method="weibull")
    return {"n": n, "mean": float(np.mean(x)), "sd": float(np.std(x, ddof=1)) if n >= 2 else None,
            "q1": float(q[0]), "median": float(q[1]), "q3": float(q[2])}


def ffh_exact(table):
    """Two-sided Fisher-Freeman-Halton p by enumerating rows, exact rationals, R's 1e-7 tolerance."""
    rows = [sum(r) for r in table]
    cols = [sum(c) for c in zip(*table)]
    n = sum(rows)
    const = Fraction(math.prod(math.factorial(r) for r in rows) * math.prod(math.factorial(c) for c in cols),
                     math.factorial(n))

    def prob(t):
        return const / math.prod(math.factorial(v) for row in t for v in row)

    p_obs = prob(table)
    limit = p_obs * Fraction(10**7 + 1, 10**7)
    total = Fraction(0)
    count = 0

    def row_vectors(target, caps):
        if len(caps) == 1:
            if target <= caps[0]:
                yield (target,)
            return
        for v in range(max(0, target - sum(caps[1:])), min(caps[0], target) + 1):
            for rest in row_vectors(target - v, caps[1:]):
                yield (v,) + rest

    def rec(i, caps, acc):
        nonlocal total, count
        if i == len(rows) - 1:
            t = acc + [list(caps)]
            count += 1
            pr = prob(t)
            if pr <= limit:
                total += pr
            return
        for vec in row_vectors(rows[i], caps):
            rec(i + 1, [c - v for c, v in zip(caps, vec)], acc + [list(vec)])

    rec(0, cols, [])
    return float(total), count


def exact_u_two_sided(m, n, u_min):
    """2*P(U <= floor(u)) under no ties: coefficients of the Gaussian binomial [m+n choose m]_q."""
    # polynomial product prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i), exact integers
    poly = [1]
    for i in range(1, m + 1):
        mult = [0] * (len(poly) + n + i)
        for k, c in enumerate(poly):
            mult[k] += c
            mult[k + n + i] -= c
        # divide by (1 - q^i)
        out = [0] * len(mult)
        for k in range(len(mult)):
            out[k] = mult[k] + (out[k - i] if k >= i else 0)
        poly = out[: m * n + 1] if i == m else out[: i * n + 1]
    total = sum(poly)
    assert total == math.comb(m + n, m)
    below = sum(poly[: int(math.floor(u_min + 1e-9)) + 1])
    return min(1.0, float(Fraction(2 * below, total)))


def mann_whitney(x, y, exact_max_n=40):
    n1, n2 = len(x), len(y)
    res = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=False, alternative="two-sided")
    u1 = float(res.statistic)
    u = min(u1, n1 * n2 - u1)
    ranks = stats.rankdata(np.concatenate([x, y]))
    r1, r2 = float(ranks[:n1].sum()), float(ranks[n1:].sum())
    w = r2 if n2 < n1 else r1
    N = n1 + n2
    _, t = np.unique(np.concatenate([x, y]), return_counts=True)
    ties = float(((t ** 3) - t).sum())
    sigma = math.sqrt(n1 * n2 / (N * (N - 1)) * ((N ** 3 - N) / 12 - ties / 12))
    z = (u - n1 * n2 / 2) / sigma
    diffs = np.subtract.outer(x, y).ravel()
    out = {"u": u, "w": w, "rankSumA": r1, "rankSumB": r2, "z": z, "p": float(res.pvalue),
           "r": abs(z) / math.sqrt(N),
           "cliffsDelta": float((np.sum(diffs > 0) - np.sum(diffs < 0)) / diffs.size),
           "hodgesLehmann": float(np.median(diffs)),
           "exactP": exact_u_two_sided(n1, n2, u) if N <= exact_max_n else None}
    return out


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: ps[i])
    adj = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order, start=1):
        running = max(running, min(1.0, ps[i] * (m - rank + 1)))
        adj[i] = running
    return adj


def case(name, scale, groups):
    lo, hi, bottom_to, top_from = scale
    xs = [expand(g, lo) for g in groups]
    out = {"name": name, "scale": scale, "groups": groups}
    out["descriptives"] = [descriptives(x) for x in xs]
    present = [i for i, x in enumerate(xs) if len(x) > 0]
    table = [bands_of(groups[i], lo, bottom_to, top_from) for i in present]
    keep = [j for j in range(3) if sum(r[j] for r in table) > 0]
    table = [[r[j] for j in keep] for r in table]
    if len(table) >= 2 and len(keep) >= 2:
        chi2, p, dof, expected = stats.chi2_contingency(np.array(table), correction=False)
        n = sum(map(sum, table))
        out["chiSquare"] = {"statistic": float(chi2), "df": int(dof), "p": float(p),
                            "cellsExpectedBelow5": int((expected < 5).sum()), "minExpected": float(expected.min()),
                            "cramersV": math.sqrt(chi2 / (n * (min(len(table), len(keep)) - 1)))}
        g, gp, _, _ = stats.chi2_contingency(np.array(table), correction=False, lambda_="log-likelihood")
        out["chiSquare"]["likelihoodRatio"] = {"statistic": float(g), "p": float(gp)}
        if len(table) == 2 and len(keep) == 2:
            y, yp, _, _ = stats.chi2_contingency(np.array(table), correction=True)
            out["chiSquare"]["continuityCorrection"] = {"statistic": float(y), "p": float(yp)}
        # linear-by-linear: (N-1) r^2, rows scored 1..r, bands scored bottom 1 / middle 2 / top 3
        xs_, ys_ = [], []
        for i, row in enumerate(table):
            for j, cnt in zip(keep, row):
                xs_ += [i + 1] * cnt
                ys_ += [j + 1] * cnt
        rr = np.corrcoef(xs_, ys_)[0, 1]
        m2 = (n - 1) * rr * rr
        out["chiSquare"]["linearByLinear"] = {"statistic": float(m2), "p": float(stats.chi2.sf(m2, 1))}
        fp, tables = ffh_exact(table)
        out["fisherExactP"] = fp
        out["fisherTables"] = tables
    if len(present) == 2:
        out["mannWhitney"] = mann_whitney(xs[present[0]], xs[present[1]])
    elif len(present) >= 3:
        h, p = stats.kruskal(*[xs[i] for i in present])
        pairs = list(combinations(present, 2))
        pair_p = [mann_whitney(xs[a], xs[b])["p"] for a, b in pairs]
        out["kruskalWallis"] = {"h": float(h), "df": len(present) - 1, "p": float(p),
                                "pairwiseP": pair_p, "pairwiseHolm": holm(pair_p),
                                "pairwiseBonferroni": [min(1.0, v * len(pair_p)) for v in pair_p]}
    return out


GRADE = [1, 9, 3, 7]


def main():
    cases = []
    # The paper's category tables (stats-conventions.md §6) as 3-level codes on scores 2 / 5 / 8.
    paper = {
        "Skeletal-related": ([6, 11, 9], [2, 5, 21]),
        "Intervertebral disc-related": ([6, 11, 9], [1, 7, 22]),
        "Body-image and appearance": ([5, 17, 4], [5, 9, 16]),
        "Stigmatization": ([15, 9, 1], [13, 2, 13]),
        "Healthcare utilization": ([5, 14, 7], [1, 7, 21]),
        "Analgesic consumption": ([1, 5, 20], [9, 8, 11]),
        "Effective rate": ([0, 3, 23], [0, 6, 22]),
        "Locomotor function": ([1, 1, 24], [0, 8, 22]),
    }
    for name, (doc, pat) in paper.items():
        g = [[0] * 9, [0] * 9]
        for k, s in enumerate([2, 5, 8]):
            g[0][s - 1] = doc[k]
            g[1][s - 1] = pat[k]
        cases.append(case("paper " + name, GRADE, g))
    # Hand-made edge cases.
    cases.append(case("empty middle band", GRADE, [[3, 2, 0, 0, 0, 0, 1, 4, 2], [1, 1, 1, 0, 0, 0, 2, 2, 5]]))
    cases.append(case("one band only in one group", GRADE, [[0, 0, 0, 0, 0, 0, 5, 6, 7], [0, 0, 0, 2, 1, 0, 3, 4, 9]]))
    cases.append(case("tiny groups", GRADE, [[0, 0, 0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 1, 1, 0]]))
    cases.append(case("no ties", GRADE, [[1, 0, 1, 0, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 1, 1, 1, 1]]))
    cases.append(case("unequal sizes", GRADE, [[0, 0, 1, 1, 2, 1, 0, 0, 0], [1, 2, 2, 4, 5, 6, 8, 9, 10]]))
    cases.append(case("scale 0-10", [0, 10, 3, 7], [[2, 1, 0, 3, 1, 2, 4, 2, 1, 0, 3], [0, 0, 1, 1, 2, 5, 3, 2, 4, 4, 5]]))
    cases.append(case("scale 1-5", [1, 5, 2, 4], [[3, 4, 6, 2, 1], [1, 2, 5, 7, 6]]))
    cases.append(case("three groups", GRADE, [[1, 0, 2, 3, 2, 1, 2, 1, 0], [0, 1, 0, 1, 2, 3, 3, 2, 2],
                                               [0, 0, 0, 0, 1, 1, 2, 4, 4]]))
    cases.append(case("four groups 1-5", [1, 5, 2, 4], [[2, 2, 3, 1, 0], [0, 1, 3, 3, 1], [1, 0, 2, 2, 3],
                                                       [0, 0, 1, 3, 4]]))
    cases.append(case("three groups, one empty", GRADE, [[1, 0, 2, 3, 2, 1, 2, 1, 0], [0] * 9,
                                                        [0, 0, 0, 0, 1, 1, 2, 4, 4]]))
    rnd = random.Random(20260101)
    for k in range(40):
        scale = rnd.choice([GRADE, GRADE, [0, 10, 3, 7], [1, 5, 2, 4]])
        points = scale[1] - scale[0] + 1
        ngroups = 2 if k < 28 else rnd.choice([3, 4])
        cap = 35 if ngroups == 2 else 9
        groups = []
        for _ in range(ngroups):
            n = rnd.randint(1, cap)
            weights = [rnd.random() ** 2 for _ in range(points)]
            g = [0] * points
            for _ in range(n):
                g[rnd.choices(range(points), weights)[0]] += 1
            groups.append(g)
        if len(set(v for g in groups for v in expand(g, scale[0]))) < 2:
            continue
        cases.append(case("random %d" % k, scale, groups))
    # BH / Holm over the eight paper outcomes' Mann-Whitney p values (full precision).
    ps = [c["mannWhitney"]["p"] for c in cases[:8]]
    bh = {"p": ps, "q": [float(v) for v in stats.false_discovery_control(ps, method="bh")], "holm": holm(ps)}
    json.dump({"generator": "python3 make_reference.py > reference-cases.json", "cases": cases,
               "multiplicity": bh}, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

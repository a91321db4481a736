"""The script a Python user writes first: the csv module, lists, numpy and scipy, SPSS's option set.

    python3 bench/peers/naive.py RECORDS.csv OUT.tsv
"""
import csv
import sys

import numpy as np
from scipy import stats

import common

records, out = sys.argv[1], sys.argv[2]
with open(records, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    data = list(reader)
gi = header.index("group")
fields = header[4:]  # record_id, group, age, sex, then the outcomes
groups = [row[gi] for row in data]
rows = []
for field in fields:
    c = header.index(field)
    a = np.array([float(row[c]) for row, g in zip(data, groups) if g == "1" and row[c] != ""])
    b = np.array([float(row[c]) for row, g in zip(data, groups) if g == "2" and row[c] != ""])
    missing = [sum(1 for row, g in zip(data, groups) if g == k and row[c] == "") for k in ("1", "2")]
    r = {"field": field, "n1": len(a), "n2": len(b), "missing1": missing[0], "missing2": missing[1]}
    table = []
    for k, x in ((1, a), (2, b)):
        bands = [int(((x >= lo) & (x <= hi)).sum()) for lo, hi in common.BANDS]
        table.append(bands)
        r["top%d" % k] = 100.0 * bands[2] / len(x)
        r["bottom%d" % k] = 100.0 * bands[0] / len(x)
        r["mean%d" % k] = float(np.mean(x))
        r["sd%d" % k] = float(np.std(x, ddof=1))
        q1, med, q3 = np.quantile(x, [0.25, 0.5, 0.75], method="weibull")  # HF6 = SPSS HAVERAGE
        r["median%d" % k], r["q1_%d" % k], r["q3_%d" % k] = float(med), float(q1), float(q3)
        r["consensus%d" % k] = common.consensus(r["top%d" % k], r["bottom%d" % k])
    full = np.array(table)
    table = full[:, full.sum(axis=0) > 0]  # SPSS leaves out bands nobody used
    chi2, p, df, expected = stats.chi2_contingency(table, correction=False)
    g, p_g, _, _ = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")
    n = table.sum()
    r.update(chi2=float(chi2), df=int(df), p_chi2=float(p), cells_e5=int((expected < 5).sum()), min_e=float(expected.min()),
             cramers_v=float(np.sqrt(chi2 / (n * (min(table.shape) - 1)))), lr=float(g), p_lr=float(p_g))
    r["lbl"], r["p_lbl"] = common.linear_by_linear(full)
    res = stats.mannwhitneyu(a, b, method="asymptotic", use_continuity=False)
    u1 = float(res.statistic)
    n1, n2 = len(a), len(b)
    u = min(u1, n1 * n2 - u1)
    ranks = stats.rankdata(np.concatenate([a, b]))
    rank_sum = [float(ranks[:n1].sum()), float(ranks[n1:].sum())]
    w = rank_sum[0] if n1 <= n2 else rank_sum[1]
    # z of U_min: tie-corrected, no continuity correction (SPSS)
    _, counts = np.unique(np.concatenate([a, b]), return_counts=True)
    N = n1 + n2
    sigma = np.sqrt(n1 * n2 / (N * (N - 1)) * ((N ** 3 - N) / 12 - ((counts ** 3 - counts) / 12).sum()))
    z = (u - n1 * n2 / 2) / sigma
    r.update(u=u, w=w, z=float(z), p_mw=float(res.pvalue), r=float(abs(z) / np.sqrt(N)),
             cliffs_delta=float(2 * u1 / (n1 * n2) - 1))
    ca = [int((a == s).sum()) for s in range(1, 10)]
    cb = [int((b == s).sum()) for s in range(1, 10)]
    r["hodges_lehmann"] = common.hodges_lehmann(ca, cb)
    rows.append(r)
ai, si = header.index("age"), header.index("sex")
characteristics = []
for k in ("1", "2"):
    ages = np.array([float(row[ai]) for row, g in zip(data, groups) if g == k and row[ai] != ""])
    sexes = [row[si] for row, g in zip(data, groups) if g == k and row[si] != ""]
    characteristics.append(common.characteristics(k, ages, sum(1 for row, g in zip(data, groups) if g == k) - len(ages),
                                                  {c: sexes.count(c) for c in ("1", "2")}))
common.write(out, common.finish(rows), characteristics)

"""What a strong Python user writes: pandas' C reader into typed columns, group-wise vectorised descriptives
from the score counts, scipy for the tests, SPSS's option set.

    python3 bench/peers/pandas_scipy.py RECORDS.csv OUT.csv
"""
import sys

import numpy as np
import pandas as pd
from scipy import stats

import common

records, out = sys.argv[1], sys.argv[2]
df = pd.read_csv(records, dtype="float32", usecols=lambda c: c != "record_id")
fields = list(df.columns[3:])
group = df["group"].to_numpy()
scores = np.arange(1, 10)


def hf6(counts, p):
    """SPSS HAVERAGE (Hyndman-Fan 6) from the counts of scores 1-9."""
    n = counts.sum()
    h = (n + 1) * p
    lo = int(np.floor(h))
    cum = np.cumsum(counts)
    at = lambda k: scores[np.searchsorted(cum, min(max(k, 1), n))]
    return float(at(lo) + (h - lo) * (at(lo + 1) - at(lo))) if lo < n else float(at(n))


# counts[g][field] = counts of scores 1..9, from one value_counts per group
counts = {}
for g in (1, 2):
    sub = df.loc[group == g, fields]
    counts[g] = {f: sub[f].value_counts().reindex(scores, fill_value=0).to_numpy() for f in fields}
missing = {g: df.loc[group == g, fields].isna().sum() for g in (1, 2)}
rows = []
for f in fields:
    r = {"field": f}
    table = []
    for k in (1, 2):
        c = counts[k][f]
        n = int(c.sum())
        mean = float((c * scores).sum() / n)
        r.update({"n%d" % k: n, "missing%d" % k: int(missing[k][f]), "mean%d" % k: mean,
                  "sd%d" % k: float(np.sqrt((c * (scores - mean) ** 2).sum() / (n - 1))),
                  "median%d" % k: hf6(c, 0.5), "q1_%d" % k: hf6(c, 0.25), "q3_%d" % k: hf6(c, 0.75)})
        bands = [int(c[0:3].sum()), int(c[3:6].sum()), int(c[6:9].sum())]
        table.append(bands)
        r["top%d" % k], r["bottom%d" % k] = 100.0 * bands[2] / n, 100.0 * bands[0] / n
        r["consensus%d" % k] = common.consensus(r["top%d" % k], r["bottom%d" % k])
    full = np.array(table)
    t = full[:, full.sum(axis=0) > 0]
    chi2, p, dof, expected = stats.chi2_contingency(t, correction=False)
    g2, p_g, _, _ = stats.chi2_contingency(t, correction=False, lambda_="log-likelihood")
    total = t.sum()
    r.update(chi2=float(chi2), df=int(dof), p_chi2=float(p), cells_e5=int((expected < 5).sum()), min_e=float(expected.min()),
             cramers_v=float(np.sqrt(chi2 / (total * (min(t.shape) - 1)))), lr=float(g2), p_lr=float(p_g))
    r["lbl"], r["p_lbl"] = common.linear_by_linear(full)
    x = df.loc[group == 1, f].dropna().to_numpy()
    y = df.loc[group == 2, f].dropna().to_numpy()
    res = stats.mannwhitneyu(x, y, method="asymptotic", use_continuity=False)
    n1, n2 = len(x), len(y)
    u1 = float(res.statistic)
    u = min(u1, n1 * n2 - u1)
    # rank sums and the tie correction from the counts (midranks per score)
    both = counts[1][f] + counts[2][f]
    midrank = np.cumsum(both) - (both - 1) / 2.0
    rank_sum = [float((counts[k][f] * midrank).sum()) for k in (1, 2)]
    N = n1 + n2
    sigma = np.sqrt(n1 * n2 / (N * (N - 1)) * ((N ** 3 - N) / 12 - ((both ** 3 - both) / 12).sum()))
    z = (u - n1 * n2 / 2) / sigma
    r.update(u=u, w=rank_sum[0] if n1 <= n2 else rank_sum[1], z=float(z), p_mw=float(res.pvalue),
             r=float(abs(z) / np.sqrt(N)), cliffs_delta=float(2 * u1 / (n1 * n2) - 1),
             hodges_lehmann=common.hodges_lehmann(list(counts[1][f]), list(counts[2][f])))
    rows.append(r)
characteristics = []
for g in (1, 2):
    sub = df[group == g]
    ages = sub["age"].dropna().to_numpy(dtype="float64")
    sex = sub["sex"].value_counts()
    characteristics.append(common.characteristics(str(g), ages, int(sub["age"].isna().sum()),
                                                  {"1": int(sex.get(1.0, 0)), "2": int(sex.get(2.0, 0))}))
common.write(out, common.finish(rows), characteristics)

"""Shared by the Python peers: the option set (SPSS conventions, ../shared/reference/stats-conventions.md) and the
output every peer writes, one row per outcome, so bench/peers/compare.py can check it against Concord's JSON."""
import csv
import math

BANDS = ((1, 3), (4, 6), (7, 9))  # bottom, middle, top of the GRADE scale
COLUMNS = ["field", "n1", "n2", "missing1", "missing2", "top1", "top2", "bottom1", "bottom2", "mean1", "mean2", "sd1", "sd2",
           "median1", "median2", "q1_1", "q1_2", "q3_1", "q3_2", "consensus1", "consensus2", "chi2", "df", "p_chi2",
           "cells_e5", "min_e", "cramers_v", "lr", "p_lr", "lbl", "p_lbl", "u", "w", "z", "p_mw", "r", "cliffs_delta",
           "hodges_lehmann", "q_chi2", "q_mw"]


def consensus(top_pct, bottom_pct):
    """The paper's rule: >80 % in a band and <=15 % in the opposite band."""
    if top_pct > 80 and bottom_pct <= 15:
        return "critical"
    if bottom_pct > 80 and top_pct <= 15:
        return "not_important"
    return "neutral"


def bh(p):
    """Benjamini-Hochberg q values (R's p.adjust(p, "BH")), ties in input order."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    q = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        i = order[rank - 1]
        running = min(running, p[i] * m / rank)
        q[i] = running
    return q


def hodges_lehmann(counts_a, counts_b):
    """Median of all n1*n2 differences a - b from the score counts (1-9): a weighted median over -8..8."""
    weights = [0] * 17
    for i in range(9):
        for j in range(9):
            weights[i - j + 8] += counts_a[i] * counts_b[j]
    pairs = sum(weights)

    def at(rank):
        seen = 0
        for d in range(17):
            seen += weights[d]
            if seen >= rank:
                return d - 8
    return (at((pairs + 1) // 2) + at(pairs // 2 + 1)) / 2.0


def linear_by_linear(table):
    """(N - 1) r^2 with groups scored 1, 2 and bands bottom 1, middle 2, top 3; its chi-square(1) p."""
    from scipy import stats
    sx = sy = sxx = syy = sxy = n = 0.0
    for i, row in enumerate(table):
        for j, w in enumerate(row):
            x, y, w = i + 1.0, j + 1.0, float(w)
            n += w
            sx += w * x
            sy += w * y
            sxx += w * x * x
            syy += w * y * y
            sxy += w * x * y
    cov = sxy - sx * sy / n
    corr = cov / math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n))
    statistic = (n - 1) * corr * corr
    return statistic, float(stats.chi2.sf(statistic, 1))


def characteristics(group, ages, age_missing, sex_counts):
    """Age: n, missing, mean, SD (n-1), median, min, max; sex: n per code (percent of valid answers follows)."""
    import numpy as np
    valid = sum(sex_counts.values())
    return {"group": group, "age_n": len(ages), "age_missing": age_missing, "age_mean": float(np.mean(ages)),
            "age_sd": float(np.std(ages, ddof=1)), "age_median": float(np.median(ages)), "age_min": float(np.min(ages)),
            "age_max": float(np.max(ages)), "sex_1": sex_counts["1"], "sex_2": sex_counts["2"],
            "sex_1_pct": 100.0 * sex_counts["1"] / valid}


def write(path, rows, characteristics):
    """One row per outcome, then one "characteristics" row per group (key=value cells)."""
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for r in rows:
            w.writerow(["" if v is None else (repr(v) if isinstance(v, float) else v) for v in (r[c] for c in COLUMNS)])
        for c in characteristics:
            w.writerow(["characteristics"] + ["%s=%r" % (k, v) for k, v in c.items()])


def finish(rows):
    """Adds the BH q values across outcomes."""
    for key, q in (("p_chi2", "q_chi2"), ("p_mw", "q_mw")):
        qs = bh([r[key] for r in rows])
        for r, v in zip(rows, qs):
            r[q] = v
    return rows


def nan_to_none(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x

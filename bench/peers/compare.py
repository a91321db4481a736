"""Checks a peer's results (bench/peers/*.py|*.R output) against Concord's JSON: prints the largest difference
per statistic and exits 1 if one is beyond the tolerance (relative 1e-9 for statistics, absolute 1e-12 for p).

    python3 bench/peers/compare.py CONCORD.json PEER.csv
"""
import csv
import json
import math
import sys

concord = json.load(open(sys.argv[1]))
peer = list(csv.reader(open(sys.argv[2])))
header = peer[0]
labels = [g["label"] for g in concord["groups"]]
by_field = {o["field"]: o for o in concord["outcomes"]}
worst = {}
bad = []


def check(name, ours, theirs, p_value=False):
    if theirs in ("", None) and ours is None:
        return
    if ours is None or theirs in ("", None):
        bad.append("%s: Concord %r, peer %r" % (name, ours, theirs))
        return
    if isinstance(ours, str):
        if ours != theirs:
            bad.append("%s: Concord %r, peer %r" % (name, ours, theirs))
        return
    t = float(theirs)
    d = abs(ours - t) if p_value else abs(ours - t) / max(1.0, abs(ours))
    key = name.split(" ")[0]
    worst[key] = max(worst.get(key, 0.0), d)
    if d > (1e-12 if p_value else 1e-9) or math.isnan(t):
        bad.append("%s: Concord %r, peer %r" % (name, ours, t))


for row in peer[1:]:
    if row[0] == "characteristics":
        c = {k: v.strip("'") for k, v in (cell.split("=", 1) for cell in row[1:])}
        label = labels[int(c["group"]) - 1]
        age = next(x for x in concord["participantCharacteristics"] if x["field"] == "age")["groups"][label]
        sex = next(x for x in concord["participantCharacteristics"] if x["field"] == "sex")["groups"][label]
        for k in ("n", "missing", "mean", "sd", "median", "min", "max"):
            check("age_%s %s" % (k, label), age[k], c["age_" + k])
        check("sex_1 " + label, sex["categories"][0]["n"], c["sex_1"])
        check("sex_2 " + label, sex["categories"][1]["n"], c["sex_2"])
        check("sex_1_pct " + label, sex["categories"][0]["percent"], c["sex_1_pct"])
        continue
    r = dict(zip(header, row))
    o = by_field[r["field"]]
    f = r["field"]
    for k, label in ((1, labels[0]), (2, labels[1])):
        g = o["groups"][label]
        for ours, theirs in (("n", "n"), ("missing", "missing"), ("pctTop", "top"), ("pctBottom", "bottom"), ("mean", "mean"),
                             ("sd", "sd"), ("median", "median"), ("q1", "q1_"), ("q3", "q3_"), ("consensus", "consensus")):
            col = theirs + str(k) if not theirs.endswith("_") else theirs + str(k)
            check("%s %s %s" % (ours, f, label), g[ours], r[col])
    c = o["comparison"]
    chi = c["chiSquare"]
    check("chi2 " + f, chi["statistic"], r["chi2"])
    check("df " + f, chi["df"], r["df"])
    check("p_chi2 " + f, chi["p"], r["p_chi2"], True)
    check("cells_e5 " + f, chi["cellsExpectedBelow5"], r["cells_e5"])
    check("min_e " + f, chi["minExpected"], r["min_e"])
    check("cramers_v " + f, chi["cramersV"], r["cramers_v"])
    check("lr " + f, chi["likelihoodRatio"]["statistic"], r["lr"])
    check("p_lr " + f, chi["likelihoodRatio"]["p"], r["p_lr"], True)
    check("lbl " + f, chi["linearByLinear"]["statistic"], r["lbl"])
    check("p_lbl " + f, chi["linearByLinear"]["p"], r["p_lbl"], True)
    mw = c["mannWhitney"]
    for ours, theirs in (("u", "u"), ("w", "w"), ("z", "z")):
        check(theirs + " " + f, mw[ours], r[theirs])
    check("p_mw " + f, mw["p"], r["p_mw"], True)
    e = c["effectSizes"]
    check("r " + f, e["r"], r["r"])
    check("cliffs_delta " + f, e["cliffsDelta"], r["cliffs_delta"])
    check("hodges_lehmann " + f, e["hodgesLehmann"], r["hodges_lehmann"])
    check("q_chi2 " + f, c["qValues"]["chiSquare"], r["q_chi2"], True)
    check("q_mw " + f, c["qValues"]["rankTest"], r["q_mw"], True)

print("  largest difference: " + ", ".join("%s %.1e" % (k, v) for k, v in sorted(worst.items(), key=lambda kv: -kv[1])[:6]))
if bad:
    print("  DIFFERENT from Concord (%d):\n    " % len(bad) + "\n    ".join(bad[:15]))
    sys.exit(1)
print("  same statistics as Concord (%d outcomes, characteristics)" % len(by_field))

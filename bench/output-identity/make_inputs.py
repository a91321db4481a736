#!/usr/bin/python3
"""Writes the record exports that bench/output-identity/capture.sh analyses: seeded, hostile on purpose.

    /usr/bin/python3 bench/output-identity/make_inputs.py OUTDIR

Cases (each a records CSV for the CLBPOQ dictionary in deploy/redcap, or for long-dictionary.csv written here):
  hostile.csv      3,000 records: bad ratings (10, 0, 7.5, x, ' 7 ', +7, 007, 7.0, 1e1, -3), missing answers,
                   empty and unknown groups, adjacent and distant duplicate IDs, bad ages (abc, 0x10, 1,000; not NaN or
                   1e400, which crashed the old path), bad sex codes, decimal and negative ages, quoted cells with
                   commas, quotes and line breaks, CRLF line ends, a byte-order mark, non-ASCII and invalid UTF-8
                   bytes in a free-text column and in record IDs.
  shuffled.csv     the same rows as hostile.csv minus the duplicates, in another order (fingerprint is order-free).
  sparse.csv       500 records, 60 % missing answers, the columns after record_id in reverse order, LF only.
  long.csv         longitudinal + repeating: events baseline_arm_1 / followup_arm_1, a repeating ratings form with
                   instances 1-3, ratings only in some instances, group on another row than the ratings, duplicate
                   rows (same record, event and instance), the results record 'concord-results'.
  empty.csv        a header and no rows.
"""
import csv
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DICTIONARY = os.path.join(HERE, "..", "..", "deploy", "redcap", "clbpoq-dictionary.csv")


def outcome_fields():
    with open(DICTIONARY, encoding="utf-8-sig", newline="") as f:
        return [r["Variable / Field Name"] for r in csv.DictReader(f) if "@CONCORD-OUTCOME" in r["Field Annotation"]]


BAD_RATINGS = ["10", "0", "7.5", "x", " 7 ", "+7", "007", "7.0", "1e1", "-3", "9 ", "\t5", "٣", "7,", "99999999999"]
BAD_AGES = ["abc", "-4", "45.5", " 33", "0x10", "12d", "", "٣٣", "1,000"]


def quote(cell):
    if any(c in cell for c in ',"\r\n') or cell != cell.strip(" "):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def line(cells, eol):
    return ",".join(quote(c) for c in cells) + eol


def hostile_rows(rng, n, fields):
    rows = []
    for i in range(1, n + 1):
        rid = str(i) if rng.random() > 0.02 else rng.choice(["r-%d" % i, "Ü%d" % i, "%d-%d" % (rng.randint(1, 9), i)])
        group = rng.choices(["1", "2", "", "3", " 2", "1.0"], [45, 45, 2, 2, 1, 1])[0]
        age = str(rng.randint(18, 90)) if rng.random() > 0.05 else rng.choice(BAD_AGES)
        sex = rng.choices(["1", "2", "", "9", "F"], [45, 45, 5, 3, 2])[0]
        pain_years = rng.choice(["", "3", "2.5", "10", "-1", "0.25", "x"])
        specialty = rng.choice(["", "1", "2", "3", "7"])
        ratings = []
        for _ in fields:
            r = rng.random()
            if r < 0.03:
                ratings.append("")
            elif r < 0.035:
                ratings.append(rng.choice(BAD_RATINGS))
            else:
                ratings.append(str(rng.randint(1, 9)))
        note = rng.choice(["", "plain", 'says "hi", twice', "line\nbreak", "crlf\r\nbreak", "naïve café", "\u4e2d\u6587"])
        rows.append([rid, group, age, sex, pain_years, specialty] + ratings + [note])
    return rows


def write_hostile(out, rng, fields):
    header = ["record_id", "group", "age", "sex", "pain_years", "specialty"] + fields + ["participant_complete"]
    rows = hostile_rows(rng, 3000, fields)
    with_dups = list(rows)
    for k in range(40):  # adjacent and distant duplicates, some with other values
        src = rng.randrange(len(rows))
        dup = list(rows[src])
        if k % 2:
            dup[6] = "1"
        at = src + 1 if k % 3 == 0 else rng.randrange(len(with_dups))
        with_dups.insert(at, dup)
    with open(os.path.join(out, "hostile.csv"), "wb") as f:
        f.write("\ufeff".encode())
        f.write(line(header, "\r\n").encode())
        for i, r in enumerate(with_dups):
            b = line(r, "\r\n").encode()
            if i % 997 == 5:  # invalid UTF-8 in the free-text column and, once, in a record ID
                b = b.replace(b"\r\n", b"\xff\xfe\r\n", 1) if r[-1] == "" else b
            if i == 1234:
                b = b"\xc3(" + b
            f.write(b)
    shuffled = list(rows)
    rng.shuffle(shuffled)
    with open(os.path.join(out, "shuffled.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(line(header, "\n"))
        for r in shuffled:
            f.write(line(r, "\n"))


def write_sparse(out, rng, fields):
    header = ["record_id", "group", "age", "sex"] + fields
    with open(os.path.join(out, "sparse.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(line(header[:1] + header[:0:-1], "\n"))
        for i in range(1, 501):
            cells = [str(i), rng.choice(["1", "2"]), rng.choice(["", "40", "41"]), rng.choice(["", "1", "2"])]
            cells += ["" if rng.random() < 0.6 else str(rng.randint(1, 9)) for _ in fields]
            f.write(line(cells[:1] + cells[:0:-1], "\n"))


LONG_DICTIONARY = '''field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation
record_id,enrolment,,text,Record ID,,,,,,,,,,,,,
role,enrolment,,radio,Role,"1, Doctor | 2, Patient | 3, Nurse",,,,,,,,,,,,@CONCORD-GROUP
age,enrolment,,text,Age,,,number,,,,,,,,,,
pain,ratings,,radio,Pain,"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=""Body"""
sleep,ratings,,radio,Sleep,"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=""Body"""
mood,ratings,,radio,Mood,"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=""Mind"""
work,ratings,,radio,Work,"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9",,,,,,,,,,,,"@CONCORD-OUTCOME @CONCORD-DOMAIN=""Mind"""
'''


def write_long(out, rng):
    with open(os.path.join(out, "long-dictionary.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(LONG_DICTIONARY)
    header = ["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance", "role", "age",
              "pain", "sleep", "mood", "work"]

    def score():
        return rng.choice(["", "1", "5", "9", "7", "3", "x", "10"]) if rng.random() < 0.2 else str(rng.randint(1, 9))

    rows = []
    for i in range(1, 401):
        rid = str(i)
        role = rng.choice(["1", "2", "3", "", "4"])
        age = rng.choice(["30", "44.5", "", "61", "n/a"])
        base = [rid, "baseline_arm_1", "", "", role if rng.random() < 0.8 else "", age, "", "", "", ""]
        rows.append(base)
        for ev in ["baseline_arm_1", "followup_arm_1"]:
            for inst in range(1, rng.randint(1, 4)):
                r = [rid, ev, "ratings", str(inst), "" if rng.random() < 0.9 else role, "",
                     score(), score(), score(), score()]
                if rng.random() < 0.2:
                    r[6:10] = ["", "", "", ""]
                rows.append(r)
        if rng.random() < 0.05:
            rows.append(list(rows[-1]))  # same record, event and instance: a duplicate row
        if i == 200:
            rows.append(["concord-results", "baseline_arm_1", "", "", "", "", "", "", "", ""])
    with open(os.path.join(out, "long.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(line(header, "\n"))
        for r in rows:
            f.write(line(r, "\n"))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(10)
    fields = outcome_fields()
    write_hostile(out, rng, fields)
    write_sparse(out, rng, fields)
    write_long(out, rng)
    with open(os.path.join(out, "empty.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(line(["record_id", "group"] + fields, "\n"))


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Analyses every input of make_inputs.py (plus the demo export and a 100,000-record benchmark export) with
# `java -jar JAR analyze` into every format and prints one sha256sum line per output file. Run it with the jar of
# two commits and diff the lists: equal lines prove byte-identical outputs.
#   bash bench/output-identity/capture.sh server/target/concord.jar /tmp/outputs > sums.txt
set -euo pipefail
jar=$(realpath "$1"); mkdir -p "$2"; out=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd); repo=$(cd "$here/../.." && pwd)
mkdir -p "$out/in"
/usr/bin/python3 "$here/make_inputs.py" "$out/in"
[ -f "$out/in/bench-100k.csv" ] || /usr/bin/python3 "$repo/bench/generate_records.py" --participants 100000 --seed 1 --out "$out/in/bench-100k.csv" 2>/dev/null
dict=$repo/deploy/redcap/clbpoq-dictionary.csv
run() { # name records dictionary options...
  local name=$1 records=$2 dictionary=$3; shift 3
  local d=$out/$name; mkdir -p "$d"
  (cd "$d" && java -jar "$jar" analyze --records "$records" --dictionary "$dictionary" "$@" --json r.json --html r.html \
      --pdf r.pdf --docx r.docx --xlsx r.xlsx --csv r.csv --exclusions x.csv > stdout.txt 2> stderr.txt || echo "exit $?" >> stdout.txt)
}
run demo "$repo/deploy/redcap/clbpoq-records.csv" "$dict" --demographics age,sex
run hostile "$out/in/hostile.csv" "$dict" --demographics age,sex,pain_years,specialty
run hostile-comet "$out/in/hostile.csv" "$dict" --demographics age,sex,pain_years,specialty --consensus comet --title "Hostile <b>&</b> ünïcode"
run shuffled "$out/in/shuffled.csv" "$dict" --demographics age,sex,pain_years,specialty
run sparse "$out/in/sparse.csv" "$dict" --demographics age,sex
run long-all "$out/in/long.csv" "$out/in/long-dictionary.csv" --demographics age
run empty "$out/in/empty.csv" "$dict"
run bench-100k "$out/in/bench-100k.csv" "$dict" --demographics age,sex
cd "$out" && find . -path ./in -prune -o -type f -print | sort | xargs sha256sum

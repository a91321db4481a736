#!/usr/bin/env bash
# The record-path benchmark (docs/analysis.md): generates the seeded REDCap export of 1,000,000 participants × 57
# outcomes (3 % missing, two groups, age and sex), times Concord's whole process and four peers computing the same
# statistics with the same option set, checks that every peer's numbers equal Concord's, and prints wall time,
# peak RSS and the ratios; then Concord's RSS at 100,000 vs 1,000,000 records and in -Xmx256m, and the
# per-core parse throughput of the CSV and JSON paths.
#
#   bash bench/records-benchmark.sh [--participants N] [--runs N] [--dir DIR] [--no-peers]
#
# Needs Java 17 and Maven (builds server/target/concord.jar if it is missing), and for the peers Debian's
# python3-pandas python3-scipy r-base-core r-cran-data.table (run with /usr/bin/python3 and Rscript).
# Not part of `mvn -B verify`. The machine is shared: each line states the 1-minute load average when it started.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
participants=1000000
runs=3
dir=/tmp/concord-bench
peers=yes
while [ $# -gt 0 ]; do
  case $1 in
    --participants) participants=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --no-peers) peers=no; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
jar=$repo/server/target/concord.jar
dictionary=$repo/deploy/redcap/clbpoq-dictionary.csv
python=/usr/bin/python3
mkdir -p "$dir"
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)

data=$dir/records-$participants.csv
small=$dir/records-100000.csv
json=$dir/records-100000.json
[ -f "$data" ] || $python "$repo/bench/generate_records.py" --participants "$participants" --seed 1 --out "$data"
[ -f "$small" ] && [ -f "$json" ] || $python "$repo/bench/generate_records.py" --participants 100000 --seed 1 --out "$small" --json "$json"
mb=$(awk -v b="$(stat -c %s "$data")" 'BEGIN { printf "%.1f", b / 1e6 }')

load() { cut -d' ' -f1 /proc/loadavg; }
# run NAME COMMAND...: one timed run; prints "wall rss_mb load"
run() {
  local name=$1; shift
  local l; l=$(load)
  /usr/bin/time -f "%e %M" -o "$dir/time.txt" "$@" > "$dir/$name.stdout" 2> "$dir/$name.stderr" \
    || { echo "$name failed:" >&2; tail -5 "$dir/$name.stderr" >&2; exit 1; }
  read -r wall kb < "$dir/time.txt"
  echo "$wall $(( kb / 1024 )) $l"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "Concord record-path benchmark: $participants participants × 57 outcomes, $mb MB ($(nproc) cores; $(uptime | sed 's/.*load/load/'))"
printf '%-48s %9s %10s %8s %6s\n' "whole process, same data, same numbers" "wall (s)" "RSS (MB)" "× time" "load"
concord=(java -jar "$jar" analyze --records "$data" --dictionary "$dictionary" --demographics age,sex --json "$dir/concord.json")
walls=(); rss=0; loads=()
for i in $(seq "$runs"); do
  read -r w r l < <(run concord "${concord[@]}")
  walls+=("$w"); loads+=("$l"); [ "$r" -gt "$rss" ] && rss=$r
done
cwall=$(printf '%s\n' "${walls[@]}" | median)
printf '%-48s %9s %10s %8s %6s\n' "Concord analyze (median of $runs: ${walls[*]})" "$cwall" "$rss" "1.0" "${loads[0]}"

peer() { # label script-kind script
  local label=$1; shift
  read -r w r l < <(run peer "$@")
  printf '%-48s %9s %10s %8s %6s\n' "$label" "$w" "$r" "$(awk -v a="$w" -v b="$cwall" 'BEGIN { printf "%.1f", a / b }')" "$l"
  $python "$repo/bench/peers/compare.py" "$dir/concord.json" "$dir/peer.csv" | sed 's/^/    /'
}
if [ "$peers" = yes ]; then
  peer "naive Python (csv module + numpy + scipy)" $python "$repo/bench/peers/naive.py" "$data" "$dir/peer.csv"
  peer "pandas + scipy" $python "$repo/bench/peers/pandas_scipy.py" "$data" "$dir/peer.csv"
  peer "naive R (read.csv + wilcox.test + chisq.test)" Rscript "$repo/bench/peers/naive.R" "$data" "$dir/peer.csv"
  peer "R data.table (fread + wilcox.test + chisq.test)" Rscript "$repo/bench/peers/datatable.R" "$data" "$dir/peer.csv"
fi

echo
echo "Concord's memory: peak RSS by size and heap limit"
read -r w r l < <(run small java -jar "$jar" analyze --records "$small" --dictionary "$dictionary" --demographics age,sex --json "$dir/small.json")
printf '  %-46s %6s s %6s MB  (load %s)\n' "100,000 records" "$w" "$r" "$l"
printf '  %-46s %6s s %6s MB  (load %s)\n' "$participants records" "$cwall" "$rss" "${loads[0]}"
read -r w r l < <(run xmx java -Xmx256m -jar "$jar" analyze --records "$data" --dictionary "$dictionary" --demographics age,sex --json "$dir/xmx.json")
cmp -s "$dir/xmx.json" "$dir/concord.json" && same="same JSON" || same="JSON DIFFERS"
printf '  %-46s %6s s %6s MB  (load %s; %s)\n' "$participants records, -Xmx256m" "$w" "$r" "$l" "$same"
read -r w r l < <(run one java -jar "$jar" analyze --records "$data" --dictionary "$dictionary" --demographics age,sex --json "$dir/one.json" --threads 1)
cmp -s "$dir/one.json" "$dir/concord.json" && same="same JSON" || same="JSON DIFFERS"
printf '  %-46s %6s s %6s MB  (load %s; %s)\n' "$participants records, --threads 1" "$w" "$r" "$l" "$same"

echo
echo "Parse throughput per core (warm, in one JVM; bench class in server's tests)"
(cd "$repo" && mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath > /dev/null)
java -cp "$repo/server/target/test-classes:$repo/server/target/classes:$(cat "$repo/server/target/bench.classpath")" \
  concord.server.bench.RecordPathBenchmark "$small" "$dictionary" age,sex "$json" | sed 's/^/  /'
echo "done ($(uptime | sed 's/.*load/load/'))"

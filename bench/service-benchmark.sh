#!/usr/bin/env bash
# The service-run benchmark (docs/service.md, "Where a run's time goes"): whole service runs as a user gets them,
# claim to published, over real HTTP. An in-process REDCap sandbox and the real server/target/concord.jar as a
# child process configured as `concord.jar demo` configures itself; per run the recorded stage times (claim and
# metadata, records exported, analysed, rendered, published), the run's and the caller's wall time, the jar's
# peak RSS during the run and the 1-minute load average.
#   1. the 56-record CLBPOQ demo project: a cold run, N warm runs each after one rating changed through the API,
#      then a run on unchanged data;
#   2. a project of 100,000 generated participants × 57 outcomes (bench/generate_records.py --seed 1; seeding the
#      sandbox is not timed): one run, export → analysis → every report format → publish.
#
#   bash bench/service-benchmark.sh [--warm N] [--participants N] [--dir DIR] [--no-large]
#
# Needs Java 17 and Maven (builds server/target/concord.jar if it is missing; the first build of the bench
# classpath needs Maven Central) and /usr/bin/python3 for the generator. CONCORD_BENCH_JVM_OPTS adds options to
# the jar's JVM (none by default). Not part of `mvn -B verify`. The machine may be shared: figures are upper bounds.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
warm=5
participants=100000
dir=/tmp/concord-bench
large=yes
while [ $# -gt 0 ]; do
  case $1 in
    --warm) warm=$2; shift 2 ;;
    --participants) participants=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --no-large) large=no; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
jar=$repo/server/target/concord.jar
mkdir -p "$dir"
[ -f "$jar" ] || (cd "$repo" && mvn -B -q -DskipTests package)
(cd "$repo" && mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath > /dev/null)
cp=$repo/server/target/test-classes:$repo/server/target/classes:$(cat "$repo/server/target/bench.classpath")
bench() { java -cp "$cp" concord.server.bench.ServiceRunBenchmark "$jar" "$@"; }

echo "Concord service-run benchmark ($(nproc) cores; $(uptime | sed 's/.*load/load/'))"
echo
echo "1. CLBPOQ demo project (56 records), cold, $warm warm runs, unchanged"
bench demo "$warm" "$dir"
if [ "$large" = yes ]; then
  data=$dir/records-$participants.csv
  [ -f "$data" ] || /usr/bin/python3 "$repo/bench/generate_records.py" --participants "$participants" --seed 1 --out "$data"
  echo
  echo "2. $participants generated participants × 57 outcomes, one run, every report format"
  bench records "$data" "$dir"
fi
echo "done ($(uptime | sed 's/.*load/load/'))"

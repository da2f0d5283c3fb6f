#!/usr/bin/env bash
# Rentrée benchmark: 10 000 families × 2 children each submit a month of canteen, morning and evening daycare through
# planning-service's HTTP API (its jar as a separate process, a new database, an embedded Kafka broker), about
# 1.2 million child-days; prints child-days/s and the p50/p99 of a submission, with CPU time and load average.
# The append-path benchmark runs first, in the same session, as the baseline (a short run, 4 clients).
# Aim: at least 2 000 child-days per second. See benchmarks/README.md.
#
#   bench/rentree.sh                           # full scale, about 10 minutes here; tables in bench/results/
#   bench/rentree.sh --families=1000           # a tenth of the town
#   bench/rentree.sh --no-baseline --families=200 --clients=4
#
# Options: --families=10000  --clients=16 (HTTP client threads)  --days=20 (school days in a row)
#          --capacity=10000 (places per day of each service)  --heap=768m (planning-service's heap)
#          --no-baseline  --keep-database  --out=file  --label=text
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms512m -Xmx1g), PLANNING_JAVA_OPTS (more options for
#          planning-service's JVM, e.g. a JFR recording), MARELLE_PLANNING_DESK_MAXBATCH, BENCH_REBUILD=1.
source "$(dirname "$0")/lib.sh"

bench_build planning-service

baseline=true
args=()
for arg in "$@"; do
  case "$arg" in
    --no-baseline) baseline=false ;;
    *) args+=("$arg") ;;
  esac
done
mkdir -p "$root/bench/results"
bench_default_out "${args[@]}"
baseline_ok=false
if $baseline; then
  echo "[rentree] baseline: bench/append-path.sh --clients=4 --modes=plain-insert,axon-1,axon-20 (short run)" >&2
  if bench/append-path.sh --clients=4 --modes=plain-insert,axon-1,axon-20 --duration=6s --rounds=3 --warmup=10s \
      "--out=$root/bench/results/rentree-baseline-$bench_stamp.txt" >&2; then
    baseline_ok=true
  else
    echo "[rentree] the append-path baseline FAILED (see above); the rentrée figures below have no baseline" >&2
  fi
fi
# run private copies: others may rebuild these jars in the shared working tree while the benchmark runs
private=$(mktemp -d)
trap 'rm -rf "$private"' EXIT
cp "$bench_jar" "$private/benchmarks.jar"
cp "$service_jar" "$private/planning-service.jar"

bench_java "-Xms512m -Xmx1g" "$private/benchmarks.jar" fr.marelle.benchmarks.rentree.RentreeBenchmark
"${bench_cmd[@]}" "--label=$(bench_label planning-service benchmarks platform)" "--jar=$private/planning-service.jar" \
  "${args[@]}" "${bench_out[@]}"
if $baseline_ok; then
  echo
  echo "Baseline of the same session (bench/results/rentree-baseline-$bench_stamp.txt):"
  grep -E '^(mode |plain-insert |axon-1 |axon-20 )' "$root/bench/results/rentree-baseline-$bench_stamp.txt" || \
    tail -n 25 "$root/bench/results/rentree-baseline-$bench_stamp.txt"
fi

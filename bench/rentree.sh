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
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

bench_jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
service_jar="$root/planning-service/target/planning-service.jar"
stale() { # jar, then the sources it is built from
  local jar=$1; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if [[ "${BENCH_REBUILD:-0}" == "1" ]] \
    || stale "$bench_jar" benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main pom.xml \
    || stale "$service_jar" planning-service/src/main planning-service/pom.xml platform/src contracts/src/main; then
  echo "[rentree] building planning-service and benchmarks (mvn -pl planning-service,benchmarks -am package -DskipTests)" >&2
  mvn -B -ntp -q -pl planning-service,benchmarks -am package -DskipTests >&2
fi

baseline=true
args=()
out_given=false
for arg in "$@"; do
  case "$arg" in
    --no-baseline) baseline=false ;;
    --out=*) out_given=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done
stamp=$(date +%Y%m%d-%H%M%S)
mkdir -p "$root/bench/results"
if ! $out_given; then
  args+=("--out=$root/bench/results/rentree-$stamp.txt")
fi
baseline_ok=false
if $baseline; then
  echo "[rentree] baseline: bench/append-path.sh --clients=4 --modes=plain-insert,axon-1,axon-20 (short run)" >&2
  if bench/append-path.sh --clients=4 --modes=plain-insert,axon-1,axon-20 --duration=6s --rounds=3 --warmup=10s \
      "--out=$root/bench/results/rentree-baseline-$stamp.txt" >&2; then
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
label="git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- planning-service benchmarks platform 2>/dev/null || echo '+local changes')"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Daxoniq.update-checker.disabled=true \
  -Dloader.main=fr.marelle.benchmarks.rentree.RentreeBenchmark \
  -cp "$private/benchmarks.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  "--label=$label" "--jar=$private/planning-service.jar" "${args[@]}"
if $baseline_ok; then
  echo
  echo "Baseline of the same session (bench/results/rentree-baseline-$stamp.txt):"
  grep -E '^\| (plain-insert|axon-1|axon-20) ' "$root/bench/results/rentree-baseline-$stamp.txt" || \
    tail -n 25 "$root/bench/results/rentree-baseline-$stamp.txt"
fi

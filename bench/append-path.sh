#!/usr/bin/env bash
# Append-path benchmark: the Axon command path (1 and 20 events per command, 1/4/16 clients) side by side with plain
# single-row INSERTs into an identical table, same PostgreSQL, same pool, same run. See benchmarks/README.md.
#
#   bench/append-path.sh                       # the full run (~4 minutes), table in bench/results/
#   bench/append-path.sh --duration=5s --warmup=10s --clients=4
#   bench/append-path.sh --modes=plain-insert,axon-1 --jdbc-timing            # where the time goes
#   bench/append-path.sh --url-params=reWriteBatchedInserts=true              # a JDBC URL option
#   bench/append-path.sh --set=spring.datasource.hikari.maximum-pool-size=16  # any Spring/Axon/platform property
#
# Options: --duration=12s (per cell)  --rounds=6 (slices per cell, taking turns)  --warmup=20s  --clients=1,4,16
#          --modes=plain-insert,axon-1,plain-insert-tx,axon-20,plain-batch-20 (also axon-1-existing,
#          axon-1-existing-cached)  --set=property=value (repeatable)  --url-params=k=v&k2=v2  --jdbc-timing
#          --label=text  --out=file  --keep-database
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms1g -Xmx1g), BENCH_REBUILD=1 to force a build.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
# build when the jar is missing or older than any source of the modules it packages
stale() {
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main \
      platform-test/pom.xml pom.xml -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if [[ "${BENCH_REBUILD:-0}" == "1" ]] || stale; then
  echo "[append-path] building benchmarks (mvn -pl benchmarks -am package -DskipTests)" >&2
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests >&2
fi

out_given=false
for arg in "$@"; do [[ "$arg" == --out=* ]] && out_given=true; done
extra=()
if ! $out_given; then
  mkdir -p "$root/bench/results"
  extra+=("--out=$root/bench/results/append-path-$(date +%Y%m%d-%H%M%S).txt")
fi
label="git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- platform benchmarks 2>/dev/null || echo '+local changes')"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -Daxoniq.update-checker.disabled=true \
  -jar "$jar" "--label=$label" "${extra[@]}" "$@"

#!/usr/bin/env bash
# Settlement benchmark: the evening settlement of a day's attendances (20 000 by default). billing's ChargesSettled
# records (one per family and service-day) reach wallet-service — its jar as a separate process, a new database, an
# embedded Kafka broker — which debits every charge once, CESU first, publishes the debits and alerts and updates its
# read models. Figures: debits committed per second, the time until every wallet is up to date, the time until every
# debit is on Kafka; next to a baseline measured in the same run, rounds taking turns: the smallest correct plain-JDBC
# consumer of the same records. See benchmarks/README.md.
#
#   bench/settlement.sh                               # 20 000 attendances, 8 000 families, 2 rounds each
#   bench/settlement.sh --attendances=5000 --families=2000 --rounds=1
#
# Options: --attendances=20000  --families=8000  --rounds=2  --listeners=3 (wallet-service's Kafka listeners, and the
#          baseline's consumer threads)  --heap=512m (wallet-service's heap)  --seed=42  --keep-database  --out=file
#          --label=text
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms512m -Xmx1g), WALLET_JAVA_OPTS (more options for
#          wallet-service's JVM, e.g. -XX:StartFlightRecording=filename=/tmp/wallet.jfr), BENCH_REBUILD=1.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

bench_jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
service_jar="$root/wallet-service/target/wallet-service.jar"
stale() { # jar, then the sources it is built from
  local jar=$1; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if [[ "${BENCH_REBUILD:-0}" == "1" ]] \
    || stale "$bench_jar" benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main pom.xml \
    || stale "$service_jar" wallet-service/src/main wallet-service/pom.xml platform/src contracts/src/main; then
  echo "[settlement] building wallet-service and benchmarks (mvn -pl wallet-service,benchmarks -am package -DskipTests)" >&2
  mvn -B -ntp -q -pl wallet-service,benchmarks -am package -DskipTests >&2
fi

out_given=false
for arg in "$@"; do [[ "$arg" == --out=* ]] && out_given=true; done
extra=()
if ! $out_given; then
  mkdir -p "$root/bench/results"
  extra+=("--out=$root/bench/results/settlement-$(date +%Y%m%d-%H%M%S).txt")
fi
label="git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- wallet-service benchmarks platform 2>/dev/null || echo '+local changes')"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Daxoniq.update-checker.disabled=true \
  -Dloader.main=fr.marelle.benchmarks.wallet.SettlementBenchmark \
  -cp "$bench_jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  "--label=$label" "--jar=$service_jar" "${extra[@]}" "$@"

#!/usr/bin/env bash
# Alert-latency benchmark: notification-service's jar as a separate process (a new database, an embedded Kafka
# broker, its real SMTP client and HTTP SMS adapter pointed at sinks in the benchmark's JVM) receives 200
# WalletBalanceLow per second, one per family; the figures are the p50/p90/p99 times from the record handed to the
# Kafka producer to the SMS at the gateway and to the email accepted by the SMTP server, next to the raw Kafka
# publish → consume latency at the same rate (the baseline). Aim: p99 under 2 s. See benchmarks/README.md.
#
#   bench/alerts.sh                             # 200/s for 30 s after 10 s of warm-up; table also in bench/results/
#   bench/alerts.sh --rate=100 --duration=20s
#
# Options: --rate=200 (alerts per second)  --duration=30s  --warmup=10s  --heap=512m (notification-service's heap)
#          --delivery-threads=4  --listeners=N (Kafka listener threads; default: the service's own setting)
#          --keep-database  --out=file  --label=text
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms256m -Xmx768m), NOTIFICATION_JAVA_OPTS (more options for
#          notification-service's JVM, e.g. a JFR recording), BENCH_REBUILD=1.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

bench_jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
service_jar="$root/notification-service/target/notification-service.jar"
stale() { # jar, then the sources it is built from
  local jar=$1; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if [[ "${BENCH_REBUILD:-0}" == "1" ]] \
    || stale "$bench_jar" benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main pom.xml \
    || stale "$service_jar" notification-service/src/main notification-service/pom.xml platform/src contracts/src/main; then
  echo "[alerts] building notification-service and benchmarks (mvn -pl notification-service,benchmarks -am package -DskipTests)" >&2
  mvn -B -ntp -q -pl notification-service,benchmarks -am package -DskipTests >&2
fi

out_given=false
for arg in "$@"; do [[ "$arg" == --out=* ]] && out_given=true; done
extra=()
if ! $out_given; then
  mkdir -p "$root/bench/results"
  extra+=("--out=$root/bench/results/alerts-$(date +%Y%m%d-%H%M%S).txt")
fi
label="git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- notification-service benchmarks platform 2>/dev/null || echo '+local changes')"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms256m -Xmx768m} -Daxoniq.update-checker.disabled=true \
  -Dloader.main=fr.marelle.benchmarks.alerts.AlertLatencyBenchmark \
  -cp "$bench_jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  "--label=$label" "--jar=$service_jar" "${extra[@]}" "$@"

#!/usr/bin/env bash
# Month-end benchmark: billing-service issues the invoices of 10 000 families with their PDFs (its jar as a separate
# process, a new database, an embedded Kafka broker, the run asked through its HTTP API as the console does), next to
# two baselines measured in the same run: OpenPDF rendering a comparable invoice alone, and plain INSERT transactions
# of an invoice-sized row. Goal: 10 000 invoices with their PDFs in under 2 minutes. See benchmarks/README.md.
#
#   bench/month-end.sh                          # 10 000 families, last month; table also in bench/results/
#   bench/month-end.sh --families=2000 --threads=4
#
# Options: --families=10000  --month=YYYY-MM (default: last month)  --threads=2 (billing's invoicing threads)
#          --heap=768m (billing-service's heap)  --seed=42  --keep-database  --out=file  --label=text
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms512m -Xmx1g), BILLING_JAVA_OPTS (more options for
#          billing-service's JVM, e.g. -XX:StartFlightRecording=filename=/tmp/billing.jfr), BENCH_REBUILD=1.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

bench_jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
service_jar="$root/billing-service/target/billing-service.jar"
stale() { # jar, then the sources it is built from
  local jar=$1; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}
if [[ "${BENCH_REBUILD:-0}" == "1" ]] \
    || stale "$bench_jar" benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main pom.xml \
    || stale "$service_jar" billing-service/src/main billing-service/pom.xml platform/src contracts/src/main; then
  echo "[month-end] building billing-service and benchmarks (mvn -pl billing-service,benchmarks -am package -DskipTests)" >&2
  mvn -B -ntp -q -pl billing-service,benchmarks -am package -DskipTests >&2
fi

out_given=false
for arg in "$@"; do [[ "$arg" == --out=* ]] && out_given=true; done
extra=()
if ! $out_given; then
  mkdir -p "$root/bench/results"
  extra+=("--out=$root/bench/results/month-end-$(date +%Y%m%d-%H%M%S).txt")
fi
label="git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- billing-service benchmarks platform 2>/dev/null || echo '+local changes')"

export AXONIQ_UPDATE_CHECKER_DISABLED=true
# shellcheck disable=SC2086
exec java ${BENCH_JAVA_OPTS:--Xms512m -Xmx1g} -Daxoniq.update-checker.disabled=true \
  -Dloader.main=fr.marelle.benchmarks.billing.MonthEndBenchmark \
  -cp "$bench_jar" org.springframework.boot.loader.launch.PropertiesLauncher \
  "--label=$label" "--jar=$service_jar" "${extra[@]}" "$@"

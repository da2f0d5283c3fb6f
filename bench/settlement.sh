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
source "$(dirname "$0")/lib.sh"

bench_build wallet-service
bench_default_out "$@"
bench_java "-Xms512m -Xmx1g" "$bench_jar" fr.marelle.benchmarks.wallet.SettlementBenchmark
exec "${bench_cmd[@]}" "--label=$(bench_label wallet-service benchmarks platform)" "--jar=$service_jar" \
  "${bench_out[@]}" "$@"

#!/usr/bin/env bash
# Alert-latency benchmark: notification-service's jar as a separate process (a new database, an embedded Kafka
# broker, its real SMTP client and HTTP SMS adapter pointed at sinks in the benchmark's JVM) receives 200
# WalletBalanceLow per second, one per family; the figures are the p50/p90/p99 times from the record handed to the
# Kafka producer to the SMS at the gateway and to the email accepted by the SMTP server, next to the raw Kafka
# publish → consume latency at the same rate (the baseline). Aim: p99 under 2 s. See benchmarks/README.md.
#
#   bench/alerts.sh                             # 200/s for 30 s after 60 s of warm-up; table also in bench/results/
#   bench/alerts.sh --rate=100 --duration=20s
#
# Options: --rate=200 (alerts per second)  --duration=30s  --warmup=60s  --heap=512m (notification-service's heap)
#          --delivery-threads=16  --listeners=N (Kafka listener threads; default: the service's own setting)
#          --keep-database  --out=file  --label=text
# Environment: MARELLE_TEST_DB_URL / MARELLE_TEST_DB_USER / MARELLE_TEST_DB_PASSWORD (default: postgres on
#          127.0.0.1:5432), BENCH_JAVA_OPTS (default -Xms256m -Xmx768m), NOTIFICATION_JAVA_OPTS (more options for
#          notification-service's JVM, e.g. a JFR recording), BENCH_REBUILD=1.
source "$(dirname "$0")/lib.sh"

bench_build notification-service
bench_default_out "$@"
bench_java "-Xms256m -Xmx768m" "$bench_jar" fr.marelle.benchmarks.alerts.AlertLatencyBenchmark
exec "${bench_cmd[@]}" "--label=$(bench_label notification-service benchmarks platform)" "--jar=$service_jar" \
  "${bench_out[@]}" "$@"

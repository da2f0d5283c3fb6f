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
source "$(dirname "$0")/lib.sh"

bench_build billing-service
bench_default_out "$@"
bench_java "-Xms512m -Xmx1g" "$bench_jar" fr.marelle.benchmarks.billing.MonthEndBenchmark
exec "${bench_cmd[@]}" "--label=$(bench_label billing-service benchmarks platform)" "--jar=$service_jar" \
  "${bench_out[@]}" "$@"

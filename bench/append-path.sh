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
source "$(dirname "$0")/lib.sh"

bench_build
bench_default_out "$@"
bench_java "-Xms1g -Xmx1g" "$bench_jar"
exec "${bench_cmd[@]}" "--label=$(bench_label platform benchmarks)" \
  "${bench_out[@]}" "$@"

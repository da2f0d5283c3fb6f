# The prologue every bench/*.sh shares; sourced, never run:  source "$(dirname "$0")/lib.sh"
#
# Once sourced: errors stop the script (set -euo pipefail), the working directory is the repository root ($root),
# --help / -h has printed the calling script's header comment (its lines 2 to the first line that is not a comment)
# and exited, and AXONIQ_UPDATE_CHECKER_DISABLED is exported. Then, in the script:
#   bench_build [SERVICE]                 build SERVICE's jar and the benchmarks jar when stale (see bench_build)
#   bench_default_out ARG...              bench_out=(--out=bench/results/<name>-<stamp>.txt) unless an ARG is --out=...
#   bench_label MODULE...                 prints "git <commit>", plus "+local changes" if MODULE... differ from HEAD
#   bench_java DEFAULT_OPTS JAR [MAIN]    bench_cmd=(java ...): $BENCH_JAVA_OPTS or DEFAULT_OPTS, then -jar JAR, or
#                                         MAIN from JAR through Spring Boot's PropertiesLauncher
# Variables: $root, $bench_name (the script's name without .sh), $bench_stamp (date +%Y%m%d-%H%M%S, once),
#   $bench_jar (the benchmarks jar), $service_jar (set by bench_build SERVICE).
set -euo pipefail

bench_script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
bench_name=$(basename "$0" .sh)
cd "$(dirname "$bench_script")/.."
root=$(pwd)

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,/^[^#]/p' "$bench_script" | grep '^#' | sed 's/^# \{0,1\}//'
  exit 0
fi

bench_stamp=$(date +%Y%m%d-%H%M%S)
bench_jar="$root/benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar"
export AXONIQ_UPDATE_CHECKER_DISABLED=true

# bench_stale JAR SOURCE...: true when JAR is missing or older than a file under SOURCE...
bench_stale() {
  local jar=$1; shift
  [[ ! -f "$jar" ]] && return 0
  [[ -n "$(find "$@" -newer "$jar" -type f 2>/dev/null | head -1)" ]]
}

# bench_build [SERVICE]: when BENCH_REBUILD=1, or the benchmarks jar is missing or older than the sources of
# benchmarks, platform or platform-test, or SERVICE's jar is older than its sources, platform's or contracts', builds
# them (mvn -pl [SERVICE,]benchmarks -am package -DskipTests). Sets service_jar to SERVICE's jar.
bench_build() {
  local service=${1:-} modules=benchmarks what=benchmarks stale=false
  [[ "${BENCH_REBUILD:-0}" == "1" ]] && stale=true
  bench_stale "$bench_jar" benchmarks/src benchmarks/pom.xml platform/src platform/pom.xml platform-test/src/main \
    platform-test/pom.xml pom.xml && stale=true
  if [[ -n "$service" ]]; then
    service_jar="$root/$service/target/$service.jar"
    bench_stale "$service_jar" "$service/src/main" "$service/pom.xml" platform/src contracts/src/main && stale=true
    modules="$service,benchmarks"
    what="$service and benchmarks"
  fi
  if $stale; then
    echo "[$bench_name] building $what (mvn -pl $modules -am package -DskipTests)" >&2
    mvn -B -ntp -q -pl "$modules" -am package -DskipTests >&2
  fi
}

# bench_default_out ARG...: bench_out=(--out=$root/bench/results/$bench_name-$bench_stamp.txt), creating the
# folder, unless one of ARG... is --out=...; then bench_out=().
bench_default_out() {
  local arg
  bench_out=()
  for arg in "$@"; do
    [[ "$arg" == --out=* ]] && return 0
  done
  mkdir -p "$root/bench/results"
  bench_out=("--out=$root/bench/results/$bench_name-$bench_stamp.txt")
}

# bench_label MODULE...: "git <short commit>", with "+local changes" when MODULE... differ from HEAD.
bench_label() {
  echo "git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- "$@" 2>/dev/null \
    || echo '+local changes')"
}

# bench_java DEFAULT_OPTS JAR [MAIN_CLASS]: bench_cmd=(java <$BENCH_JAVA_OPTS, or DEFAULT_OPTS> ... ) running JAR's
# own main class (java -jar), or MAIN_CLASS from JAR through Spring Boot's PropertiesLauncher; arguments follow.
bench_java() {
  local opts
  read -r -a opts <<< "${BENCH_JAVA_OPTS:-$1}"
  bench_cmd=(java "${opts[@]}" -Daxoniq.update-checker.disabled=true)
  if [[ -n "${3:-}" ]]; then
    bench_cmd+=("-Dloader.main=$3" -cp "$2" org.springframework.boot.loader.launch.PropertiesLauncher)
  else
    bench_cmd+=(-jar "$2")
  fi
}

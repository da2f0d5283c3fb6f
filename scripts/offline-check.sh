#!/usr/bin/env bash
# Offline proof: start the whole portal with the network cut and show that nothing tries to call out.
#
# The launcher (Kafka, SMTP, the seven apps) runs in a fresh network namespace where only loopback exists, under
# `strace -f -e trace=connect`. PostgreSQL, in the host's namespace, is reached through its Unix socket, bridged to
# 127.0.0.1:5432 inside by socat (a Unix socket is a file: namespaces do not hide it). Once every app is healthy the
# launcher is stopped and every connect() it or its children made must be to AF_UNIX, AF_UNSPEC, AF_NETLINK or a
# loopback address; anything else, and any connection to port 53 (a DNS lookup, wherever the resolver is), fails.
#
# Usage:
#   scripts/offline-check.sh                       the whole portal (about 1 to 2 minutes once built)
#   scripts/offline-check.sh --command -- CMD...   CMD instead of the portal, in the same harness (tests the check)
#   scripts/offline-check.sh --parse TRACE         only check a strace output file
#   scripts/offline-check.sh --preflight           only check that the harness can run here
# Exit status: 0 nothing called out; 1 something did, or the check could not be completed; 2 usage;
#              77 the harness cannot run here (needs Linux and root or CAP_SYS_ADMIN for `unshare -n`).
# Environment: OFFLINE_CHECK_PG_SOCKET (default /var/run/postgresql/.s.PGSQL.5432), OFFLINE_CHECK_TIMEOUT
#              (seconds to wait for the portal, default 300), OFFLINE_CHECK_KEEP=1 keeps the work directory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/offline-check.sh"
PG_SOCKET="${OFFLINE_CHECK_PG_SOCKET:-/var/run/postgresql/.s.PGSQL.5432}"
TIMEOUT="${OFFLINE_CHECK_TIMEOUT:-300}"
# the portal's databases for this check only, dropped afterwards: a developer's own data is never touched
DB_PREFIX="marelle_offline_"
LAUNCHER_JAVA_OPTS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -Xmx256m -XX:-UsePerfData -Dfile.encoding=UTF-8"
SKIP=77

say() { echo "offline-check: $*"; }
fail() { echo "offline-check: ÉCHEC : $*" >&2; exit 1; }
skip() { echo "offline-check: IMPOSSIBLE ICI : $*" >&2; exit "$SKIP"; }

# ---------------------------------------------------------------------------------------------------------------
# The parser: every connect() in an strace output, judged.

# Reads strace lines on stdin; prints "ok <destination>" or "outside <destination> <line>" per connect().
classify() {
  local line family port address
  while IFS= read -r line; do
    [[ "$line" == *"connect("* && "$line" != *"resumed>"* ]] || continue
    if [[ "$line" =~ sa_family=(AF_[A-Z0-9]+) ]]; then
      family="${BASH_REMATCH[1]}"
    else
      # strace could not read the address: we cannot prove it was local
      echo "outside adresse-illisible $line"
      continue
    fi
    case "$family" in
      AF_UNIX | AF_UNSPEC | AF_NETLINK)
        echo "ok $family"
        continue
        ;;
      AF_INET)
        [[ "$line" =~ sin_port=htons\(([0-9]+)\) ]] && port="${BASH_REMATCH[1]}" || port="?"
        [[ "$line" =~ inet_addr\(\"([^\"]+)\"\) ]] && address="${BASH_REMATCH[1]}" || address="?"
        ;;
      AF_INET6)
        [[ "$line" =~ sin6_port=htons\(([0-9]+)\) ]] && port="${BASH_REMATCH[1]}" || port="?"
        [[ "$line" =~ inet_pton\(AF_INET6,\ \"([^\"]+)\" ]] && address="${BASH_REMATCH[1]}" || address="?"
        ;;
      *)
        echo "outside $family $line"
        continue
        ;;
    esac
    if [[ "$port" == "53" ]]; then
      echo "outside $address:53(DNS) $line"
    elif [[ "$address" =~ ^127\.[0-9]+\.[0-9]+\.[0-9]+$ || "$address" == "::1" \
            || "$address" =~ ^::ffff:127\.[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
      echo "ok $address:$port"
    else
      echo "outside $address:$port $line"
    fi
  done
}

# Prints a report of a trace file; exit status 1 if anything went outside.
parse() {
  local trace="$1" verdicts total outside
  [[ -f "$trace" ]] || fail "trace introuvable : $trace"
  verdicts="$(classify <"$trace")"
  total="$(grep -c . <<<"$verdicts" || true)"
  outside="$(grep '^outside ' <<<"$verdicts" || true)"
  say "$total appels connect() examinés."
  if grep -q '^ok ' <<<"$verdicts"; then
    say "Destinations locales (nombre d'appels) :"
    grep '^ok ' <<<"$verdicts" | cut -d' ' -f2 | sort | uniq -c | sort -rn | sed 's/^/    /' || true
  fi
  if [[ -n "$outside" ]]; then
    echo "offline-check: ÉCHEC : connexions hors de la machine tentées :" >&2
    cut -d' ' -f2 <<<"$outside" | sort | uniq -c | sort -rn | sed 's/^/    /' >&2
    echo "offline-check: premières lignes de trace en cause :" >&2
    cut -d' ' -f3- <<<"$outside" | head -20 | sed 's/^/    /' >&2
    return 1
  fi
  say "✓ Aucune connexion hors de la boucle locale."
}

# ---------------------------------------------------------------------------------------------------------------
# The harness.

install_if_missing() {
  local missing=() tool
  declare -A package=([strace]=strace [socat]=socat [ip]=iproute2 [unshare]=util-linux [runuser]=util-linux
                      [setpriv]=util-linux)
  for tool in strace socat ip unshare runuser setpriv; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("${package[$tool]}")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    say "installation de ${missing[*]} (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
      || skip "outils manquants et non installables : ${missing[*]}"
  else
    skip "outils manquants : ${missing[*]} (installez-les, ou lancez en root sur Debian)"
  fi
}

preflight() {
  [[ "$(uname -s)" == "Linux" ]] || skip "il faut Linux (espaces de noms réseau)"
  command -v unshare >/dev/null 2>&1 || install_if_missing
  unshare -n true 2>/dev/null || skip "unshare -n refusé : il faut root ou CAP_SYS_ADMIN"
  install_if_missing
  # strace needs ptrace, which some sandboxes forbid even to root
  strace -f -qq -e trace=none -o /dev/null true 2>/dev/null || skip "strace ne peut pas tracer ici (ptrace refusé)"
}

# strace's options; --seccomp-bpf (strace 5.3+) stops the traced JVMs only at connect(), not at every system call
strace_options() {
  local options=(-f -qq -e trace=connect -e signal=none)
  if strace --seccomp-bpf "${options[@]}" -o /dev/null true 2>/dev/null; then
    options=(--seccomp-bpf "${options[@]}")
  fi
  echo "${options[@]}"
}

socket_owner() {
  stat -c %U "$PG_SOCKET"
}

psql_as_owner() {
  # as the socket's owner: works with both trust and peer authentication of local connections
  runuser -u "$(socket_owner)" -- psql -X -q -At -h "$(dirname "$PG_SOCKET")" -p "${PG_SOCKET##*.}" -d postgres "$@"
}

drop_check_databases() {
  command -v psql >/dev/null 2>&1 || { say "psql absent : bases ${DB_PREFIX}* non supprimées"; return 0; }
  local database
  for database in $(psql_as_owner -c "SELECT datname FROM pg_database WHERE datname LIKE '${DB_PREFIX//_/\\_}%'"); do
    psql_as_owner -c "DROP DATABASE \"$database\" WITH (FORCE)" || say "suppression de $database impossible"
  done
}

# Inside the namespace: loopback up, PostgreSQL bridged, then the traced command. Arguments: mode trace out [cmd...]
inside() {
  local mode="$1" trace="$2" out="$3" socat_pid status
  shift 3
  ip link set lo up
  # as the socket's owner (see psql_as_owner); setpriv execs, so $! is socat itself and can be stopped
  setpriv --reuid="$(stat -c %u "$PG_SOCKET")" --regid="$(stat -c %g "$PG_SOCKET")" --clear-groups -- \
    socat TCP-LISTEN:5432,bind=127.0.0.1,reuseaddr,fork "UNIX-CONNECT:$PG_SOCKET" &
  socat_pid=$!
  for _ in $(seq 50); do
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null && break
    sleep 0.1
  done
  status=0
  if [[ "$mode" == "command" ]]; then
    # shellcheck disable=SC2046  # the options are words
    timeout 120 strace $(strace_options) -o "$trace" -- "$@" >"$out" 2>&1 || status=$?
  else
    portal "$trace" "$out" || status=$?
  fi
  kill "$socat_pid" 2>/dev/null || true
  wait "$socat_pid" 2>/dev/null || true
  return "$status"
}

# Inside the namespace: the launcher under strace until every app is healthy, then stopped as Ctrl-C would.
portal() {
  local trace="$1" out="$2" run_dir="$WORK/run" strace_pid launcher_pid app_pids waited=0
  # shellcheck disable=SC2046,SC2086  # the options are words
  MARELLE_ROOT="$ROOT" MARELLE_RUN_DIR="$run_dir" MARELLE_DB_PREFIX="$DB_PREFIX" \
    strace $(strace_options) -o "$trace" -- \
    java $LAUNCHER_JAVA_OPTS -jar "$ROOT/launcher/target/launcher.jar" >"$out" 2>&1 &
  strace_pid=$!
  while [[ ! -f "$run_dir/ready" ]]; do
    if ! kill -0 "$strace_pid" 2>/dev/null; then
      wait "$strace_pid" || true
      echo "le lanceur s'est arrêté avant d'être prêt" >>"$WORK/problem"
      return 1
    fi
    if ((waited >= TIMEOUT)); then
      echo "pas prêt après $TIMEOUT s" >>"$WORK/problem"
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  [[ -f "$run_dir/ready" ]] && cp "$run_dir/ready" "$WORK/ready"
  # read now: the launcher deletes them when it stops
  launcher_pid="$(cat "$run_dir/launcher.pid")"
  app_pids="$(cut -d' ' -f1 "$run_dir/apps.pids" 2>/dev/null || true)"
  kill -TERM "$launcher_pid"
  # the launcher stops its apps (up to 30 s each, in parallel), then Kafka
  for _ in $(seq 90); do
    kill -0 "$strace_pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$strace_pid" 2>/dev/null; then
    echo "le lanceur ne s'est pas arrêté en 90 s" >>"$WORK/problem"
    # shellcheck disable=SC2086  # one pid per word
    kill -KILL "$launcher_pid" $app_pids 2>/dev/null || true
  fi
  wait "$strace_pid" || true
  [[ -f "$WORK/ready" ]]
}

run_in_namespace() {
  local mode="$1" status=0
  shift
  # a fresh network namespace: loopback only; the process tree inside dies with the command
  export WORK TIMEOUT
  unshare -n -- bash "$SELF" --inside "$mode" "$WORK/connect.trace" "$WORK/output" "$@" \
    || status=$?
  return "$status"
}

check_portal() {
  [[ -S "$PG_SOCKET" ]] || fail "pas de socket PostgreSQL en $PG_SOCKET (fixez OFFLINE_CHECK_PG_SOCKET)"
  say "construction si nécessaire (./marelle build)…"
  "$ROOT/marelle" build >/dev/null
  drop_check_databases
  say "démarrage du portail dans un espace de noms réseau sans autre interface que lo…"
  local status=0
  run_in_namespace portal || status=$?
  drop_check_databases
  sed 's/^/    │ /' "$WORK/output"
  if [[ $status -ne 0 || ! -f "$WORK/ready" ]]; then
    [[ -f "$WORK/problem" ]] && cat "$WORK/problem" >&2
    fail "le portail n'a pas démarré hors ligne (journaux : $WORK/run/logs ; OFFLINE_CHECK_KEEP=1 pour les garder)"
  fi
  say "portail prêt hors ligne : $(tr '\n' ' ' <"$WORK/ready")"
  parse "$WORK/connect.trace"
}

check_command() {
  local status=0
  run_in_namespace command "$@" || status=$?
  say "commande terminée (code $status) ; sa sortie :"
  sed 's/^/    │ /' "$WORK/output"
  parse "$WORK/connect.trace"
}

main() {
  case "${1:-}" in
    --inside)
      shift
      inside "$@"
      ;;
    --parse)
      [[ $# -eq 2 ]] || { echo "usage : $0 --parse TRACE" >&2; exit 2; }
      parse "$2"
      ;;
    --preflight)
      preflight
      say "✓ le banc peut tourner ici (unshare -n, strace, socat)."
      ;;
    --command)
      shift
      [[ "${1:-}" == "--" ]] && shift
      [[ $# -gt 0 ]] || { echo "usage : $0 --command -- CMD..." >&2; exit 2; }
      preflight
      WORK="$(mktemp -d -t marelle-offline.XXXXXX)"
      [[ "${OFFLINE_CHECK_KEEP:-0}" == 1 ]] || trap 'rm -rf "$WORK"' EXIT
      check_command "$@"
      ;;
    "")
      preflight
      WORK="$(mktemp -d -t marelle-offline.XXXXXX)"
      [[ "${OFFLINE_CHECK_KEEP:-0}" == 1 ]] || trap 'rm -rf "$WORK"' EXIT
      check_portal
      ;;
    *)
      sed -n '2,22p' "$SELF" | sed 's/^# \{0,1\}//' >&2
      exit 2
      ;;
  esac
}

main "$@"

#!/usr/bin/env bash
# One database per Marelle application, each owned by its own login role: a service can reach its own
# database and no other (DESIGN.md §1, "a service never reads another service's database").
# Role name = database name; each role's password comes from the environment of the postgres container.
#
# The postgres image runs this once, when it initialises an empty data volume. It is idempotent, so it can be
# run again on a live server, e.g. after adding an application or changing a password in the env file:
#   docker compose exec postgres /docker-entrypoint-initdb.d/10-marelle-databases.sh
# The applications create their tables themselves (Flyway) when they start.
set -euo pipefail

create_service_database() {
    local database="$1" password_variable="$2"
    local password="${!password_variable:-}"
    if [[ -z "$password" ]]; then
        echo "marelle: $password_variable is not set: cannot create the role of $database" >&2
        exit 1
    fi
    # psql variables (:'x' quotes a literal, :"x" an identifier) keep passwords and names out of the SQL text.
    psql --no-psqlrc -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
        -v database="$database" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'database')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'database') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'database', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'database', :'database', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'database') \gexec
SQL
    echo "marelle: database $database ready (owner $database)"
}

create_service_database marelle_accounts     MARELLE_DB_PASSWORD_ACCOUNTS
create_service_database marelle_children     MARELLE_DB_PASSWORD_CHILDREN
create_service_database marelle_planning     MARELLE_DB_PASSWORD_PLANNING
create_service_database marelle_billing      MARELLE_DB_PASSWORD_BILLING
create_service_database marelle_wallet       MARELLE_DB_PASSWORD_WALLET
create_service_database marelle_notification MARELLE_DB_PASSWORD_NOTIFICATION
create_service_database marelle_gateway      MARELLE_DB_PASSWORD_GATEWAY

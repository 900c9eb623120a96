#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server for the tests, then print its URL.
#
#   DUIZHAO_PG_URL=$(bash .ci/postgres.sh)     # run: prints the URL, exports nothing
#   source .ci/postgres.sh                     # sourced: prints the URL and also sets DUIZHAO_PG_URL
#                                              # in the calling shell (exported, for the tests it runs)
#
# Runs as root on Debian 12 (the CI machine): apt-get installs Debian's `postgresql`
# package when the server is missing, creates the cluster if the package did not,
# starts it, and creates the role and database `duizhao` (password `duizhao`).
# Idempotent: a second run finds everything in place and only prints the URL.
# Progress goes to stderr; the only line on stdout is the SQLAlchemy URL
# (postgresql+psycopg://duizhao:duizhao@127.0.0.1:PORT/duizhao).
# Safe to `source` from a `set -euo pipefail` script: it never calls `exit` and leaves the
# caller's options alone; it returns non-zero (failing such a caller) when no server could be started.

_duizhao_pg() {
    local db=duizhao user=duizhao password=duizhao
    local ver cluster=main port status i
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        echo "postgres.sh: installing Debian's postgresql package" >&2
        if [ "$(id -u)" != 0 ]; then echo "postgres.sh: not root: cannot install postgresql" >&2; return 1; fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || { echo "postgres.sh: apt-get update failed" >&2; return 1; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
            || { echo "postgres.sh: apt-get install postgresql failed" >&2; return 1; }
    fi
    ver=$(ls -1 /usr/lib/postgresql | sort -V | tail -n 1)
    if [ -z "$ver" ]; then echo "postgres.sh: no server under /usr/lib/postgresql" >&2; return 1; fi

    port=$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $3}')
    if [ -z "$port" ]; then
        echo "postgres.sh: creating cluster $ver/$cluster" >&2
        pg_createcluster "$ver" "$cluster" >&2 || { echo "postgres.sh: pg_createcluster failed" >&2; return 1; }
        port=$(pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $3}')
    fi
    status=$(pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $4}')
    if [ "$status" != online ]; then
        echo "postgres.sh: starting cluster $ver/$cluster on port $port" >&2
        pg_ctlcluster "$ver" "$cluster" start >&2 || { echo "postgres.sh: pg_ctlcluster start failed" >&2; return 1; }
    fi
    for i in $(seq 1 30); do
        if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
        sleep 1
    done
    if ! pg_isready -q -h 127.0.0.1 -p "$port"; then
        echo "postgres.sh: server not ready on port $port after 30 s" >&2; return 1
    fi
    if [ "$(cd / && su postgres -c "psql -X -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = '$user'\"")" != 1 ]; then
        echo "postgres.sh: creating role $user" >&2
        (cd / && su postgres -c "psql -X -q -p $port -v ON_ERROR_STOP=1 -c \"CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB\"") >&2 || return 1
    fi
    if [ "$(cd / && su postgres -c "psql -X -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = '$db'\"")" != 1 ]; then
        echo "postgres.sh: creating database $db" >&2
        (cd / && su postgres -c "psql -X -q -p $port -v ON_ERROR_STOP=1 -c \"CREATE DATABASE $db OWNER $user\"") >&2 || return 1
    fi
    _DUIZHAO_PG_URL="postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
    echo "$_DUIZHAO_PG_URL"
}

if _duizhao_pg; then
    if [ "${BASH_SOURCE[0]}" != "$0" ]; then   # sourced: hand the URL to the caller's tests
        export DUIZHAO_PG_URL="$_DUIZHAO_PG_URL"
    fi
    unset -f _duizhao_pg; unset _DUIZHAO_PG_URL
    true
else
    unset -f _duizhao_pg; unset _DUIZHAO_PG_URL
    false
fi

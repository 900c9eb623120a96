#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server for the tests, then print its URL.
#
#   DUIZHAO_PG_URL=$(bash .ci/postgres.sh)          # or:  source .ci/postgres.sh
#
# Runs as root on Debian 12 (the CI machine): apt-get installs Debian's `postgresql`
# package when the server is missing, creates the cluster if the package did not,
# starts it, and creates the role and database `duizhao` (password `duizhao`).
# Idempotent: a second run finds everything in place and only prints the URL.
# Progress goes to stderr; the only line on stdout is the SQLAlchemy URL
# (postgresql+psycopg://duizhao:duizhao@127.0.0.1:PORT/duizhao). Nothing is exported.
# Safe to `source`: it never calls `exit` and does not change the caller's shell options.

_duizhao_pg() {
    local db=duizhao user=duizhao password=duizhao
    local ver="" cluster=main port
    _log() { echo "postgres.sh: $*" >&2; }

    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        _log "installing Debian's postgresql package"
        if [ "$(id -u)" != 0 ]; then _log "not root: cannot apt-get install postgresql"; return 1; fi
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || { _log "apt-get update failed"; return 1; }
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
            || { _log "apt-get install postgresql failed"; return 1; }
    fi
    ver=$(ls -1 /usr/lib/postgresql | sort -V | tail -n 1)
    if [ -z "$ver" ]; then _log "no PostgreSQL server found under /usr/lib/postgresql"; return 1; fi

    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$ver $cluster"; then
        _log "creating cluster $ver/$cluster"
        pg_createcluster "$ver" "$cluster" >&2 || { _log "pg_createcluster failed"; return 1; }
    fi
    port=$(pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $3}')
    if ! pg_lsclusters -h | awk -v v="$ver" -v c="$cluster" '$1==v && $2==c {print $4}' | grep -q online; then
        _log "starting cluster $ver/$cluster on port $port"
        pg_ctlcluster "$ver" "$cluster" start >&2 || { _log "pg_ctlcluster start failed"; return 1; }
    fi
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    pg_isready -q -h 127.0.0.1 -p "$port" || { _log "server not ready on port $port after 30 s"; return 1; }

    _psql() { (cd / && su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -p $port -tAc \"$1\"" 2>&1); }
    if [ "$(_psql "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]; then
        _log "creating role $user"
        _psql "CREATE ROLE $user LOGIN PASSWORD '$password' CREATEDB" >&2 || return 1
    fi
    if [ "$(_psql "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
        _log "creating database $db"
        _psql "CREATE DATABASE $db OWNER $user" >&2 || return 1
    fi
    echo "postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
}
_duizhao_pg
_duizhao_pg_rc=$?
unset -f _duizhao_pg _log _psql
(exit $_duizhao_pg_rc)

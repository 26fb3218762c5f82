#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (as the postgres user: the server refuses to run as root) and makes a
# `lantern` role that may create databases, for the data-layer tests. Prints the URL the tests use.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "$ver" main start
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
if ! su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname = 'lantern'\"" | grep -q 1; then
  su postgres -c "psql -qc \"create role lantern login createdb password 'lantern'\""
fi
# Test databases are dropped WITH (FORCE); autovacuum may be working in one after a large import, and ending that
# worker needs pg_signal_backend.
su postgres -c "psql -qc 'grant pg_signal_backend to lantern'" >/dev/null
echo "postgres://lantern:lantern@127.0.0.1:5432/postgres"

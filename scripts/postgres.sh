#!/usr/bin/env bash
# A PostgreSQL server for the tests, on 127.0.0.1:${PGPORT:-5432}, with a role `ipmi_test`
# (password `ipmi_test`, may create databases: every test makes its own).
#
#   scripts/postgres.sh start   install (Debian package) if missing, start, create the role
#   scripts/postgres.sh url     print the admin URL the tests use (TEST_DATABASE_URL)
set -euo pipefail
port=${PGPORT:-5432}
url="postgres://ipmi_test:ipmi_test@127.0.0.1:$port/postgres"

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"
  else sudo -u postgres sh -c "$*"
  fi
}

case "${1:-}" in
  start)
    if ! command -v pg_lsclusters >/dev/null; then
      echo "postgres: installing the Debian package"
      if [ "$(id -u)" = 0 ]; then apt-get install -y -qq postgresql >/dev/null
      else sudo apt-get install -y -qq postgresql >/dev/null; fi
    fi
    read -r version cluster cport status _ < <(pg_lsclusters -h | head -1) || true
    if [ -z "${version:-}" ]; then
      version=$(ls /usr/lib/postgresql | sort -n | tail -1); cluster=main
      if [ "$(id -u)" = 0 ]; then pg_createcluster "$version" main -p "$port" >/dev/null
      else sudo pg_createcluster "$version" main -p "$port" >/dev/null; fi
      cport=$port; status=down
    fi
    [ "$cport" = "$port" ] || { echo "postgres: cluster $version/$cluster uses port $cport, not $port (set PGPORT=$cport)"; exit 1; }
    if [ "$status" != online ]; then
      if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$version" "$cluster" start
      else sudo pg_ctlcluster "$version" "$cluster" start; fi
    fi
    for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
    pg_isready -q -h 127.0.0.1 -p "$port" || { echo "postgres: not ready on port $port"; exit 1; }
    as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='ipmi_test'\" | grep -q 1 \
      || psql -q -p $port -c \"CREATE ROLE ipmi_test LOGIN CREATEDB PASSWORD 'ipmi_test'\""
    echo "postgres: ready at 127.0.0.1:$port"
    ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|url" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the team-sync tests and benchmark: its own data folder, socket
# folder and port, reachable only through a Unix socket, so it never meets a server the machine already
# runs. Run as root (CI), the server runs as the `postgres` system user, since PostgreSQL refuses to run
# as root.
#
#   scripts/pg-cluster.sh start DIR   makes and starts the cluster; writes DIR/cluster.env (PGHOST,
#                                     PGPORT, the superuser's name) for the tests to read
#   scripts/pg-cluster.sh stop DIR    stops it and deletes its files
#   scripts/pg-cluster.sh restart DIR | kill DIR | resume DIR   (for the fault tests and the benchmark)
#
# Authentication is that of a real server: the superuser connects over the socket without a password
# (trust, only for the cluster's own socket folder), every other role with a password (scram-sha-256)
# that its client finds in a libpq password file, as a member of a team would.
set -euo pipefail

usage() { echo "usage: $0 start|stop|restart|kill|resume DIR" >&2; exit 2; }
(($# == 2)) || usage
action=$1
dir=$2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)

bindir=
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x $candidate/pg_ctl ]] && { bindir=$candidate; break; }
done
[[ -n $bindir ]] || { echo "pg-cluster: no PostgreSQL server found (install postgresql-15: scripts/deps.sh)" >&2; exit 1; }

as_server=()
if [[ $(id -u) -eq 0 ]]; then
    as_server=(runuser -u postgres --)
fi
run() { "${as_server[@]}" "$@"; }

# Where the cluster lives: DIR itself when the server's user can reach it, else a private folder under
# /tmp that DIR/cluster.env names (a build tree under /root is closed to the postgres user).
home_of() {
    if [[ -f $dir/cluster.env ]]; then
        # shellcheck disable=SC1091
        (source "$dir/cluster.env" && echo "$MARGINALIA_PG_HOME")
    fi
}

pg_ctl_of() { run "$bindir/pg_ctl" -D "$1/data" -l "$1/server.log" "${@:2}"; }

case $action in
start)
    if [[ -n $(home_of) ]] && [[ -f "$(home_of)/data/postmaster.pid" ]]; then
        "$0" stop "$dir"
    fi
    home=$dir/cluster
    rm -rf "$home"
    mkdir -p "$home"
    if ((${#as_server[@]})); then
        chown postgres: "$home"
        if ! run test -w "$home"; then
            rm -rf "$home"
            home=$(mktemp -d /tmp/marginalia-pg.XXXXXX)
            chown postgres: "$home"
        fi
    fi
    run mkdir -p "$home/socket"
    run "$bindir/initdb" -D "$home/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=reject >"$home/initdb.log" 2>&1 ||
        { cat "$home/initdb.log" >&2; exit 1; }
    # The superuser is trusted on the private socket only; every member proves who they are.
    run bash -c "{ echo 'local all postgres trust'; echo 'local all all scram-sha-256'; } > '$home/data/pg_hba.conf'"
    port=55432
    run bash -c "cat >> '$home/data/postgresql.conf'" <<EOF
listen_addresses = ''
unix_socket_directories = '$home/socket'
port = $port
fsync = on
max_connections = 100
EOF
    pg_ctl_of "$home" -w -t 60 start >/dev/null || { cat "$home/server.log" >&2; exit 1; }
    cat >"$dir/cluster.env" <<EOF
MARGINALIA_PG_HOME=$home
MARGINALIA_PG_BIN=$bindir
PGHOST=$home/socket
PGPORT=$port
MARGINALIA_PG_SUPERUSER=postgres
EOF
    echo "pg-cluster: started in $home (socket $home/socket, port $port)"
    ;;
stop)
    home=$(home_of)
    if [[ -n $home && -d $home ]]; then
        [[ -f $home/data/postmaster.pid ]] && pg_ctl_of "$home" -m immediate -w stop >/dev/null || true
        rm -rf "$home"
    fi
    rm -f "$dir/cluster.env"
    echo "pg-cluster: stopped"
    ;;
restart)
    home=$(home_of)
    pg_ctl_of "$home" -m fast -w -t 60 restart >/dev/null
    ;;
kill)
    home=$(home_of)
    pg_ctl_of "$home" -m immediate -w stop >/dev/null
    ;;
resume)
    home=$(home_of)
    pg_ctl_of "$home" -w -t 60 start >/dev/null
    ;;
*)
    usage
    ;;
esac

#!/usr/bin/env bash
# Team sync under load and faults (issue 14), on a throwaway PostgreSQL cluster of its own:
#   - K client processes (default 8) × N annotations each (default 1000), each editing and deleting its
#     own at random and syncing after every 10 changes, while the server is restarted twice;
#   - at the end every client and the server must hold the same annotations (an md5 of "id|note" by id),
#     none lost, none duplicated;
#   - prints the time to converge, the syncs' latency (median, 95th percentile; each sync pushes about
#     10 changes and pulls what the others wrote), the server's CPU time, and what a first sync of a
#     100,000-annotation team costs (a member's push of them, then a new machine's pull).
# Usage: scripts/bench-team.sh [K] [N] [SEED_COUNT]   (BENCH_DIR names the work folder, default build/bench-team)
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-8}
count=${2:-1000}
seed_count=${3:-100000}
work=$(mkdir -p "${BENCH_DIR:-build/bench-team}" && cd "${BENCH_DIR:-build/bench-team}" && pwd)

bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DMARGINALIA_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build --target marginalia-cli marginalia_team_client
cli=build/app/marginalia-cli
client=build/tests/bench/marginalia_team_client

rm -rf "$work/run"
mkdir -p "$work/run/ready"
cluster=$work/run/cluster
bash scripts/pg-cluster.sh start "$cluster"
trap 'bash scripts/pg-cluster.sh stop "$cluster" >/dev/null 2>&1 || true' EXIT
set -a
# shellcheck disable=SC1091
source "$cluster/cluster.env"
set +a
export PGPASSFILE=$work/run/pgpass
: >"$PGPASSFILE"
chmod 600 "$PGPASSFILE"
address() { echo "postgresql://$1@/${2:-team}?host=$PGHOST&port=$PGPORT"; }
superuser_sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$(address postgres)" -c "$1"; }
psql -X -q -d "postgresql://postgres@/postgres?host=$PGHOST&port=$PGPORT" -c 'CREATE DATABASE team'

"$cli" team init "$(address postgres)" >/dev/null
for ((i = 0; i < clients; i++)); do
    role=member$i
    "$cli" team add-member "$(address postgres)" "$role" >/dev/null
    superuser_sql "ALTER ROLE $role PASSWORD 'bench-$role'"
    echo "*:*:*:$role:bench-$role" >>"$PGPASSFILE"
done

# The server's CPU: the postmaster's own and that of its finished children (each connection's backend).
server_cpu_ticks() {
    local pid
    pid=$(head -1 "$MARGINALIA_PG_HOME/data/postmaster.pid")
    awk '{ print $14 + $15 + $16 + $17 }' "/proc/$pid/stat"
}
ticks_per_second=$(getconf CLK_TCK)

echo "== $clients clients × $count annotations, editing and syncing; the server restarts twice"
start=$(date +%s.%N)
cpu_before=$(server_cpu_ticks)
pids=()
for ((i = 0; i < clients; i++)); do
    "$client" edit --db "$work/run/member$i.sqlite" --team "$(address "member$i")" --role "member$i" \
        --count "$count" --seed "$((i + 1))" --ready "$work/run/ready" --clients "$clients" \
        >"$work/run/member$i.json" 2>"$work/run/member$i.err" &
    pids+=($!)
done
cpu_server=0
for restart in 1 2; do
    sleep 4
    cpu_server=$((cpu_server + $(server_cpu_ticks) - cpu_before))
    echo "   restarting the server ($restart)"
    bash scripts/pg-cluster.sh restart "$cluster"
    cpu_before=$(server_cpu_ticks)
done
for pid in "${pids[@]}"; do wait "$pid"; done
end=$(date +%s.%N)
cpu_server=$((cpu_server + $(server_cpu_ticks) - cpu_before))

server_sum=$(superuser_sql "SELECT md5(coalesce(string_agg(id || '|' || coalesce(note, '') || E'\n', '' ORDER BY id COLLATE \"C\"), ''))
                            FROM marginalia.annotations WHERE NOT deleted")
server_rows=$(superuser_sql "SELECT count(*) FROM marginalia.annotations WHERE NOT deleted")
expected_rows=0
status=0
for ((i = 0; i < clients; i++)); do
    own=$(grep -o '"own":[0-9]*' "$work/run/member$i.json" | cut -d: -f2)
    expected_rows=$((expected_rows + own))
    sum=$(grep -o '"checksum":"[0-9a-f]*"' "$work/run/member$i.json" | cut -d'"' -f4)
    if [[ $sum != "$server_sum" ]]; then
        echo "member$i holds something else than the server ($sum, server $server_sum)" >&2
        status=1
    fi
done
[[ $server_rows -eq $expected_rows ]] || { echo "server has $server_rows annotations, the clients kept $expected_rows" >&2; status=1; }

latencies=$(cat "$work/run"/member*.json | grep -o '"latenciesMs":\[[^]]*\]' | sed 's/.*\[//; s/\]//' | tr ',' '\n' | sort -g)
samples=$(wc -l <<<"$latencies")
median=$(sed -n "$(((samples + 1) / 2))p" <<<"$latencies")
p95=$(sed -n "$(((samples * 95 + 99) / 100))p" <<<"$latencies")
failures=$(cat "$work/run"/member*.json | grep -o '"failures":[0-9]*' | cut -d: -f2 | paste -sd+ | bc)
printf '%-52s %s\n' "converged (all clients = server):" "$([[ $status -eq 0 ]] && echo yes || echo NO)"
printf '%-52s %s\n' "annotations kept (server / clients' own):" "$server_rows / $expected_rows"
printf '%-52s %.1f s\n' "time to converge (start to last client done):" "$(echo "$end - $start" | bc)"
printf '%-52s %s syncs, %s cut off by the restarts\n' "syncs:" "$samples" "$failures"
printf '%-52s median %.1f ms, p95 %.1f ms\n' "sync latency (push ~10 + pull):" "$median" "$p95"
printf '%-52s %.1f s\n' "server CPU time:" "$(echo "$cpu_server / $ticks_per_second" | bc -l)"

echo "== first sync of a $seed_count-annotation team"
# A team of its own, so that only the seeded annotations are there to pull.
superuser_sql "CREATE DATABASE seed" >/dev/null
"$cli" team init "$(address postgres seed)" --group seed_team >/dev/null
"$cli" team add-member "$(address postgres seed)" seeder >/dev/null
superuser_sql "ALTER ROLE seeder PASSWORD 'bench-seeder'"
echo "*:*:*:seeder:bench-seeder" >>"$PGPASSFILE"
seeded=$("$client" seed --db "$work/run/seeder.sqlite" --team "$(address seeder seed)" --count "$seed_count") || status=1
echo "$seeded"
printf '%-52s %s s\n' "push of $seed_count by one member:" "$(grep -o '"pushSeconds":[0-9.e-]*' <<<"$seeded" | cut -d: -f2)"
printf '%-52s %s s\n' "first sync of a new machine (pull $seed_count):" "$(grep -o '"firstSyncSeconds":[0-9.e-]*' <<<"$seeded" | cut -d: -f2)"
exit $status

#!/usr/bin/env bash
# Comments accepted per second, one build against another, side by side. Builds Herald (Release)
# from this tree ("after") and from BEFORE (a commit, "before"), serves each on a fresh demo site
# with the comment rate limit and the minimum fill time lifted (every other defence on, as in
# bench/wordpress/compare/run.sh), then posts comments to the newest story with wrk, round after
# round, alternating the builds. Per run: posts/s, p50 and p99 of the posts, and the server's CPU
# time per accepted comment (user + system from /proc, divided by the 303s), which says more than
# posts/s on a shared machine. A run with any answer but 303, or a socket error, shows "-".
# With POSTGRES=1, the same again on a private PostgreSQL cluster (initdb on a loopback port).
# Every server is stopped on exit.
#
#   BEFORE=main ROUNDS=4 DURATION=10s POSTGRES=1 bench/comments/compare.sh
set -euo pipefail
shopt -s inherit_errexit

before="${BEFORE:?BEFORE=<commit> names the build to compare with}"
rounds="${ROUNDS:-4}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-8}"
postgres="${POSTGRES:-0}"
first_port="${PORT:-5611}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t herald-comments-compare-XXXXXX)"
chmod 755 "$work"
pids=()
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"

cleanup() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "compare.sh: a command failed at line $LINENO" >&2' ERR
say() { echo "== $*" >&2; }
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

free_port() {
    local port="$1"
    while curl -s -o /dev/null "http://127.0.0.1:$port/"; do
        port=$((port + 1))
    done
    echo "$port"
}

build() {
    local name="$1" tree="$2"
    say "Building Herald ($name, Release)"
    dotnet build -c Release "$tree/src/Herald/Herald.csproj" -nologo -v q >"$work/build-$name.log" 2>&1 \
        || { cat "$work/build-$name.log" >&2; exit 1; }
    echo "$tree/src/Herald/bin/Release/net10.0/herald.dll"
}

declare -A dlls ports dbs pid_of article stamp
dlls[after]="$(build after "$repo")"
commit="$(git -C "$repo" rev-parse --verify "$before^{commit}")"
mkdir -p "$work/before"
git -C "$repo" archive "$commit" | tar -x -C "$work/before"
dlls[before]="$(build before "$work/before")"

targets=()
for build in before after; do
    dbs[$build]="Data Source=$work/$build.db"
    targets+=("$build")
done
if [[ "$postgres" == 1 ]]; then
    [[ -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is missing (apt-get install -y postgresql, or POSTGRES=0)" >&2; exit 1; }
    pg_port="$(free_port 5711)"
    say "Starting PostgreSQL (private cluster on 127.0.0.1:$pg_port)"
    mkdir -p "$work/pg"
    chown postgres "$work/pg"
    runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 \
        --locale=C.UTF-8 -N >"$work/initdb.log" 2>&1
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >"$work/pg_ctl.log" 2>&1
    for build in before after; do
        runuser -u postgres -- "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "create database herald_$build"
        dbs[$build-pg]="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=herald_$build"
        dlls[$build-pg]="${dlls[$build]}"
        targets+=("$build-pg")
    done
fi

port="$first_port"
for target in "${targets[@]}"; do
    port="$(free_port "$port")"
    ports[$target]="$port"
    origin="http://127.0.0.1:$port"
    say "Starting Herald ($target) on $origin with a fresh demo site"
    Comments__RatePermits=100000000 Comments__MinimumFillTime=00:00:00 \
        dotnet "${dlls[$target]}" serve --demo --no-output-cache --db "${dbs[$target]}" --urls "$origin" >"$work/herald-$target.log" 2>&1 &
    pids+=($!)
    pid_of[$target]=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "$origin/healthz" && break
        kill -0 "${pid_of[$target]}" 2>/dev/null || { cat "$work/herald-$target.log" >&2; exit 1; }
        sleep 0.5
    done
    path="$(curl -s "$origin/" | grep -o 'href="/20[0-9][0-9]/[0-9][0-9]/[^"#]*"' | head -1 | cut -d'"' -f2)"
    article[$target]="$(curl -s "$origin$path" | grep -o 'data-article="[0-9]*"' | head -1 | grep -o '[0-9]*')"
    stamp[$target]="$(curl -s "$origin/comments/state" | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["started"]))')"
    [[ -n "${article[$target]}" && -n "${stamp[$target]}" ]] || { echo "no comment form on $origin$path" >&2; exit 1; }
    port=$((port + 1))
done

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# measure TARGET RUN [DURATION]: "posts/s p50 p99 cpu-ms-per-comment", or "- - - -" on any unexpected answer.
measure() {
    local target="$1" run="$2" out start ticks accepted
    start="$(cpu_ticks "${pid_of[$target]}")"
    out="$(COMMENT=herald RUN_ID="$run-$target" ORIGIN="http://127.0.0.1:${ports[$target]}" ARTICLE_ID="${article[$target]}" STAMP="${stamp[$target]}" \
        wrk --latency -t2 -c"$connections" -d"${3:-$duration}" --timeout 10s -s "$repo/bench/wordpress/compare/count.lua" "http://127.0.0.1:${ports[$target]}/comments")"
    ticks=$(($(cpu_ticks "${pid_of[$target]}") - start))
    echo "$out" >>"$work/wrk-$target.log"
    accepted="$(awk '$1 == "status" && $2 == 303 { n += $3 } END { print n + 0 }' <<<"$out")"
    if awk '$1 == "status" && $2 != 303 { bad = 1 } END { exit !bad }' <<<"$out" || grep -q "Socket errors" <<<"$out" || [[ "$accepted" == 0 ]]; then
        echo "$target run $run: $(grep -E '^status|Socket errors' <<<"$out" | tr '\n' ' ')" >&2
        echo "- - - -"
        return
    fi
    echo "$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out") $(awk '$1 == "50%" { print $2 }' <<<"$out") $(awk '$1 == "99%" { print $2 }' <<<"$out") $(awk -v t="$ticks" -v n="$accepted" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t * 1000 / hz / n }')"
}

say "Warming up (JIT, connection pools): one short run each"
for target in "${targets[@]}"; do
    measure "$target" warm 3s >/dev/null
done

declare -A runs
loads=()
for round in $(seq 1 "$rounds"); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    say "Round $round of $rounds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    # Alternate which build goes first, so neither always meets the other's leftovers.
    order=("${targets[@]}")
    (( round % 2 == 0 )) && order=($(printf '%s\n' "${targets[@]}" | tac))
    for target in "${order[@]}"; do
        result="$(measure "$target" "$round")"
        say "$target: $result"
        runs[$target]+="$result;"
    done
done

# column N of every run of TARGET, median (numbers with units such as 12.3ms are compared in ms).
median() {
    tr ';' '\n' <<<"${runs[$1]}" | awk -v c="$2" 'NF { print $c }' | grep -v '^-$' | awk '
        /us$/ { sub(/us$/, ""); $0 = $0 / 1000 } /ms$/ { sub(/ms$/, "") } /[0-9]s$/ { sub(/s$/, ""); $0 = $0 * 1000 } { print }' \
        | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'
}

echo
echo "wrk -t2 -c$connections -d$duration, $rounds rounds alternating the builds, medians; load (1 min) at the rounds: ${loads[*]}"
echo "before: $before ($(git -C "$repo" rev-parse --short "$commit")); after: this tree ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD && echo "" || echo ", with uncommitted changes"))"
echo
echo "| build | posts/s | p50 ms | p99 ms | CPU ms per comment |"
echo "|---|---:|---:|---:|---:|"
for target in "${targets[@]}"; do
    echo "| $target | $(median "$target" 1) | $(median "$target" 2) | $(median "$target" 3) | $(median "$target" 4) |"
done
for db in "" -pg; do
    [[ -n "${runs[after$db]:-}" ]] || continue
    echo "| after ÷ before${db:+ (PostgreSQL)} | $(awk -v a="$(median "after$db" 1)" -v b="$(median "before$db" 1)" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }') | | | $(awk -v a="$(median "after$db" 4)" -v b="$(median "before$db" 4)" 'BEGIN { if (a == "-" || b == "-" || a == 0) print "-"; else printf "%.2f× less", b / a }') |"
done
echo
echo "Every run (posts/s p50 p99 cpu-ms): $(for k in "${targets[@]}"; do echo -n "$k: ${runs[$k]} "; done)"
for target in "${targets[@]}"; do
    if [[ "${dbs[$target]}" == Data* ]]; then
        say "$target stored: $(sqlite3 "${dbs[$target]#Data Source=}" "select Status, count(*) from Comments group by Status" | tr '\n' ' ')"
    fi
done

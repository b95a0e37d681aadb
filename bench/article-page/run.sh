#!/usr/bin/env bash
# What an uncached article page and home page cost, old build against new: builds Herald (Release)
# from this tree ("after") and from BEFORE ("before", a commit), seeds ONE demo site with the
# before build and gives each build a copy of it, on SQLite and on a private PostgreSQL cluster
# (initdb on a free loopback port; POSTGRES=0 leaves it out). All servers run at once with
# --no-output-cache on 127.0.0.1 and are loaded in turn with wrk, round after round, who goes first
# rotating. Before the load, every page is fetched from both builds and compared byte for byte
# (the comment form's time stamp, which differs per request, and each server's port masked). Prints requests/s (median of
# the rounds) and after ÷ before. Every server is stopped on exit.
#
#   BEFORE=main ROUNDS=3 DURATION=8s bench/article-page/run.sh
#   BEFORE=main BEFORE_DLL=/tmp/old/src/Herald/bin/Release/net10.0/herald.dll AFTER_DLL=... bench/article-page/run.sh
set -euo pipefail
shopt -s inherit_errexit

before="${BEFORE:-main}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-8s}"
connections="${CONNECTIONS:-8}"
postgres="${POSTGRES:-1}"
first_port="${PORT:-5611}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t herald-article-page-XXXXXX)"
chmod 755 "$work"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
pids=()

as_postgres() { if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

cleanup() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
    if [[ -f "$work/pg/data/postmaster.pid" ]]; then
        as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "run.sh: a command failed at line $LINENO" >&2' ERR

say() { echo "== $*" >&2; }

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (Debian: apt-get install sqlite3)" >&2; exit 1; }
[[ "$postgres" != 1 || -x "$pg_bin/initdb" ]] || { echo "PostgreSQL is missing (apt-get install postgresql, or POSTGRES=0)" >&2; exit 1; }

free_port() {
    local port="$1"
    while curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$port/" || ss -ltn | grep -q ":$port "; do
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

# start_herald NAME DLL PORT DB [ARGS...]: serves in the background until /healthz answers.
start_herald() {
    local name="$1" dll="$2" port="$3" db="$4"
    shift 4
    dotnet "$dll" serve --db "$db" --urls "http://127.0.0.1:$port" "$@" >"$work/herald-$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 360); do
        # Alive and answering: a server of someone else's that took the port first answers too.
        if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && sleep 1 && kill -0 "${pids[-1]}" 2>/dev/null; then
            return 0
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "herald ($name) did not start on port $port; its log:" >&2
    cat "$work/herald-$name.log" >&2
    exit 1
}

stop_last() {
    kill "${pids[-1]}"
    wait "${pids[-1]}" 2>/dev/null || true
    unset 'pids[-1]'
}

declare -A dlls ports dbs pid_of
commit="$(git -C "$repo" rev-parse --verify "$before^{commit}")"
mkdir -p "$work/before"
git -C "$repo" archive "$commit" | tar -x -C "$work/before"
# BEFORE_DLL / AFTER_DLL: herald.dll of builds made already (Release), to skip building here.
if [[ -n "${BEFORE_DLL:-}" ]]; then dlls[before]="$BEFORE_DLL"; else dlls[before]="$(build before "$work/before")"; fi
if [[ -n "${AFTER_DLL:-}" ]]; then dlls[after]="$AFTER_DLL"; else dlls[after]="$(build after "$repo")"; fi

port="$(free_port "$first_port")"
say "Seeding the demo site once (before build), SQLite"
mkdir -p "$work/sqlite-before" "$work/sqlite-after"
start_herald seed-sqlite "${dlls[before]}" "$port" "Data Source=$work/sqlite-before/herald.db" --demo
stop_last
sqlite3 "$work/sqlite-before/herald.db" ".backup '$work/sqlite-after/herald.db'"
[[ -d "$work/sqlite-before/media" ]] && cp -r "$work/sqlite-before/media" "$work/sqlite-after/"
dbs[sqlite-before]="Data Source=$work/sqlite-before/herald.db"
dbs[sqlite-after]="Data Source=$work/sqlite-after/herald.db"
targets=(sqlite-before sqlite-after)

if [[ "$postgres" == 1 ]]; then
    pg_port="$(free_port $((port + 50)))"
    say "Starting PostgreSQL (private cluster on 127.0.0.1:$pg_port) and seeding the demo there"
    mkdir -p "$work/pg"
    [[ "$(id -u)" == 0 ]] && chown postgres "$work/pg"
    as_postgres "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 -N >"$work/initdb.log" 2>&1
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
        -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >"$work/pg_ctl.log" 2>&1
    psql_() { as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q "$@"; }
    psql_ -c "create database herald_before"
    pg="Host=127.0.0.1;Port=$pg_port;Username=postgres"
    start_herald seed-pg "${dlls[before]}" "$port" "$pg;Database=herald_before" --demo
    stop_last
    psql_ -c "create database herald_after template herald_before"
    dbs[pg-before]="$pg;Database=herald_before"
    dbs[pg-after]="$pg;Database=herald_after"
    targets+=(pg-before pg-after)
    if [[ "${UNPREPARED:-1}" == 1 ]]; then
        # The new build with PostgreSQL's automatic preparation turned off, to tell its share apart.
        dbs[pg-unprepared]="$pg;Database=herald_after;Max Auto Prepare=0"
        targets+=(pg-unprepared)
    fi
fi

for name in "${targets[@]}"; do
    port="$(free_port $((port + 1)))"
    ports[$name]="$port"
    say "Starting Herald ($name) on port $port, --no-output-cache"
    build="${name#*-}"
    [[ "$build" == unprepared ]] && build=after
    start_herald "$name" "${dlls[$build]}" "$port" "${dbs[$name]}" --no-output-cache
    pid_of[$name]="${pids[-1]}"
done

# The pages: the story with the most comments, the one naming the most people and organisations,
# one with a correction or update note (or the newest), the home page and its second page.
pick() { sqlite3 "$work/sqlite-before/herald.db" "$1"; }
published="Status = 'Published' AND Kind = 'Story'"
commented="$(pick "SELECT Slug FROM Articles WHERE $published ORDER BY CommentCount DESC, Id LIMIT 1")"
named="$(pick "SELECT a.Slug FROM Articles a WHERE $published ORDER BY (SELECT count(*) FROM EntityMention m WHERE m.ArticleId = a.Id) DESC, (SELECT count(*) FROM ArticleQuote q WHERE q.ArticleId = a.Id) DESC, a.Id LIMIT 1")"
noted="$(pick "SELECT Slug FROM Articles a WHERE $published ORDER BY (SELECT count(*) FROM ArticleNotes n WHERE n.ArticleId = a.Id) DESC, PublishedAt DESC LIMIT 1")"
# A story's address with the wrong month answers 301 to its one true address.
url_of() { curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:${ports[sqlite-before]}/2000/01/$1" | sed -E 's#^https?://[^/]+##'; }
paths=()
for slug in "$commented" "$named" "$noted"; do
    path="$(url_of "$slug")"
    [[ -n "$path" ]] || { echo "no address for $slug" >&2; exit 1; }
    [[ " ${paths[*]} " == *" $path "* ]] || paths+=("$path")
done
paths+=(/ "/?page=2" /category/politics)
say "Pages: ${paths[*]}"

# Same bytes from both builds, page by page (the form stamp masked).
# Masked: the comment form's time stamp and each server's own port in absolute addresses.
mask() { sed -E 's/(name="Form.Started" id="comment-started" value=")[^"]*/\1…/g; s/127\.0\.0\.1(:|%3A)[0-9]+/127.0.0.1\1PORT/g'; }
same=0
different=0
for side in sqlite pg; do
    [[ " ${targets[*]} " == *" $side-before "* ]] || continue
    for path in "${paths[@]}"; do
        for build in before after; do
            curl -fs "http://127.0.0.1:${ports[$side-$build]}$path" | mask >"$work/page-$build.html"
        done
        if cmp -s "$work/page-before.html" "$work/page-after.html"; then
            say "same HTML ($side) $path: $(wc -c <"$work/page-after.html") bytes, sha1 $(sha1sum <"$work/page-after.html" | cut -c1-12)"
            same=$((same + 1))
        else
            say "DIFFERENT HTML ($side) $path:"
            diff "$work/page-before.html" "$work/page-after.html" | head -20 >&2 || true
            different=$((different + 1))
        fi
    done
done

# CPU ticks (utime + stime) of a process, and of the whole PostgreSQL cluster (its backends come and go).
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
pg_ticks() {
    local total=0 pid
    [[ -f "$work/pg/data/postmaster.pid" ]] || { echo 0; return; }
    local postmaster
    postmaster="$(head -1 "$work/pg/data/postmaster.pid")"
    for pid in "$postmaster" $(pgrep -P "$postmaster" || true); do
        total=$((total + $(ticks "$pid" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# measure TARGET PATH: prints requests/s, and appends "CPU ms per request" (Herald's, and PostgreSQL's
# on PostgreSQL) to cpu[TARGET-PATH]: on a shared machine the CPU a request costs moves far less than
# the requests a second the machine has room for.
measure() {
    local out herald0 herald1 pg0 pg1 requests
    herald0="$(ticks "${pid_of[$1]}")"
    pg0="$(pg_ticks)"
    out="$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s "http://127.0.0.1:${ports[$1]}$2")"
    herald1="$(ticks "${pid_of[$1]}")"
    pg1="$(pg_ticks)"
    requests="$(awk '/requests in/ { print $1 }' <<<"$out")"
    if grep -qE "Socket errors|Non-2xx" <<<"$out" || [[ -z "$requests" || "$requests" == 0 ]]; then
        rps="-"
    else
        rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
        tick_ms=$((1000 / $(getconf CLK_TCK)))
        herald_cpu+="$(awk -v t=$((herald1 - herald0)) -v n="$requests" -v ms="$tick_ms" 'BEGIN { printf "%.2f", t * ms / n }') "
        [[ "$1" == pg-* ]] && pg_cpu+="$(awk -v t=$((pg1 - pg0)) -v n="$requests" -v ms="$tick_ms" 'BEGIN { printf "%.2f", t * ms / n }') "
    fi
    return 0
}

loaded=("${paths[0]}" /)
say "Warming up (JIT, page caches)"
for target in "${targets[@]}"; do
    for path in "${loaded[@]}"; do
        wrk -t2 -c"$connections" -d2s "http://127.0.0.1:${ports[$target]}$path" >/dev/null
    done
done

declare -A runs hcpu pcpu
loads=()
for round in $(seq 1 "$rounds"); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    say "Round $round of $rounds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    order=("${targets[@]}")
    (( round % 2 == 0 )) && order=(sqlite-after sqlite-before pg-unprepared pg-after pg-before)
    for path in "${loaded[@]}"; do
        for target in "${order[@]}"; do
            [[ -n "${ports[$target]:-}" ]] || continue
            herald_cpu="" pg_cpu="" rps=""
            measure "$target" "$path"
            runs[$target-$path]+="$rps "
            hcpu[$target-$path]+="$herald_cpu"
            pcpu[$target-$path]+="$pg_cpu"
        done
    done
done

median() { tr ' ' '\n' | { grep -v -e '^$' -e '^-$' || true; } | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }'; }

echo
echo "wrk -t2 -c$connections -d$duration, $rounds rounds alternating the builds; median requests/s; nproc $(nproc); load (1 min) at the rounds: ${loads[*]}; $(date -u '+%F %H:%M UTC')"
echo "before: $before ($(git -C "$repo" rev-parse --short "$commit")); after: this tree ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD && echo "" || echo ", with uncommitted changes"))"
echo "HTML: $same pages the same from both builds, $different different"
echo
echo "| page | SQLite before | SQLite after | after ÷ before | PostgreSQL before | PostgreSQL after | after ÷ before |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for path in "${loaded[@]}"; do
    row="| \`$path\` |"
    for side in sqlite pg; do
        b="$(median <<<"${runs[$side-before-$path]:-}")"
        a="$(median <<<"${runs[$side-after-$path]:-}")"
        row+=" $b | $a | $(ratio "$a" "$b") |"
    done
    echo "$row"
done
echo
echo "CPU per request, ms (median of the rounds; Herald's process, + PostgreSQL's cluster on PostgreSQL):"
echo
echo "| page | SQLite before | SQLite after | after ÷ before | PostgreSQL before | PostgreSQL after | after ÷ before |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for path in "${loaded[@]}"; do
    row="| \`$path\` |"
    for side in sqlite pg; do
        b="$(median <<<"${hcpu[$side-before-$path]:-}")"
        a="$(median <<<"${hcpu[$side-after-$path]:-}")"
        if [[ "$side" == pg ]]; then
            row+=" $b + $(median <<<"${pcpu[pg-before-$path]:-}") | $a + $(median <<<"${pcpu[pg-after-$path]:-}") | $(ratio "$a" "$b") |"
        else
            row+=" $b | $a | $(ratio "$a" "$b") |"
        fi
    done
    echo "$row"
done
if [[ -n "${ports[pg-unprepared]:-}" ]]; then
    echo
    for path in "${loaded[@]}"; do
        u="$(median <<<"${runs[pg-unprepared-$path]:-}")"
        echo "PostgreSQL after with Max Auto Prepare=0, \`$path\`: $u requests/s, $(ratio "$u" "$(median <<<"${runs[pg-before-$path]:-}")") before; CPU ms per request $(median <<<"${hcpu[pg-unprepared-$path]:-}") + $(median <<<"${pcpu[pg-unprepared-$path]:-}")"
    done
fi
echo
echo "Every run, requests/s: $(for k in "${!runs[@]}"; do echo -n "$k: ${runs[$k]}; "; done)"
echo "Every run, Herald CPU ms per request: $(for k in "${!hcpu[@]}"; do echo -n "$k: ${hcpu[$k]}; "; done)"
echo "Every run, PostgreSQL CPU ms per request: $(for k in "${!pcpu[@]}"; do echo -n "$k: ${pcpu[$k]}; "; done)"

#!/usr/bin/env bash
# Resident memory after load: serves a large archive, drives it with wrk over random article
# pages, the home page, sections and searches (mix.lua), then prints per server process the
# requests/s, the resident memory split as Linux counts it (total, anonymous, file-mapped: the
# SQLite file Herald maps and the mapped native libraries) and the GC heap after the last
# collection. Each build is served with the output cache on and with --no-output-cache, one
# server after the other, alternating builds round by round. Everything stays on 127.0.0.1.
#
#   bench/memory/run.sh [ARTICLES]                  generate ARTICLES (default 100000) into a temporary folder
#   DB=/path/herald.db bench/memory/run.sh          serve an existing SQLite archive instead (it is served as is)
#   BUILDS="old=/tmp/old/herald.dll new" ROUNDS=2   compare builds side by side; "new" is this checkout, built here
#   DURATION=30s CONNECTIONS=8 PORT=5291 MODES="cached uncached search hit" SERVE_ARGS="--page-cache-mb 16"
#   BUILDS="mapped=/tmp/new/herald.dll unmapped=/tmp/new/herald.dll" ARGS_unmapped="--sqlite-map-mb 0" ENV_mapped="DOTNET_gcServer=0"
#                                                   one build's own serve arguments and environment
#   METRICS=off                                     serve without --metrics-urls (as a default install runs: no
#                                                   OpenTelemetry loaded); the GC columns then read "-"
set -euo pipefail
shopt -s inherit_errexit

articles="${1:-100000}"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-8}"
first_port="${PORT:-5291}"
rounds="${ROUNDS:-1}"
modes="${MODES:-cached uncached}"
metrics="${METRICS:-on}"
builds="${BUILDS:-new}"
read -r -a serve_args <<<"${SERVE_ARGS:-}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t herald-memory-bench-XXXXXX)"
server_pid=""
server_env=()

stop_server() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
cleanup() {
    stop_server
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { echo "== $*" >&2; }

for need in wrk curl; do
    command -v "$need" >/dev/null || { echo "$need is not installed (Debian: apt-get install $need)" >&2; exit 1; }
done

# This checkout is built when it is measured or when the corpus must be generated.
needs_build=$([[ -z "${DB:-}" ]] && echo yes || true)
for build in $builds; do [[ "$build" == *=* ]] || needs_build=yes; done
if [[ -n "$needs_build" ]]; then
    say "Building Herald and the corpus generator (Release)"
    # The corpus project references Herald, so this one build produces both.
    dotnet build -c Release "$repo/bench/corpus/Herald.Bench.Corpus.csproj" -nologo -v q >"$work/build.log" 2>&1 \
        || { cat "$work/build.log" >&2; exit 1; }
fi

declare -A dll
labels=()
for build in $builds; do
    label="${build%%=*}"
    if [[ "$build" == *=* ]]; then
        dll[$label]="${build#*=}"
    else
        dll[$label]="$repo/src/Herald/bin/Release/net10.0/herald.dll"
    fi
    [[ -f "${dll[$label]}" ]] || { echo "no herald.dll at ${dll[$label]}" >&2; exit 1; }
    labels+=("$label")
done

if [[ -n "${DB:-}" ]]; then
    db="Data Source=$DB"
    corpus_line="existing archive $DB ($(du -h "$DB" | cut -f1))"
else
    say "Generating $articles articles"
    db="Data Source=$work/herald.db"
    corpus_line="$(dotnet "$repo/bench/corpus/bin/Release/net10.0/herald-corpus.dll" --db "$db" --articles "$articles")"
fi
say "$corpus_line"

# start_server DLL PORT [EXTRA ARGS...]: starts herald (metrics on PORT+1000) and waits until it answers.
start_server() {
    local herald="$1" port="$2"
    shift 2
    if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
        echo "something already listens on 127.0.0.1:$port; set PORT to a free one" >&2
        exit 1
    fi
    local metrics_args=()
    [[ "$metrics" == off ]] || metrics_args=(--metrics-urls "http://127.0.0.1:$((port + 1000))")
    env "${server_env[@]}" dotnet "$herald" serve --db "$db" --urls "http://127.0.0.1:$port" "${metrics_args[@]}" "$@" \
        >"$work/server-$port.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 240); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.5
    done
    echo "herald did not start on port $port; its log:" >&2
    cat "$work/server-$port.log" >&2
    exit 1
}

# The paths readers ask for: every article the sitemaps list, each section, the home page and
# a few searches, weighted so that about 70% of requests open an article.
write_paths() {
    local base="$1" index
    index="$(curl -fs "$base/sitemap.xml")"
    grep -o '<loc>[^<]*</loc>' <<<"$index" | sed -e 's|<loc>||' -e 's|</loc>||' | while read -r url; do
        curl -fs "$url" | grep -o '<loc>[^<]*</loc>' | sed -e 's|<loc>https\?://[^/]*||' -e 's|</loc>||'
    done | grep -E '^/[0-9]{4}/[0-9]{2}/' >"$work/articles.txt" || true
    local count
    count="$(wc -l <"$work/articles.txt")"
    [[ "$count" -gt 0 ]] || { echo "found no article in the sitemaps" >&2; exit 1; }
    curl -fs "$base/" | grep -o 'href="/category/[a-z0-9-]*"' | cut -d'"' -f2 | sort -u >"$work/sections.txt"
    # As many list and search requests as 3/7 of the articles, spread over the kinds.
    awk -v words="${SEARCH_WORDS[*]}" '
        FNR == NR { sections[n++] = $0; next }
        { print; articles++ }
        END {
            w = split(words, word, " ")
            for (i = 0; i < articles * 3 / 7; i++) {
                k = int(i / 4)
                if (i % 4 == 0) print "/"
                else if (i % 4 == 1) print sections[k % n]
                else if (i % 4 == 2) print "/search?q=" word[k % w + 1]
                else print sections[k % n] "?page=" (k % 5 + 2)
            }
        }' "$work/sections.txt" "$work/articles.txt" >"$work/paths.txt"
    grep '^/search' "$work/paths.txt" >"$work/searches.txt"
    { echo /; head -20 "$work/articles.txt"; } >"$work/hits.txt"
    echo "$count"
}
SEARCH_WORDS=(minister council harbour budget election hospital court ferry school energy police vaccine)

# The process's resident memory in MiB as Linux counts it: "total anon file shmem db". File is
# mapped files (the executables and assemblies, and the SQLite file, counted once per connection
# that maps it: "db"); shmem is the JIT's code, which .NET maps twice (write xor execute).
resident() {
    local db_file="${db#Data Source=}"
    awk '/^VmRSS:/ { t = $2 } /^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 } /^RssShmem:/ { s = $2 }
        END { printf "%.0f %.0f %.0f %.0f ", t / 1024, a / 1024, f / 1024, s / 1024 }' "/proc/$1/status"
    awk -v file="$db_file" '/^[0-9a-f]+-[0-9a-f]+ / { mine = ($NF == file) } mine && /^Rss:/ { kb += $2 } END { printf "%.0f\n", kb / 1024 }' "/proc/$1/smaps"
}

# CPU time the process has used so far (user + system), in milliseconds, from /proc/PID/stat.
cpu_ms() {
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.0f\n", ($12 + $13) * 1000 / hz }' "/proc/$1/stat"
}

# GC heap after the last collection and the memory the GC has committed, in MiB, from /metrics.
gc_heap() {
    if [[ "$metrics" == off ]]; then
        echo "- -"
        return
    fi
    curl -fs "http://127.0.0.1:$1/metrics" | awk '
        /^dotnet_gc_last_collection_heap_size_bytes[{ ]/ { heap += $NF }
        /^dotnet_gc_last_collection_memory_committed_size_bytes[{ ]/ { committed = $NF }
        END { printf "%.0f %.0f\n", heap / 1048576, committed / 1048576 }'
}

# run LABEL MODE PORT: one server, warm-up, load, then its memory. MODE: cached (the output cache
# on), uncached (--no-output-cache), search (--no-output-cache, searches only), hit (the output
# cache on, the home page and 20 articles only: cached answers after the warm-up).
# Prints "rps p50 p99 errors cpu total anon file shmem db heap committed", cpu being the server's
# CPU milliseconds per request over the measured run (not the warm-up).
run() {
    local label="$1" mode="$2" port="$3" extra=()
    # run is called in a subshell, which the EXIT trap of the script does not cover: a failure here
    # must not leave its server running.
    trap stop_server EXIT
    [[ "$mode" == uncached || "$mode" == search ]] && extra=(--no-output-cache)
    local own_args="ARGS_$label" own_env="ENV_$label" args=()
    read -r -a args <<<"${!own_args:-}"
    read -r -a server_env <<<"${!own_env:-}"
    start_server "${dll[$label]}" "$port" "${extra[@]}" "${serve_args[@]}" "${args[@]}"
    local base="http://127.0.0.1:$port"
    if [[ ! -s "$work/paths.txt" ]]; then
        say "  listing articles from the sitemaps: $(write_paths "$base")"
    fi
    local paths="$work/paths.txt"
    [[ "$mode" == search ]] && paths="$work/searches.txt"
    [[ "$mode" == hit ]] && paths="$work/hits.txt"
    PATHS="$paths" wrk -t2 -c"$connections" -d5s -s "$here/mix.lua" "$base" >/dev/null
    local cpu_before cpu_after
    cpu_before="$(cpu_ms "$server_pid")"
    PATHS="$paths" wrk --latency -t2 -c"$connections" -d"$duration" --timeout 30s -s "$here/mix.lua" "$base" >"$work/wrk.txt"
    cpu_after="$(cpu_ms "$server_pid")"
    sleep 2
    local rps errors cpu
    rps="$(awk '/^Requests\/sec:/ { r = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 } END { print r " " p50 " " p99 }' "$work/wrk.txt")"
    errors="$(awk '$1 == "status" && ($2 < 200 || $2 >= 400) { n += $3 } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$work/wrk.txt")"
    cpu="$(awk -v ms="$((cpu_after - cpu_before))" '/ requests in / { printf "%.2f\n", ms / $1 }' "$work/wrk.txt")"
    echo "$rps $errors $cpu $(resident "$server_pid") $(gc_heap "$((port + 1000))")"
    if [[ -n "${GCDUMP_DIR:-}" ]] && command -v dotnet-gcdump >/dev/null; then
        dotnet-gcdump collect -p "$server_pid" -o "$GCDUMP_DIR/$label-$mode.gcdump" >/dev/null 2>&1 || true
    fi
    stop_server
}

say "load: $(uptime)"
echo "| Round | Build | Mode | Requests/s | p50 | p99 | Errors | CPU ms/request | RSS MiB | anon | file | of which SQLite file | JIT code (shmem) | GC heap | GC committed |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
port="$first_port"
for round in $(seq 1 "$rounds"); do
    for mode in $modes; do
        for label in "${labels[@]}"; do
            say "round $round, $label, $mode (port $port)"
            read -r rps p50 p99 errors cpu total anon file shmem dbmap heap committed <<<"$(run "$label" "$mode" "$port")"
            echo "| $round | $label | $mode | $rps | $p50 | $p99 | $errors | $cpu | $total | $anon | $file | $dbmap | $shmem | $heap | $committed |"
            port=$((port + 1))
        done
    done
done
echo
echo "wrk -t2 -c$connections -d$duration over $(wc -l <"$work/paths.txt") paths ($(wc -l <"$work/articles.txt") articles), after a 5 s warm-up;" \
    "serve args: ${SERVE_ARGS:-none}; $corpus_line; load after: $(uptime | sed 's/.*load average/load average/')"

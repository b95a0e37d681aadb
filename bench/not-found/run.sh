#!/usr/bin/env bash
# What an address Herald does not have costs: scanner paths (/wp-login.php, /.env, /xmlrpc.php),
# unique random paths (every request a new one, bench/not-found/unique.lua) and, for comparison,
# an old WordPress address that redirects. Builds Herald (Release) from this tree ("after") and,
# when BEFORE names a commit, from that commit too ("before"); each serves its own copy of the
# demo database with the same old addresses added (REDIRECTS of them, one of which, /old-news,
# is asked for). All servers run at once on 127.0.0.1 and are loaded in turn, round after round.
# Prints requests/s (median of the rounds) and after ÷ before. Every server is stopped on exit.
#
#   BEFORE=main ROUNDS=3 DURATION=10s bench/not-found/run.sh
set -euo pipefail
shopt -s inherit_errexit

before="${BEFORE:-}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-8}"
redirects="${REDIRECTS:-20000}"
first_port="${PORT:-5491}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t herald-not-found-XXXXXX)"
pids=()

cleanup() {
    for pid in "${pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid"
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "run.sh: a command failed at line $LINENO" >&2' ERR

say() { echo "== $*" >&2; }

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (Debian: apt-get install sqlite3)" >&2; exit 1; }

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

start_herald() {
    local name="$1" dll="$2" port="$3" db="$4"
    dotnet "$dll" serve --db "Data Source=$db" --urls "http://127.0.0.1:$port" --demo >"$work/herald-$name.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then
            return 0
        fi
        kill -0 "${pids[-1]}" 2>/dev/null || break
        sleep 0.5
    done
    echo "herald ($name) did not start on port $port; its log:" >&2
    cat "$work/herald-$name.log" >&2
    exit 1
}

# The old addresses an imported WordPress site brings: one per story, as the importer stores
# them, and /old-news to a section. Added before any unknown address is asked for.
add_redirects() {
    local db="$1"
    sqlite3 "$db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $redirects)
INSERT INTO LegacyRedirects (Path, ArticleId) SELECT '/archives/' || i, (SELECT MIN(Id) FROM Articles) FROM n;
INSERT INTO LegacyRedirects (Path, TargetPath) VALUES ('/old-news', '/category/world');
SQL
}

declare -A dlls ports
targets=()
dlls[after]="$(build after "$repo")"
targets+=(after)
if [[ -n "$before" ]]; then
    commit="$(git -C "$repo" rev-parse --verify "$before^{commit}")"
    mkdir -p "$work/before"
    git -C "$repo" archive "$commit" | tar -x -C "$work/before"
    dlls[before]="$(build before "$work/before")"
    targets=(before after)
fi

port="$(free_port "$first_port")"
for name in "${targets[@]}"; do
    port="$(free_port "$port")"
    ports[$name]="$port"
    say "Starting Herald ($name) on port $port, seeding its demo"
    start_herald "$name" "${dlls[$name]}" "$port" "$work/$name.db"
    add_redirects "$work/$name.db"
    port=$((port + 1))
done

paths=(/wp-login.php /.env /xmlrpc.php "unique:/" "unique:/scan/" /old-news)
label_of() { case "$1" in unique:*) echo "${1#unique:}(unique random)";; *) echo "$1";; esac; }

# Same status and body everywhere (the 404 page differs only where the page names its request).
for name in "${targets[@]}"; do
    base="http://127.0.0.1:${ports[$name]}"
    for path in /wp-login.php /.env /xmlrpc.php /no-such-page /scan/no-such-page /old-news; do
        curl -s -o "$work/$name-body" -w "%{http_code} %{redirect_url}" "$base$path" >"$work/$name-status"
        say "Herald ($name) $path: $(cat "$work/$name-status"), $(wc -c <"$work/$name-body") bytes, sha1 $(sha1sum <"$work/$name-body" | cut -c1-12)"
    done
done

measure() {
    local target="$1" path="$2" url out
    url="http://127.0.0.1:${ports[$target]}"
    if [[ "$path" == unique:* ]]; then
        out="$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s -s "$here/unique.lua" "$url" -- "${path#unique:}")"
    else
        out="$(wrk -t2 -c"$connections" -d"$duration" --timeout 10s "$url$path")"
    fi
    if grep -q "Socket errors" <<<"$out"; then
        echo "-"
    else
        awk '/^Requests\/sec:/ { print $2 }' <<<"$out"
    fi
}

say "Warming up (JIT, the index of old addresses)"
for target in "${targets[@]}"; do
    for path in "${paths[@]}"; do
        if [[ "$path" == unique:* ]]; then
            wrk -t2 -c"$connections" -d2s -s "$here/unique.lua" "http://127.0.0.1:${ports[$target]}" -- "${path#unique:}" >/dev/null
        else
            wrk -t2 -c"$connections" -d2s "http://127.0.0.1:${ports[$target]}$path" >/dev/null
        fi
    done
done

declare -A runs
loads=()
for round in $(seq 1 "$rounds"); do
    loads+=("$(cut -d' ' -f1 /proc/loadavg)")
    say "Round $round of $rounds (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    for path in "${paths[@]}"; do
        for target in "${targets[@]}"; do
            runs[$target-$path]+="$(measure "$target" "$path") "
        done
    done
done

median() { tr ' ' '\n' | grep -v '^$' | grep -v '^-$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else print v[int((NR + 1) / 2)] }'; }

echo
echo "wrk -t2 -c$connections -d$duration, $rounds rounds alternating the builds; median requests/s; $redirects + 1 old addresses in each database; load (1 min) at the rounds: ${loads[*]}"
[[ -n "$before" ]] && echo "before: $before ($(git -C "$repo" rev-parse --short "$before")); after: this tree ($(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet && echo "" || echo ", with uncommitted changes"))"
echo
header="| address |"
rule="|---|"
for target in "${targets[@]}"; do
    header+=" $target |"
    rule+="---:|"
done
[[ -n "$before" ]] && { header+=" after ÷ before |"; rule+="---:|"; }
echo "$header"
echo "$rule"
for path in "${paths[@]}"; do
    row="| \`$(label_of "$path")\` |"
    for target in "${targets[@]}"; do
        row+=" $(median <<<"${runs[$target-$path]}") |"
    done
    if [[ -n "$before" ]]; then
        row+=" $(awk -v a="$(median <<<"${runs[after-$path]}")" -v b="$(median <<<"${runs[before-$path]}")" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.2f×", a / b }') |"
    fi
    echo "$row"
done
echo
echo "Every run: $(for k in "${!runs[@]}"; do echo -n "$k: ${runs[$k]}; "; done)"

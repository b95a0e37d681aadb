#!/usr/bin/env bash
# CPU each uncached public page costs Herald, old build against new, in milliseconds of the server
# process's own CPU (utime + stime from /proc/PID/stat) per request: on a shared, loaded machine
# requests/s say little, CPU per request much more. Builds Herald (Release) from this tree ("after")
# and from BEFORE ("before", a commit), makes ONE 5,000-story site with bench/corpus (SQLite), adds
# 20 approved comments to one story, gives each build a copy, starts both with --no-output-cache on
# 127.0.0.1, checks that every page is the same bytes from both (the comment form's time stamp and
# the port masked), then loads each page with wrk from both servers in turn, ROUNDS times, who goes
# first alternating, and sums ticks and requests per server. Every server is stopped on exit.
#
# With BURST=N, each server first answers N WordPress-API listings per connection, each asking for a
# different number of included and excluded ids, so that every pooled SQLite connection sees several
# hundred distinct statements before any page is read (its shelf of prepared statements is full).
#
#   BEFORE=main ROUNDS=6 DURATION=3s bench/page-cpu/run.sh
#   BURST=400 SITE_DB=/tmp/site/herald.db bench/page-cpu/run.sh
#   BEFORE_DLL=/tmp/old/src/Herald/bin/Release/net10.0/herald.dll AFTER_DLL=... bench/page-cpu/run.sh
set -euo pipefail
shopt -s inherit_errexit

before="${BEFORE:-main}"
rounds="${ROUNDS:-6}"
duration="${DURATION:-3s}"
connections="${CONNECTIONS:-4}"
articles="${ARTICLES:-5000}"
first_port="${PORT:-5711}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d -t herald-page-cpu-XXXXXX)"
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

say() { echo "== $*" >&2; }

command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (Debian: apt-get install sqlite3)" >&2; exit 1; }

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

declare -A dlls ports pid_of
if [[ -z "${BEFORE_DLL:-}" ]]; then
    mkdir -p "$work/before"
    git -C "$repo" archive "$(git -C "$repo" rev-parse --verify "$before^{commit}")" | tar -x -C "$work/before"
fi
if [[ -n "${BEFORE_DLL:-}" ]]; then dlls[before]="$BEFORE_DLL"; else dlls[before]="$(build before "$work/before")"; fi
if [[ -n "${AFTER_DLL:-}" ]]; then dlls[after]="$AFTER_DLL"; else dlls[after]="$(build after "$repo")"; fi

mkdir -p "$work/site"
if [[ -n "${SITE_DB:-}" ]]; then
    # A site bench/corpus made before (SITE_DB=/path/herald.db, its media folder beside it): saves the minutes of making one.
    say "Copying the site $SITE_DB"
    sqlite3 "$SITE_DB" ".backup '$work/site/herald.db'"
    [[ -d "$(dirname "$SITE_DB")/media" ]] && cp -r "$(dirname "$SITE_DB")/media" "$work/site/"
else
    say "Making a $articles-story site with bench/corpus"
    dotnet build -c Release "$repo/bench/corpus" -nologo -v q >"$work/build-corpus.log" 2>&1 || { cat "$work/build-corpus.log" >&2; exit 1; }
    dotnet "$repo/bench/corpus/bin/Release/net10.0/herald-corpus.dll" --db "Data Source=$work/site/herald.db" --articles "$articles" >&2
fi

# Twenty approved comments on one story a year old or so, as the WordPress comparison has.
story="$(sqlite3 "$work/site/herald.db" "SELECT Id FROM Articles WHERE Status = 'Published' AND Kind = 'Story' ORDER BY PublishedAt DESC LIMIT 1 OFFSET 100")"
for i in $(seq 1 20); do
    echo "INSERT INTO Comments (ArticleId, ParentId, Depth, AuthorName, AuthorEmail, AuthorUrl, Body, BodyHash, Status, Kind, StatusReason, CreatedAt, ClientHash, OwnerHash, EmailHash, AvatarKey, TrainedAs)
          VALUES ($story, NULL, 0, 'Reader $i', 'reader$i@example.org', NULL, 'Comment number $i on the ferry & the <b>board</b>: a reasonable thing to say about the decision and the harbour.',
                  'bench$i', 'Approved', 'Comment', '', '2026-12-0$(( i % 5 + 1 )) 10:$(printf %02d "$i"):00', 'c$i', 'o$i', 'e$i', 'a$i', 'Nothing');"
done | sqlite3 "$work/site/herald.db"
sqlite3 "$work/site/herald.db" "UPDATE Articles SET CommentCount = 20 WHERE Id = $story"

port="$first_port"
for build in before after; do
    mkdir -p "$work/$build"-site
    sqlite3 "$work/site/herald.db" ".backup '$work/$build-site/herald.db'"
    [[ -d "$work/site/media" ]] && cp -r "$work/site/media" "$work/$build-site/"
    port="$(free_port $((port + 1)))"
    ports[$build]="$port"
    say "Starting Herald ($build) on port $port, --no-output-cache"
    dotnet "${dlls[$build]}" serve --db "Data Source=$work/$build-site/herald.db" --urls "http://127.0.0.1:$port" --no-output-cache >"$work/herald-$build.log" 2>&1 &
    pids+=($!)
    pid_of[$build]=$!
    for _ in $(seq 1 240); do
        curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
        kill -0 "${pid_of[$build]}" 2>/dev/null || { cat "$work/herald-$build.log" >&2; exit 1; }
        sleep 0.5
    done
done

pick() { sqlite3 "$work/site/herald.db" "$1"; }

if [[ -n "${BURST:-}" ]]; then
    # Distinct statements, not distinct search texts: a search runs the same few statements whatever its
    # words. A listing's SQL names one parameter per id asked for (EF Core pads the count in steps), so
    # varying both lists gives a new statement almost every time.
    ids=($(pick "SELECT Id FROM Articles WHERE Status = 'Published' ORDER BY Id LIMIT 200"))
    for build in before after; do
        say "Burst: $BURST distinct listings x $connections connections on $build"
        bursts=()
        for stream in $(seq 1 "$connections"); do
            for i in $(seq 1 "$BURST"); do
                include="$(IFS=,; echo "${ids[*]:0:$(( (i * 7 + stream) % 150 + 1 ))}")"
                exclude="$(IFS=,; echo "${ids[*]:150:$(( (i + stream * 13) % 40 + 1 ))}")"
                echo "url = \"http://127.0.0.1:${ports[$build]}/wp-json/wp/v2/posts?include=$include&exclude=$exclude&per_page=5\""
                echo "output = /dev/null"
            done | curl -s -K - &
            bursts+=($!)
        done
        wait "${bursts[@]}"
    done
fi
url_of() { curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:${ports[before]}/2000/01/$1" | sed -E 's#^https?://[^/]+##'; }
article="$(url_of "$(pick "SELECT Slug FROM Articles WHERE Id = $story")")"
tag="$(pick "SELECT t.Slug FROM Tags t ORDER BY (SELECT count(*) FROM ArticleTags x WHERE x.TagsId = t.Id) DESC LIMIT 1")"
author="$(pick "SELECT Slug FROM Authors ORDER BY Id LIMIT 1")"
section="$(pick "SELECT Slug FROM Categories ORDER BY Id LIMIT 1")"
pages=("$article" / "/category/$section" "/search?q=harbour")
checked=("${pages[@]}" "/?page=2" "/tag/$tag" "/author/$author" /feed)

mask() { sed -E 's/(name="Form.Started" id="comment-started" value=")[^"]*/\1…/g; s/127\.0\.0\.1(:|%3A)[0-9]+/127.0.0.1\1PORT/g'; }
different=0
for path in "${checked[@]}"; do
    for build in before after; do
        curl -fs "http://127.0.0.1:${ports[$build]}$path" | mask >"$work/page-$build.html"
    done
    if cmp -s "$work/page-before.html" "$work/page-after.html"; then
        say "same HTML $path ($(wc -c <"$work/page-after.html") bytes)"
    else
        say "DIFFERENT HTML $path"
        diff "$work/page-before.html" "$work/page-after.html" | head -20 >&2 || true
        different=$((different + 1))
    fi
done

hz="$(getconf CLK_TCK)"
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
echo "| page | before: requests, CPU s, ms/request | after: requests, CPU s, ms/request | after ÷ before |"
echo "|---|---:|---:|---:|"
for path in "${pages[@]}"; do
    declare -A used=([before]=0 [after]=0) served=([before]=0 [after]=0)
    for build in before after; do wrk -t1 -c"$connections" -d2s "http://127.0.0.1:${ports[$build]}$path" >/dev/null; done
    for round in $(seq 1 "$rounds"); do
        order=(before after)
        (( round % 2 == 0 )) && order=(after before)
        for build in "${order[@]}"; do
            t0="$(ticks "${pid_of[$build]}")"
            n="$(wrk -t1 -c"$connections" -d"$duration" "http://127.0.0.1:${ports[$build]}$path" | awk '/requests in/ { print $1 }')"
            t1="$(ticks "${pid_of[$build]}")"
            used[$build]=$((used[$build] + t1 - t0))
            served[$build]=$((served[$build] + n))
        done
    done
    awk -v p="$path" -v nb="${served[before]}" -v tb="${used[before]}" -v na="${served[after]}" -v ta="${used[after]}" -v hz="$hz" 'BEGIN {
        mb = tb * 1000 / hz / nb; ma = ta * 1000 / hz / na
        printf "| %s | %d, %.1f, %.2f | %d, %.1f, %.2f | %.2f |\n", p, nb, tb / hz, mb, na, ta / hz, ma, ma / mb }'
    unset used served
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $different page(s) differed"

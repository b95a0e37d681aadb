#!/usr/bin/env bash
# Import throughput of `herald import wxr` on SQLite for generated exports.
# Usage: bench/wordpress/run.sh [POSTS ...]   (default: 10000 100000)
# Add ANALYSE=1 to also time the analysis phase (understanding + related index) for each size.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${OUT:-/tmp/herald-bench/wordpress}"
mkdir -p "$out"
dotnet build -c Release -v q "$root/src/Herald" >/dev/null
dotnet build -c Release -v q "$root/bench/wordpress" >/dev/null
herald="$root/src/Herald/bin/Release/net10.0/herald.dll"
generator="$root/bench/wordpress/bin/Release/net10.0/herald-bench-wordpress.dll"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)
echo "date: $(date -u)  machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
for posts in "${sizes[@]}"; do
  file="$out/export-$posts.xml"
  db="$out/herald-$posts.db"
  [ -f "$file" ] || dotnet "$generator" generate "$posts" "$file"
  rm -f "$db" "$db-wal" "$db-shm"
  start=$(date +%s.%N)
  dotnet "$herald" import wxr "$file" --skip-analysis --db "Data Source=$db" 2>/dev/null > "$out/import-$posts.txt"
  end=$(date +%s.%N)
  seconds=$(echo "$end - $start" | bc)
  echo "$posts posts: import $(printf '%.1f' "$seconds") s wall, $(echo "$posts / $seconds" | bc) posts/s; $(grep 'Peak memory' "$out/import-$posts.txt")"
  if [ "${ANALYSE:-0}" = "1" ]; then
    start=$(date +%s.%N)
    dotnet "$herald" import wxr "$file" --db "Data Source=$db" 2>/dev/null > "$out/analyse-$posts.txt"
    end=$(date +%s.%N)
    seconds=$(echo "$end - $start" | bc)
    echo "$posts posts: analysis $(printf '%.1f' "$seconds") s wall, $(echo "$posts / $seconds" | bc) stories/s; $(grep 'Analysed' "$out/analyse-$posts.txt")"
  fi
done

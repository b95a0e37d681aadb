#!/usr/bin/env bash
# side.sh OLDPORT NEWPORT ROUNDS PATH...: alternates old and new requests, prints median/p90 ms per path and build.
old=$1; new=$2; rounds=$3; shift 3
for path in "$@"; do
  for p in $old $new; do curl -s -o /dev/null "http://127.0.0.1:$p$path"; done   # warm
  : > /tmp/o.txt; : > /tmp/n.txt
  for i in $(seq $rounds); do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$old$path" >> /tmp/o.txt
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$new$path" >> /tmp/n.txt
  done
  for f in o n; do
    sort -n /tmp/$f.txt | awk -v f=$f -v path="$path" '{a[NR]=$1*1000} END {printf "%-4s %-40s median %7.1f ms  p90 %7.1f ms  min %7.1f ms  (n=%d)\n", (f=="o"?"old":"new"), path, a[int((NR+1)/2)], a[int(NR*0.9)], a[1], NR}'
  done
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"

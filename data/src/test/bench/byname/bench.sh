#!/bin/bash
# usage (in this folder; PGPASSWORD and psql -h localhost -U shopassist_lt as in docs/performance.md): bench.sh old.sql|new.sql DB ROUNDS -> p50 p95 mean (ms) over ROUNDS x 20 names, after one warm-up round
stmt=$1; db=$2; rounds=${3:-5}
export PGPASSWORD=${PGPASSWORD:?set PGPASSWORD}
{ cat $stmt; for r in $(seq 0 $rounds); do [ $r = 1 ] && echo "\\timing on"; while read -r n; do echo "execute n(\$q\$$n\$q\$, 5);"; done < names.txt; done; } \
 | psql -h localhost -U shopassist_lt $db -q -o /dev/null 2>&1 | grep -o "Time: [0-9.]*" | awk '{print $2}' | sort -n \
 | awk '{a[NR]=$1; s+=$1} END {printf "n=%d p50=%.1f p95=%.1f mean=%.1f ms\n", NR, a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)], s/NR}'

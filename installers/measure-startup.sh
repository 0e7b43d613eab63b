#!/usr/bin/env bash
# Start to an answered chat, CPU and resident memory of ShopAssist: `java -jar` beside the
# installed app image, taking turns in the same run, on the seed catalog (1,200 products) and on
# 100,000 products, default settings (semantic search on). Each start is the app's own
# `--measure-startup=exit` under Xvfb: a message typed at the first frame, the time its answer
# arrives, then the memory once semantic search has loaded. Prints one line per start (with the
# load average before it) and a table of medians with the ratio app image / java -jar.
#
#   installers/measure-startup.sh                  # after ./mvnw -B -DskipTests -Pinstallers package
#   RUNS=5 SIZES=1200 installers/measure-startup.sh
#
# IMAGE   the app image (default /opt/shopassist, the installed .deb, else installers/target/jpackage/ShopAssist)
# JAR     the jar for java -jar (default app/target/shopassist.jar); JAVA the java that runs it (default: java on PATH)
# DATA    where the two prepared stores live (default /tmp/shopassist-startup; made on first use:
#         `db seed` with the model's vectors for 1,200, and synthetic vectors for 100,000)
# Needs: xvfb-run (apt-get install xvfb libgtk-3-0).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/app/target/shopassist.jar}
JAVA=${JAVA:-java}
if [ -z "${IMAGE:-}" ]; then
  IMAGE=/opt/shopassist
  [ -x "$IMAGE/bin/ShopAssist" ] || IMAGE=$ROOT/installers/target/jpackage/ShopAssist
fi
RUNS=${RUNS:-3}
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a whole number of at least 1, not '$RUNS'" >&2; exit 2; }
SIZES=${SIZES:-1200 100000}
DATA=${DATA:-/tmp/shopassist-startup}
XVFB=(xvfb-run -a -s "-screen 0 1920x1080x24")

[ -f "$JAR" ] || { echo "no $JAR: ./mvnw -B -DskipTests -Pinstallers package" >&2; exit 2; }
[ -x "$IMAGE/bin/ShopAssist" ] || { echo "no app image at $IMAGE" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: apt-get install xvfb libgtk-3-0" >&2; exit 2; }

prepare() { # $1 = catalog size
  local dir=$DATA/$1
  [ -d "$dir/db/pgdata" ] && return
  echo "preparing a store of $1 products in $dir (once)" >&2
  if [ "$1" = 1200 ]; then
    SHOPASSIST_DATA_DIR=$dir "$JAVA" -jar "$JAR" db seed >&2
  else
    SHOPASSIST_DATA_DIR=$dir SHOPASSIST_SEMANTIC_SEED_LIMIT=0 "$JAVA" -jar "$JAR" db seed --catalog-size "$1" >&2
    [ -d "$ROOT/installers/target/test-classes" ] || (cd "$ROOT" && ./mvnw -B -q -pl installers -am test-compile -Dspotless.skip=true)
    SHOPASSIST_DATA_DIR=$dir "$JAVA" -cp "$JAR:$ROOT/installers/target/test-classes" \
      com.shopassist.installers.SyntheticEmbeddings >&2
  fi
}

# one start: prints "load start_ms cpu_ms rss_answered rss_semantic"
measure() { # $1 = size, $2... = the command
  local size=$1; shift
  local load out
  load=$(cut -d' ' -f1 /proc/loadavg)
  out=$(SHOPASSIST_DATA_DIR=$DATA/$size "${XVFB[@]}" "$@" --measure-startup=exit 2>&1 || true)
  local start cpu rss sem
  start=$(sed -n 's/.*interactive chat \([0-9]*\) ms after JVM start.*/\1/p' <<<"$out" | head -1)
  cpu=$(sed -n 's/.*interactive chat .*CPU \([0-9]*\) ms.*/\1/p' <<<"$out" | head -1)
  rss=$(sed -n 's/.*interactive chat .*; RSS \([0-9]*\) MB.*/\1/p' <<<"$out" | head -1)
  sem=$(sed -n 's/.*RSS with semantic search, 3 s after it loaded \([0-9]*\) MB.*/\1/p' <<<"$out" | head -1)
  if [ -z "$start" ]; then
    echo "the start did not report; its output:" >&2
    echo "$out" | tail -20 >&2
  fi
  echo "$load ${start:--} ${cpu:--} ${rss:--} ${sem:--}"
}

median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "-"; else print a[int((NR+1)/2)]}'; }

echo "ShopAssist start: java -jar ($("$JAVA" -version 2>&1 | head -1)) beside the app image at $IMAGE"
echo "cores $(nproc), started $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-8s %-10s %3s %6s %9s %8s %13s %16s\n' products launcher run load start_ms cpu_ms rss_answer_MB rss_semantic_MB
declare -A RESULTS
for size in $SIZES; do
  prepare "$size"
  for run in $(seq 1 "$RUNS"); do
    for launcher in java-jar app-image; do
      if [ "$launcher" = java-jar ]; then cmd=("$JAVA" -jar "$JAR"); else cmd=("$IMAGE/bin/ShopAssist"); fi
      read -r load start cpu rss sem < <(measure "$size" "${cmd[@]}")
      printf '%-8s %-10s %3s %6s %9s %8s %13s %16s\n' "$size" "$launcher" "$run" "$load" "$start" "$cpu" "$rss" "$sem"
      RESULTS[$size,$launcher]+="$start $cpu $rss $sem;"
    done
  done
done

echo
echo "medians"
printf '%-8s %-10s %9s %8s %13s %16s\n' products launcher start_ms cpu_ms rss_answer_MB rss_semantic_MB
for size in $SIZES; do
  for launcher in java-jar app-image; do
    rows=${RESULTS[$size,$launcher]:-}
    col() { tr ';' '\n' <<<"$rows" | awk -v c="$1" 'NF>=c && $c!="-" {print $c}' | median; }
    printf '%-8s %-10s %9s %8s %13s %16s\n' "$size" "$launcher" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)"
    eval "M_${launcher//-/_}_start=$(col 1) M_${launcher//-/_}_cpu=$(col 2)"
  done
  if [[ "$M_java_jar_start" =~ ^[0-9]+$ && "$M_app_image_start" =~ ^[0-9]+$ ]]; then
    awk -v a="$M_app_image_start" -v j="$M_java_jar_start" -v ac="$M_app_image_cpu" -v jc="$M_java_jar_cpu" -v s="$size" \
      'BEGIN {printf "%-8s ratio app image / java -jar: start %.2f, cpu %.2f\n", s, a/j, ac/jc}'
  fi
done
echo "load average at the end $(cut -d' ' -f1-3 /proc/loadavg); rerun: installers/measure-startup.sh"

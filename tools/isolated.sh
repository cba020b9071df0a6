#!/bin/bash
# isolated CMD...: run CMD (and its children) alone on CPU 0 at high priority; every
# other process is moved to CPU 1 while it runs (a sweep every 0.3 s), then set free.
set -u
( while true; do
    for p in $(ls /proc | grep -E '^[0-9]+$'); do
      aff=$(taskset -p "$p" 2>/dev/null | awk '{print $NF}')
      [ "$aff" = "1" ] && continue   # already on CPU 0 only (mask 1): the measured tree
      [ "$aff" = "2" ] && continue
      taskset -a -p 2 "$p" >/dev/null 2>&1
    done
    sleep 0.3
  done ) &
SWEEP=$!
taskset -p 2 $SWEEP >/dev/null
sleep 1.5
taskset 1 nice -n -15 "$@"
rc=$?
kill $SWEEP
for p in $(ls /proc | grep -E '^[0-9]+$'); do taskset -a -p 3 "$p" >/dev/null 2>&1; done
exit $rc

#!/usr/bin/env bash
# One line for the whole reactor: Surefire and Failsafe print a summary per module only.
find . -path '*/target/surefire-reports/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' | sort | xargs -r cat |
awk 'function attr(n) { return match($0, n "=\"[0-9]+\"") ? substr($0, RSTART + length(n) + 2, RLENGTH - length(n) - 3) + 0 : 0 }
     /<testsuite / { t += attr("tests"); f += attr("failures"); e += attr("errors"); s += attr("skipped") }
     END { printf "%d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }'

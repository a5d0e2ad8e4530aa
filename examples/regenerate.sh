#!/bin/sh
# Regenerate the committed redlines of the example pair in examples/ocean/.
#
#   sh examples/regenerate.sh
#
# old.txt and new.txt are links to the demo pair bundled in the package
# (redline/data/demo-*.txt), so there is one source of truth. redline exits 1
# when the texts differ (as diff(1) does), which is expected here; 2 is trouble.
set -u
cd "$(dirname "$0")/ocean" || exit 2
for spec in "html redline.html" "markdown redline.md" "terminal redline.txt" "json redline.json"; do
  set -- $spec
  redline diff old.txt new.txt --format "$1" --color never -o "$2"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "regenerate.sh: redline failed on $2 (exit $status)" >&2
    exit 2
  fi
done
echo "regenerated examples/ocean/redline.{html,md,txt,json}"

# bash -c: pipelines, loops, subshells and command substitution; $0 and $@ from argv.
set -u
for d in 3 1 2; do echo "item-$d"; done | sort | tr '\n' ' '; echo
n=0; while [ $n -lt 3 ]; do n=$((n + 1)); done; echo "n=$n"
(cd / && echo "sub $(pwd)")
echo "len $(printf abcdef | wc -c)"
x=$( (echo inner; exit 4) ); echo "$x status $?"
seq 5 | awk '{ s += $1 } END { print s }'
echo "$0 $# $*"
echo "environment: $(env | cut -d= -f1 | sort | tr "\n" " ")"

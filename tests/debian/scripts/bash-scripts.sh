# bash: pipelines, loops, subshells, command substitution, arrays, functions.
set -u
umask 022
shopt -s extglob
echo "== pipelines"
printf '%s\n' delta alpha charlie bravo | sort | paste -sd, -
seq 1 100 | awk '{ s += $1 } END { print "sum", s }'
echo "pipefail:"; set -o pipefail; false | true; echo "  status $?"; set +o pipefail
printf 'b 2\na 1\nc 3\n' | sort -k2,2nr | head -n 2
echo "PIPESTATUS: $(true | false | true; echo "${PIPESTATUS[@]}")"
echo "== loops"
for ((i = 0; i < 5; i++)); do printf '%d,' "$i"; done; echo
words=(zero one two three)
for idx in "${!words[@]}"; do echo "$idx=${words[idx]}"; done
declare -A color=([apple]=red [banana]=yellow [grape]=purple)
for k in $(printf '%s\n' "${!color[@]}" | sort); do echo "$k is ${color[$k]}"; done
while read -r name n; do echo "$name has $((n * 2))"; done <<'DATA'
x 1
y 21
DATA
echo "== subshells"
v=1; (v=2; echo "inner $v"); echo "outer $v"
out=$( (echo a; echo b) | tac ); echo "$out" | tr '\n' ' '; echo
(exit 42); echo "subshell status $?"
echo "== command substitution"
echo "files: $(printf '%s\n' x y z | wc -l)"
echo "nested: $(echo "$(echo "$(echo deepest)")")"
str="Hello, World"
echo "${str,,} ${str^^} ${#str} ${str/World/bash} ${str:7:5}"
f=archive.tar.gz; echo "${f%%.*} ${f#*.} ${f%.gz}"
echo "== functions"
fib() { local n=$1; if ((n < 2)); then echo "$n"; else echo $(( $(fib $((n - 1))) + $(fib $((n - 2))) )); fi; }
echo "fib 9 = $(fib 9)"
counter=0; bump() { counter=$((counter + 1)); }; bump; bump; echo "counter $counter"
echo "== redirection and here-strings"
cat <<< "here string" | tr a-z A-Z
{ echo out; echo err >&2; } 2>&1 | sort
echo data > file.txt; exec 4<file.txt; read -r line <&4; exec 4<&-; echo "read: $line"
printf '1\n2\n3\n' > want.txt; printf '1\n3\n' | diff want.txt - || echo "diff status $?"
echo "== external programs"
printf 'line %s\n' {1..5} > lines.txt
wc -l < lines.txt; grep -c 'line [24]' lines.txt; sed -n '2,3p' lines.txt
md5sum lines.txt
[[ abc == a* && 5 -gt 3 ]] && echo "conditional ok"
[[ file.c == *.@(c|h) ]] && echo "extglob ok"
printf '%05.1f|%-6s|%x\n' 3.14159 ab 255
trap 'echo "trap on exit"' EXIT
exit 3

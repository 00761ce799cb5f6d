# bash: signals and traps, wait, read, printf -v, coproc, job control in scripts.
set -u
trap 'echo "got USR1"' USR1
kill -USR1 $$
echo "after USR1"
sleep 2 & pid=$!; kill -TERM $pid; wait $pid; echo "killed status $?"
(sleep 0.1; exit 3) & (sleep 0.2; exit 4) & wait -n; echo "wait -n status $?"; wait
printf -v padded '%08.3f' 3.14159; echo "$padded"
read -r a b rest <<< "one two three four"; echo "$a|$b|$rest"
IFS=: read -ra parts <<< "x:y:z"; echo "${#parts[@]} ${parts[1]}"
coproc UPPER { tr a-z A-Z; }
echo "coproc text" >&"${UPPER[1]}"; exec {UPPER[1]}>&-
read -r line <&"${UPPER[0]}"; echo "$line"; wait
printf 'l1\nl2\n' > lines.txt; mapfile -t lines < lines.txt; echo "${#lines[@]} ${lines[1]}"
echo "$((2**62)) $((-7 / 2)) $((7 % -3)) $((1 << 10))"
set -- c b a; echo "$# $2"; shift; echo "$*"
f() { echo "args: $#"; "$@"; }; f echo nested call
declare -i num=5; num+=10; echo "$num"
str=abcdef; echo "${str: -3} ${str::2} ${str//[ace]/_}"
echo {a,b}{1,2} {1..10..3}
time_out=$( { time sleep 0.01; } 2>&1 | wc -l ); echo "time lines $time_out"
exec 3>&1; out=$(echo to-fd3 >&3; echo captured); exec 3>&-; echo "$out"
type cd ls | sed 's|/usr/bin/ls|ls path|'
command -v sort; hash -r
echo $BASH_SUBSHELL $(echo $BASH_SUBSHELL)

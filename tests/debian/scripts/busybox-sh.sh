# busybox sh: pipelines, loops, subshells, command substitution, applets.
set -u
umask 022
echo "== pipelines"
printf 'pear\napple\nfig\napple\nkiwi\n' | sort | uniq -c | sort -rn | head -n 3
seq 1 20 | grep 1 | tr '\n' ' ' ; echo
echo 'a:b:c' | cut -d: -f2 | sed 's/b/B/'
echo "== loops"
i=0
while [ $i -lt 5 ]; do i=$((i + 1)); printf '%d ' $((i * i)); done; echo
for w in one two three; do echo "${#w} $w"; done | sort -n
n=3; until [ $n -eq 0 ]; do echo "countdown $n"; n=$((n - 1)); done
echo "== subshells"
x=outer
(x=inner; echo "in subshell: $x"; exit 3); echo "status $? x=$x"
( cd / && pwd ); [ -f busybox-sh.sh ] && echo "back in the work directory"
{ echo grouped; echo lines; } | wc -l
echo "== command substitution"
count=$(printf 'x\ny\nz\n' | wc -l)
echo "count=$count nested=$(echo $(echo deep))"
echo "arith: $(( (7 + 5) * 3 % 10 ))"
echo "== files and redirection"
echo first > f.txt; echo second >> f.txt; cat < f.txt
exec 3> g.txt; echo via-fd3 >&3; exec 3>&-; cat g.txt
ls missing-file 2>/dev/null || echo "ls failed as expected"
cat f.txt g.txt | md5sum
echo "== functions and case"
greet() { local who=$1; echo "hello, $who"; return 7; }
greet world; echo "returned $?"
for v in apple 42 -x; do
  case $v in
    [0-9]*) echo "$v: number" ;;
    -*) echo "$v: option" ;;
    *) echo "$v: word" ;;
  esac
done
echo "== applets"
echo 'hello world' | awk '{ print toupper($2), length($1) }'
printf '3\n10\n2\n' | sort -n | tail -n 1
echo abc | od -An -c
basename /usr/lib/file.tar.gz .gz; dirname /usr/lib/file.tar.gz
echo "== background and wait"
sleep 0.1 & wait $!; echo "waited status $?"
(exit 5) & wait $!; echo "background status $?"
trap 'echo trapped EXIT' EXIT
echo done

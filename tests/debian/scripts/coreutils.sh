# coreutils and findutils: ls -la, sort, md5sum, find | xargs, and friends.
set -eu
umask 022
mkdir -p tree/a/b tree/c
printf 'hello\n' > tree/a/one.txt
printf 'second file\n' > tree/a/b/two.txt
printf '%s\n' 3 1 2 > tree/c/numbers.txt
: > tree/empty
ln -s a/one.txt tree/link
chmod 640 tree/a/one.txt
chmod 755 tree/c
touch -h -d '2021-03-04 05:06:07' tree/a/one.txt tree/a/b/two.txt tree/c/numbers.txt tree/empty tree/link
echo "== ls -la (owner, group, directory sizes and times left out)"
ls -la --time-style=long-iso tree tree/a | awk '
  /^total/ || $NF == ".." { next }
  NF < 8 { print; next }
  /^d/ { print $1, $NF; next }
  { $3 = ""; $4 = ""; print }'
echo "== ls variants"
ls -1 tree; ls -R tree | grep -v '^$'; ls -d tree/*/
echo "== sort"
printf 'b 10\na 9\nc 100\nb 2\n' > data.txt
sort data.txt; sort -k2 -n data.txt; sort -r -k1,1 -k2,2n data.txt; sort -u -k1,1 data.txt
printf '%s\n' 10 9 100 1e3 0x10 | sort -g
echo "== md5sum and sha256sum"
md5sum tree/a/one.txt tree/a/b/two.txt
sha256sum tree/c/numbers.txt
md5sum tree/a/one.txt > sums.md5; md5sum -c sums.md5
printf 'abc' | sha1sum; printf '' | md5sum
echo "== find | xargs"
find tree -type f | sort | xargs wc -c
find tree -name '*.txt' -print0 | sort -z | xargs -0 -n 1 basename
find tree -type d | sort
find tree -newer tree/empty -o -type l | sort
find tree -type f -size -1k -empty
echo "== text tools"
seq 1 10 | paste - -
echo 'The quick brown fox' | tr 'a-z' 'A-Z' | fold -w 7
printf 'x\ny\nx\nz\n' | sort | uniq -c
head -c 5 tree/a/b/two.txt; echo; tail -n 1 data.txt; cut -c 1-3 data.txt | tr -d '\n'; echo
nl -ba tree/c/numbers.txt; tac tree/c/numbers.txt | tr '\n' ' '; echo
expr 6 \* 7; factor 360; echo "$(( $(date -u -d @86400 +%s) / 3600 ))h"
date -u -d '2000-02-29 12:34:56' '+%Y-%m-%d %H:%M:%S %A %j'
stat -c '%n %s %a %F' tree/a/one.txt tree/link; stat -c '%n %a %F' tree/c
du -b tree/a/b/two.txt; wc tree/a/one.txt data.txt
base64 tree/a/b/two.txt; base64 tree/a/b/two.txt | base64 -d
printf 'abc\n' | od -An -tx1
mv data.txt moved.txt; ls moved.txt data.txt 2>&1 || true
readlink tree/link; realpath --relative-to=. tree/a/b
test -d tree && test ! -e nothing && echo "tests ok"
env -i FOO=bar env

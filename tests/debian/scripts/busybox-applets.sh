# busybox applets beyond the shell: text, files, archives, processes.
set -eu
umask 022
bb=/bin/busybox
mkdir -p d/sub
printf 'b\na\nc\na\n' > d/letters.txt
seq 1 200 > d/sub/nums.txt
$bb sort -u d/letters.txt | $bb tr '\n' ' '; echo
$bb find d -type f | $bb sort | $bb xargs $bb wc -l
$bb sed -i 's/a/A/g' d/letters.txt; $bb cat d/letters.txt | $bb paste -sd, -
$bb grep -c 1 d/sub/nums.txt; $bb head -n 3 d/sub/nums.txt | $bb tail -n 1
$bb md5sum d/letters.txt; $bb sha256sum d/sub/nums.txt
$bb tar -cf d.tar d; $bb tar -tf d.tar | $bb sort
$bb gzip -c d/sub/nums.txt | $bb gunzip | $bb md5sum
mkdir x; $bb tar -xf d.tar -C x; $bb diff -r d x/d && echo "tar round trip ok"
$bb cp -r d e; $bb diff -r d e && echo "cp -r ok"; $bb rm -r e
$bb ln -s letters.txt d/link; $bb readlink d/link; $bb ls d
$bb stat -c '%n %s %a' d/letters.txt
$bb expr 3 + 4; $bb seq -s, 1 5; $bb printf '%5s|%-3d|\n' ab 7
$bb awk 'BEGIN { for (i = 1; i <= 3; i++) s = s i; print s }'
$bb echo hello | $bb od -An -tx1
$bb basename /a/b/c.txt .txt; $bb dirname /a/b/c.txt
$bb date -u -d @0 '+%Y-%m-%d %H:%M:%S'
$bb sh -c 'exit 6' || echo "sh status $?"
$bb timeout 5 $bb sleep 0.1 && echo "timeout ok"
$bb env -i A=1 $bb env
$bb nproc >/dev/null && echo "nproc ok"
$bb true && $bb false || echo "false status $?"

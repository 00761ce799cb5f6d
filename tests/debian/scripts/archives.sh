# gzip, xz and tar: compression round trips and archives, byte-exact.
set -eu
umask 022
mkdir -p data/sub
seq 1 3000 > data/numbers.txt
printf 'hello tar\n' > data/sub/hello.txt
yes 'repeated line' | head -n 2000 > data/sub/repeated.txt
: > data/empty
ln -s sub/hello.txt data/link
touch -h -d '2022-01-02 03:04:05' data/numbers.txt data/sub/hello.txt data/sub/repeated.txt data/empty data/link data/sub data
echo "== gzip"
gzip -9 -n -c data/numbers.txt > numbers.gz
wc -c < numbers.gz; md5sum numbers.gz
gunzip -c numbers.gz | md5sum; md5sum < data/numbers.txt
gzip -l numbers.gz | tail -n 1 | awk '{ print $1, $2 }'
gzip -t numbers.gz && echo "gzip -t ok"
cat data/sub/repeated.txt > r.txt; gzip r.txt; ls r.txt* ; gzip -d r.txt.gz; cmp r.txt data/sub/repeated.txt && echo "gzip -d restored"
printf 'not gzip' | gzip -dc 2>&1 || echo "gzip status $?"
echo "== xz"
xz -6 -c data/numbers.txt > numbers.xz
wc -c < numbers.xz; md5sum numbers.xz
xz -dc numbers.xz | md5sum
xz -l --robot numbers.xz | awk '$1 == "totals" { print $5, $6 }'
xz -t numbers.xz && echo "xz -t ok"
printf 'abc' | xz -c --format=lzma | xz -dc --format=lzma; echo
echo "== tar"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2022-01-02 03:04:05' -cf plain.tar data
md5sum plain.tar; tar -tf plain.tar
tar -tvf plain.tar | awk '{ print $1, $2, $3, $NF }'
tar --sort=name --owner=0 --group=0 --numeric-owner -czf data.tgz data
tar --sort=name --owner=0 --group=0 --numeric-owner -cJf data.txz data
mkdir out-gz out-xz
tar -xzf data.tgz -C out-gz; tar -xJf data.txz -C out-xz
diff -r data out-gz/data && diff -r data out-xz/data && echo "round trips equal"
stat -c '%n %s %Y' out-gz/data/numbers.txt out-xz/data/sub/hello.txt
readlink out-xz/data/link
tar -cf - -C data sub | tar -tvf - | awk '{ print $NF }'
gzip -dc data.tgz | tar -xOf - data/sub/hello.txt
tar -xzf data.tgz -C out-gz data/missing 2>&1 || echo "tar status $?"

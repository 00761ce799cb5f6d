# coreutils cp: recursive copies (FICLONE first, then copy_file_range), mv, install.
set -eu
umask 022
mkdir -p tree/a/b
printf 'hello\n' > tree/a/one.txt
seq 1 5000 > tree/a/b/numbers.txt
cp -r tree copy; diff -r tree copy && echo "copies equal"
cp -p tree/a/one.txt kept.txt; cmp tree/a/one.txt kept.txt && echo "cp -p ok"
install -m 600 tree/a/one.txt installed.txt; stat -c '%a %s' installed.txt
mv copy moved; ls moved/a/b; md5sum moved/a/b/numbers.txt

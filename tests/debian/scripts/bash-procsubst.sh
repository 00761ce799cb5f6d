# bash process substitution: <(...) and >(...) hand the command /dev/fd/N.
set -u
diff <(printf '1\n2\n3\n') <(printf '1\n3\n') || echo "diff status $?"
while read -r line; do echo "got $line"; done < <(printf 'a\nb\n')
echo sorted > >(sort)
wait
paste <(seq 1 3) <(seq 4 6)

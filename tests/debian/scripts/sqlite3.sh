# sqlite3: a database file (locks, journal) built from SQL and read back.
set -eu
sqlite3 -batch shop.db < sqlite3.sql
echo "== reopen"
sqlite3 shop.db 'SELECT count(*), sum(qty) FROM orders;'
sqlite3 -csv shop.db 'SELECT * FROM fruit ORDER BY id;'
sqlite3 shop.db .dump | md5sum
sqlite3 shop.db 'SELECT nosuchcolumn FROM fruit;' 2>&1 || echo "sqlite3 status $?"
sqlite3 :memory: 'CREATE TABLE t(x); INSERT INTO t VALUES (1),(2),(3); SELECT total(x) FROM t;'

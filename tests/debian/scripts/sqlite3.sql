.headers on
.mode column
CREATE TABLE fruit(id INTEGER PRIMARY KEY, name TEXT NOT NULL, color TEXT, price REAL);
INSERT INTO fruit(name, color, price) VALUES
  ('apple', 'red', 1.25), ('banana', 'yellow', 0.5), ('cherry', 'red', 4.0),
  ('kiwi', 'green', 0.75), ('lime', 'green', 0.3);
CREATE TABLE orders(fruit_id INTEGER REFERENCES fruit(id), qty INTEGER);
INSERT INTO orders VALUES (1, 3), (2, 12), (1, 5), (4, 7), (3, 1);
CREATE INDEX orders_fruit ON orders(fruit_id);
SELECT name, color, printf('%.2f', price) AS price FROM fruit ORDER BY price DESC;
SELECT color, count(*) AS n, round(avg(price), 3) AS avg FROM fruit GROUP BY color ORDER BY color;
SELECT f.name, sum(o.qty) AS total, printf('%.2f', sum(o.qty * f.price)) AS cost
  FROM orders o JOIN fruit f ON f.id = o.fruit_id GROUP BY f.id ORDER BY total DESC;
.mode list
SELECT group_concat(name, ',') FROM (SELECT name FROM fruit ORDER BY name);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
  SELECT sum(i), sum(i * i), max(i) FROM n;
SELECT json_object('name', name, 'price', price) FROM fruit WHERE color = 'green' ORDER BY id;
SELECT upper('abc'), length('héllo'), substr('sqlite', 2, 3), hex('AB'), 7 / 2, 7 % 3, 7.0 / 2;
SELECT name, rank() OVER (ORDER BY price DESC) FROM fruit ORDER BY name LIMIT 3;
BEGIN;
UPDATE fruit SET price = price * 2 WHERE color = 'red';
ROLLBACK;
SELECT name, price FROM fruit WHERE color = 'red' ORDER BY id;
DELETE FROM orders WHERE qty < 5;
SELECT count(*) FROM orders;
PRAGMA integrity_check;
SELECT typeof(1), typeof(1.5), typeof('x'), typeof(NULL), typeof(x'00');
.tables
.schema orders

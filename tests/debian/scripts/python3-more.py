# python3 -c: shutil, tempfile, pathlib, signal, select, asyncio, multiprocessing, sqlite3, datetime.
import asyncio, datetime, multiprocessing, os, pathlib, select, shutil, signal, sqlite3, subprocess, sys, tempfile, time

print("== files")
d = pathlib.Path(tempfile.mkdtemp(dir="."))
(d / "a.txt").write_text("alpha\n" * 1000)
shutil.copy(d / "a.txt", d / "b.txt")
shutil.copytree(d, "tree-copy")
print(sorted(p.name for p in pathlib.Path("tree-copy").iterdir()), (d / "b.txt").stat().st_size)
shutil.rmtree("tree-copy")
with tempfile.NamedTemporaryFile("w+", dir=".") as f:
    f.write("temp data"); f.flush(); f.seek(0); print(f.read())
print([x for x in sorted(os.listdir(d))])
for root, dirs, files in os.walk(d):
    print(len(dirs), sorted(files))

print("== signal")
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
os.kill(os.getpid(), signal.SIGUSR1)
print("handled", got == [signal.SIGUSR1])
signal.signal(signal.SIGALRM, lambda s, f: got.append("alarm"))
signal.setitimer(signal.ITIMER_REAL, 0.05)
time.sleep(0.3)
print("alarm", "alarm" in got)

print("== select")
r, w = os.pipe()
print(select.select([r], [], [], 0)[0] == [])
os.write(w, b"x")
print(select.select([r], [], [], 1)[0] == [r])
p = select.poll(); p.register(r, select.POLLIN); print(p.poll(100)[0][1] & select.POLLIN)

print("== asyncio")
async def worker(n):
    await asyncio.sleep(0.01 * n)
    return n * n
async def main():
    rs = await asyncio.gather(*(worker(i) for i in range(5)))
    proc = await asyncio.create_subprocess_exec("echo", "async child", stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return rs, out.decode().strip()
print(asyncio.run(main()))

print("== multiprocessing")
def square(x):
    return x * x
if __name__ == "__main__":
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(8)))
    q = ctx.Queue()
    pr = ctx.Process(target=q.put, args=("from process",))
    pr.start(); print(q.get()); pr.join(); print("exitcode", pr.exitcode)

print("== sqlite3 module")
db = sqlite3.connect(str(d / "x.db"))
db.execute("create table t(a, b)")
db.executemany("insert into t values (?, ?)", [(i, str(i) * 2) for i in range(5)])
db.commit()
print(db.execute("select sum(a), group_concat(b) from t").fetchone())
db.close()

print("== datetime")
print(datetime.datetime.fromtimestamp(86400 * 365, datetime.timezone.utc).isoformat())
print(time.strftime("%Y-%m-%d %H:%M", time.gmtime(1e9)), time.tzname)
print(sys.platform, os.uname().machine, sys.byteorder, sys.maxsize)

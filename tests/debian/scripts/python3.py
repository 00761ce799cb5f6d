# python3 -c: json, hashlib, zlib, threading, subprocess, os.fork and a loopback socket,
# in one interpreter (its start-up is the slow part under emulation).
import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import zlib

print("== json")
doc = {"name": "tsqemu", "tags": ["arm64", "debian"], "n": 3, "ratio": 0.25, "ok": True, "none": None}
text = json.dumps(doc, sort_keys=True)
print(text)
back = json.loads(text)
print(back == doc, json.dumps(back, indent=2, sort_keys=True).count("\n"))
print(json.dumps([1e100, -0.0, "ünï\u20ac", {"k": [1, [2, [3]]]}], ensure_ascii=True))

print("== hashlib")
data = b"The quick brown fox jumps over the lazy dog"
for name in ("md5", "sha1", "sha256", "sha512", "blake2b", "sha3_256"):
    print(name, hashlib.new(name, data).hexdigest()[:32])
h = hashlib.sha256()
for i in range(1000):
    h.update(str(i).encode())
print("incremental", h.hexdigest())

print("== zlib")
blob = b"".join(b"line %d of some repetitive text\n" % i for i in range(2000))
packed = zlib.compress(blob, 9)
print(len(blob), len(packed), zlib.crc32(blob), zlib.adler32(blob))
print(zlib.decompress(packed) == blob)
co = zlib.compressobj(6, zlib.DEFLATED, -15)
raw = co.compress(blob) + co.flush()
print("raw deflate", len(raw), zlib.decompress(raw, -15) == blob)

print("== threading")
lock = threading.Lock()
total = 0
results = {}

def work(k):
    global total
    s = sum(i * k for i in range(2000))
    with lock:
        total += s
        results[k] = s

threads = [threading.Thread(target=work, args=(k,)) for k in range(1, 9)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("total", total, sorted(results) == list(range(1, 9)))
cond = threading.Condition()
items = []

def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()

consumed = []
p = threading.Thread(target=producer)
p.start()
while len(consumed) < 5:
    with cond:
        while not items:
            cond.wait()
        consumed.append(items.pop(0))
p.join()
print("consumed", consumed)
event = threading.Event()
threading.Timer(0.05, event.set).start()
print("event", event.wait(5))

print("== subprocess")
r = subprocess.run(["sort", "-r"], input=b"a\nc\nb\n", capture_output=True)
print(r.returncode, r.stdout.decode().split())
r = subprocess.run("echo shell $((6 * 7)); exit 4", shell=True, capture_output=True, text=True)
print(r.returncode, r.stdout.strip())
print(subprocess.check_output(["md5sum"], input=b"abc").decode().split()[0])
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as proc:
    out, _ = proc.communicate(b"through cat\n")
print(proc.returncode, out)
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode)

print("== os.fork")
rfd, wfd = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(rfd)
    os.write(wfd, b"hello from the child")
    os._exit(9)
os.close(wfd)
msg = os.read(rfd, 100)
_, status = os.waitpid(pid, 0)
print(msg.decode(), os.WIFEXITED(status), os.WEXITSTATUS(status))
sys.stdout.flush()

print("== socket")
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]

def serve():
    conn, _ = server.accept()
    with conn:
        data = b""
        while not data.endswith(b"\n"):
            data += conn.recv(1024)
        conn.sendall(data.upper())

st = threading.Thread(target=serve)
st.start()
with socket.create_connection(("127.0.0.1", port)) as c:
    c.sendall(b"ping over loopback\n")
    reply = b""
    while not reply.endswith(b"\n"):
        reply += c.recv(1024)
st.join()
server.close()
print(reply.decode().strip())
a, b = socket.socketpair()
a.sendall(b"pair")
print(b.recv(10))
a.close()
b.close()
print("done")

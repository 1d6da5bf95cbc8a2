"""kv_clients.py SERVER - drives the kv example with redis-cli (the
commands, as a user types them) and with raw sockets (pipelining, binary
values, hostile and vanishing clients)."""
import socket
import subprocess
import sys
import time

from harness import Server, wait_until


def cli(srv, *args):
    out = subprocess.run(["redis-cli", "-h", srv.host, "-p", str(srv.port),
                          *args], capture_output=True, text=True, timeout=10)
    return out.stdout.strip()


def resp(*args):
    out = b"*%d\r\n" % len(args)
    for a in args:
        a = a if isinstance(a, bytes) else a.encode()
        out += b"$%d\r\n%s\r\n" % (len(a), a)
    return out


def read_exactly(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def main(path):
    srv = Server(path, "--idle-ms", "500")
    base = srv.stats()
    print("ping:", cli(srv, "ping"))
    print("set:", cli(srv, "set", "greeting", "hello world"))
    print("get:", cli(srv, "get", "greeting"))
    print("incr:", cli(srv, "incr", "counter"), cli(srv, "incr", "counter"))
    print("incr text:", cli(srv, "incr", "greeting"))
    print("exists:", cli(srv, "exists", "greeting", "counter", "nothing"))
    print("del:", cli(srv, "del", "greeting", "nothing"))
    print("get deleted:", repr(cli(srv, "get", "greeting")))
    print("unknown:", cli(srv, "frobnicate", "x"))
    print("wrong arity:", cli(srv, "get"))

    # 1000 pipelined requests in one write, answered in order.
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(b"".join(resp("INCR", "pipelined") for _ in range(1000)))
    want = b"".join(b":%d\r\n" % i for i in range(1, 1001))
    print("pipelined 1000:", read_exactly(s, len(want)) == want)
    # A binary value of 1 MB, with CR LF and zero bytes inside.
    value = bytes(range(256)) * 4096
    s.sendall(resp("SET", b"bin\r\nkey", value) + resp("GET", b"bin\r\nkey"))
    want = b"+OK\r\n$%d\r\n%s\r\n" % (len(value), value)
    print("binary 1 MB:", read_exactly(s, len(want)) == want)

    # Garbage gets a protocol error and a close; the others keep going.
    g = socket.create_connection((srv.host, srv.port))
    g.sendall(b"*2\r\n$3\r\nGET\r\n+nonsense\r\n")
    print("garbage:", read_exactly(g, 100).decode().strip())
    g.close()
    # A length made of blanks (which strtoll would skip past the line).
    g = socket.create_connection((srv.host, srv.port))
    g.sendall(b"*" + b" " * 20 + b"\r\n")
    print("blank length:", read_exactly(g, 100).decode().strip())
    g.close()
    s.sendall(resp("GET", "counter"))
    print("other client after garbage:", read_exactly(s, 7))
    s.close()

    # Every request split in two at every byte position (two writes, the
    # second after the server has read the first): each is answered.
    t = socket.create_connection((srv.host, srv.port))
    t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    ok = True
    for req, want in ((resp("SET", "split", "v" * 12), b"+OK\r\n"),
                      (resp("GET", "split"), b"$12\r\n" + b"v" * 12 + b"\r\n"),
                      (b"PING\r\n", b"+PONG\r\n")):
        for at in range(1, len(req)):
            t.sendall(req[:at])
            time.sleep(0.003)
            t.sendall(req[at:])
            got = read_exactly(t, len(want))
            if got != want:
                print("split at %d of %r: %r" % (at, req, got))
                ok = False
                break
    print("split at every byte:", ok)
    t.close()

    # Vanishing mid-request and silent clients leave nothing behind.
    v = socket.create_connection((srv.host, srv.port))
    v.sendall(b"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100\r\npartial")
    v.close()
    quiet = socket.create_connection((srv.host, srv.port))
    quiet.settimeout(10)
    print("silent client closed:", quiet.recv(10) == b"")
    quiet.close()
    settled = wait_until(lambda: srv.stats()["tasks"] == base["tasks"], 10, 0.05)
    st = srv.stats()
    print("after: tasks %+d fds %+d (settled %s)" % (
        st["tasks"] - base["tasks"], st["fds"] - base["fds"], settled))
    final = srv.stop()
    print("stopped: tasks=%d fds=%d" % (final["tasks"], final["fds"]))


if __name__ == "__main__":
    main(sys.argv[1])

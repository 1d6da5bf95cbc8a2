"""slow_readers.py KV HTTP - a client that pipelines requests for large
replies and never reads them, against the kv and http examples: the
server stops making its replies once one buffer waits (so it does not
grow with them), cuts the client off after --output-timeout-ms with a
line on stderr (counted as cut_off in the stats), and another client
keeps getting its answers meanwhile."""
import socket
import sys
import time

from harness import Server, settled
from kv_clients import resp

LATENCY_BOUND = 1.0  # seconds: generous, a correctness bound, not a speed


def read_reply(s, end):
    buf = b""
    while not buf.endswith(end):
        chunk = s.recv(4096)
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def drain_until_closed(s, timeout=20):
    """Reads what the server left in the socket; True once it closed."""
    s.settimeout(timeout)
    try:
        while s.recv(1 << 20):
            pass
        return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def run(name, path, setup, flood, ask, end):
    srv = Server(path, "--output-timeout-ms", "500")
    base = srv.stats()
    setup(srv)
    hog = socket.create_connection((srv.host, srv.port))
    hog.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    hog.sendall(flood)  # and never reads
    other = socket.create_connection((srv.host, srv.port))
    other.settimeout(5)
    worst, n, heap = 0.0, 0, 0
    start = time.monotonic()
    while srv.stats()["cut_off"] == 0 and time.monotonic() - start < 10:
        t = time.monotonic()
        other.sendall(ask)
        read_reply(other, end)
        worst = max(worst, time.monotonic() - t)
        n += 1
        heap = max(heap, srv.stats()["heap"])
        time.sleep(0.02)
    print("%s: slow reader cut off: %s" % (name, srv.stats()["cut_off"] == 1))
    print("%s: other client answered %s times, each within %g s: %s" % (
        name, "many" if n >= 5 else n, LATENCY_BOUND, worst < LATENCY_BOUND))
    print("%s: heap while flooded under 16 MB: %s" % (name, heap < 16 << 20))
    print("%s: slow reader's connection closed: %s" % (
        name, drain_until_closed(hog)))
    hog.close()
    other.close()
    print(name + ":", settled(srv, base))
    srv.stop()


def kv_setup(srv):
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(resp("SET", "big", b"v" * (256 << 10)))
    read_reply(s, b"\r\n")
    s.close()


def main(kv, http):
    # 4,000 GETs of a 256 KiB value: 90 KB asking for 1 GB.
    run("kv", kv, kv_setup, resp("GET", "big") * 4000, resp("PING"),
        b"+PONG\r\n")
    get = b"GET / HTTP/1.1\r\nHost: t\r\n\r\n"
    run("http", http, lambda srv: None, get * 40000,
        b"GET /hello HTTP/1.1\r\nHost: t\r\n\r\n", b"world!\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

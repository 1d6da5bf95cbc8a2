"""http_clients.py SERVER - drives the http example with curl (the routes,
HEAD, keep-alive as a client reuses a connection) and with raw sockets
(pipelining, Connection: close, HTTP/1.0, malformed and oversized
requests, a slowloris client that sends part of a head and then nothing
or one byte at a time)."""
import re
import socket
import subprocess
import sys
import time

from harness import Server, settled, trickle_until_closed


def curl(srv, *args, path="/hello"):
    url = "http://%s:%d%s" % (srv.host, srv.port, path)
    return subprocess.run(["curl", "-s", "--max-time", "10", *args, url],
                          capture_output=True, text=True, timeout=20)


def code(srv, *args, path):
    return curl(srv, "-o", "/dev/null", "-w", "%{http_code}", *args,
                path=path).stdout


def read_all(s):
    """Everything until the server closes (bounded by the timeout)."""
    s.settimeout(10)
    buf = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return buf, True
            buf += chunk
    except (socket.timeout, ConnectionResetError):
        return buf, False


def raw(srv, data):
    """Sends data on a new connection; returns (reply, server closed)."""
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(data)
    out = read_all(s)
    s.close()
    return out


def statuses(reply):
    """The status lines of the responses in reply (a body may end in
    anything, so the next status line need not start a line)."""
    return [m.decode() for m in re.findall(rb"HTTP/1\.1 \d{3} [^\r]*", reply)]


def main(path):
    srv = Server(path, "--idle-ms", "1000")
    base = srv.stats()

    print("get:", repr(curl(srv).stdout))
    head = curl(srv, "-i", "-I").stdout.splitlines()
    print("head:", head[0], [h for h in head if h.startswith("Content-Len")])
    print("root:", "yieldc micro-thread" in curl(srv, path="/").stdout)
    print("stats route:", curl(srv, path="/stats").stdout.startswith(
        "http stats: tasks="))
    print("404:", code(srv, path="/nothing"))
    print("405:", code(srv, "-X", "PUT", path="/hello"))
    print("echo:", repr(curl(srv, "--data-binary", "one\ntwo\n",
                             path="/echo").stdout))

    # Keep-alive: curl fetches two URLs over one connection.
    before = srv.stats()["connections"]
    url = "http://%s:%d" % (srv.host, srv.port)
    both = subprocess.run(["curl", "-sv", "--max-time", "10", url + "/hello",
                           url + "/"], capture_output=True, text=True,
                          timeout=20)
    print("keep-alive reused:",
          "Re-using existing connection" in both.stderr)
    print("keep-alive connections:", srv.stats()["connections"] - before)

    # Pipelining: four requests in one write, answered in order; the last
    # asks to close, and the server does after answering it.
    reply, closed = raw(srv, b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                        b"POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\n"
                        b"abcde"
                        b"GET /missing HTTP/1.1\r\n\r\n"
                        b"HEAD / HTTP/1.1\r\nConnection: close\r\n\r\n")
    print("pipelined:", statuses(reply))
    print("pipelined bodies:", b"Hello, world!\n" in reply,
          b"\r\n\r\nabcde" in reply, "closed", closed)
    print("pipelined HEAD has no body:",
          reply.endswith(b"Connection: close\r\n\r\n"))
    # Every request split in two at every byte position (two writes, the
    # second after the server has read the first), on one connection:
    # each is answered whole.
    t = socket.create_connection((srv.host, srv.port))
    t.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    t.settimeout(10)
    ok = True
    for req, end in ((b"GET /hello HTTP/1.1\r\nHost: x\r\n\r\n",
                      b"Hello, world!\n"),
                     (b"POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nab\r\nc",
                      b"\r\n\r\nab\r\nc")):
        for at in range(1, len(req)):
            t.sendall(req[:at])
            time.sleep(0.003)
            t.sendall(req[at:])
            got = b""
            try:
                while not got.endswith(end):
                    chunk = t.recv(65536)
                    if not chunk:
                        break
                    got += chunk
            except socket.timeout:
                pass
            if not got.endswith(end) or len(statuses(got)) != 1:
                print("split at %d of %r: %r" % (at, req, got))
                ok = False
                break
    print("split at every byte:", ok)
    t.close()
    # 100 pipelined requests in one write, each answered.
    reply, closed = raw(srv, b"GET /hello HTTP/1.1\r\n\r\n" * 99 +
                        b"GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n")
    print("pipelined 100:", reply.count(b"Hello, world!\n"), closed)
    # HTTP/1.0 closes unless it asks for keep-alive.
    reply, closed = raw(srv, b"GET /hello HTTP/1.0\r\n\r\n")
    print("http/1.0:", statuses(reply), "closed", closed)
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(b"GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
    s.settimeout(10)
    first = s.recv(65536)
    s.sendall(b"GET /hello HTTP/1.0\r\n\r\n")
    rest, closed = read_all(s)
    s.close()
    print("http/1.0 keep-alive:", b"Connection: keep-alive" in first,
          statuses(rest), "closed", closed)

    # Malformed and oversized requests: an error status, then a close.
    for name, data in [
            ("garbage", b"GARBAGE\r\n\r\n"),
            ("bad header", b"GET / HTTP/1.1\r\nNo colon here\r\n\r\n"),
            ("space before colon", b"GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
            ("bad length", b"POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
            ("chunked", b"POST /echo HTTP/1.1\r\n"
                        b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
            ("version", b"GET / HTTP/2.0\r\n\r\n"),
            ("huge head", b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 20000 +
             b"\r\n\r\n"),
            ("huge body", b"POST /echo HTTP/1.1\r\n"
                          b"Content-Length: 99999999\r\n\r\n")]:
        reply, closed = raw(srv, data)
        print("%s:" % name, statuses(reply), "closed", closed)

    # Slowloris: part of a head, then nothing; then one byte at a time,
    # each well within the idle time, which only the limit on the whole
    # head stops.
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    print("partial head closed:", read_all(s) == (b"", True))
    s.close()
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(b"GET / HTTP/1.1\r\n")
    closed = trickle_until_closed(s, b"X")
    print("trickling head closed:", closed)
    s.close()

    print(settled(srv, base))
    final = srv.stop()
    print("stopped: tasks=%d fds=%d" % (final["tasks"], final["fds"]))


main(sys.argv[1])

"""tls_clients.py SERVER CERT KEY - drives the tls example: 8 `openssl
s_client` processes connected at once, each sending lines (one longer
than a TLS record) and checking every echo; a client that never starts
the handshake and one that trickles it are closed by the idle limit; a
client still connected at SIGTERM is closed by the stop."""
import asyncio
import random
import socket
import sys

from harness import Server, settled, trickle_until_closed

CLIENTS = 8
LINES = 20


async def s_client(srv):
    return await asyncio.create_subprocess_exec(
        "openssl", "s_client", "-connect", "%s:%d" % (srv.host, srv.port),
        "-quiet", stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)


async def echoes(proc, line):
    """Sends one line; whether exactly it comes back."""
    proc.stdin.write(line)
    await proc.stdin.drain()
    try:
        got = await asyncio.wait_for(proc.stdout.readline(), 10)
    except asyncio.TimeoutError:
        return False
    return got == line


async def stop(proc):
    try:
        proc.kill()
    except ProcessLookupError:
        pass  # it saw the server close and exited by itself
    await proc.wait()


async def client(srv, seed, arrived, all_in):
    rnd = random.Random(seed)
    proc = await s_client(srv)
    ok = await echoes(proc, b"hello from client %d\n" % seed)
    arrived.append(seed)
    if len(arrived) == CLIENTS:
        all_in.set()
    # Everyone stays connected until every client has had its first echo,
    # so that the server holds all of them at once.
    try:
        await asyncio.wait_for(all_in.wait(), 30)
    except asyncio.TimeoutError:
        ok = False
    for i in range(LINES):
        n = 20000 if i == LINES // 2 else rnd.randint(1, 2000)
        line = bytes(rnd.choice(b"abcdefghijklmnopqrstuvwxyz ")
                     for _ in range(n)) + b"\n"
        ok = await echoes(proc, line) and ok
    await stop(proc)
    return ok


def closed_by_server(sock, timeout=20):
    sock.settimeout(timeout)
    try:
        return sock.recv(100) == b""
    except socket.timeout:
        return False
    except ConnectionResetError:
        return True


async def main(path, cert, key):
    srv = Server(path, "--cert", cert, "--key", key, "--idle-ms", "5000")
    base = srv.stats()

    arrived, all_in = [], asyncio.Event()
    tasks = [asyncio.create_task(client(srv, i, arrived, all_in))
             for i in range(CLIENTS)]
    await asyncio.wait_for(all_in.wait(), 60)
    held = srv.stats()["tasks"] - base["tasks"]
    oks = await asyncio.gather(*tasks)
    print("%d clients, %d got every line back" % (CLIENTS, sum(oks)))
    print("connections held at once:", held)

    # No handshake at all: closed once the idle time passes.
    s = socket.create_connection((srv.host, srv.port))
    print("silent client closed:", closed_by_server(s))
    s.close()
    # A handshake trickled a byte at a time, each well within the idle
    # time: the limit on the whole handshake closes it.
    s = socket.create_connection((srv.host, srv.port))
    s.sendall(b"\x16\x03\x01\x02\x00")  # a record header: 512 bytes follow
    closed = trickle_until_closed(s, b"\x01")
    print("trickled handshake closed:", closed)
    s.close()

    print(settled(srv, base))

    # A client still connected when the server stops.
    proc = await s_client(srv)
    print("client before stop:", await echoes(proc, b"last\n"))
    final = srv.stop()
    try:
        eof = await asyncio.wait_for(proc.stdout.read(), 10) == b""
    except asyncio.TimeoutError:
        eof = False
    await stop(proc)
    print("client closed by the stop:", eof)
    print("stopped: tasks=%d fds=%d connections=%d" % (
        final["tasks"], final["fds"], final["connections"]))


asyncio.run(main(*sys.argv[1:4]))

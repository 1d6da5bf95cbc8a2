"""echo_clients.py SERVER - drives the echo example: 300 concurrent
clients each send a random amount (up to 256 KiB) in random pieces and
check every byte that comes back; a silent client is closed by the
server's idle timeout; clients that vanish mid-stream (a reset, a close
without reading) leave no task or fd behind."""
import asyncio
import random
import socket
import struct
import sys

from harness import Server, raise_fd_limit, settled

CLIENTS = 300


async def client(host, port, seed):
    rnd = random.Random(seed)
    data = rnd.randbytes(rnd.randint(1, 256 * 1024))
    reader, writer = await asyncio.open_connection(host, port)

    async def send():
        i = 0
        while i < len(data):
            n = rnd.randint(1, 20000)
            writer.write(data[i:i + n])
            await writer.drain()
            i += n
        writer.write_eof()

    sender = asyncio.create_task(send())
    got = await reader.read()  # until the server closes after our EOF
    await sender
    writer.close()
    return got == data


async def silent(host, port):
    reader, writer = await asyncio.open_connection(host, port)
    got = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    return got == b""


def vanish(host, port):
    # Reset mid-stream: SO_LINGER 0 makes close send an RST.
    s = socket.create_connection((host, port))
    s.sendall(b"x" * 100000)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()
    # Close without reading what comes back.
    s = socket.create_connection((host, port))
    s.sendall(b"y" * 300000)
    s.close()


async def main(path):
    raise_fd_limit()
    srv = Server(path, "--idle-ms", "2000")
    base = srv.stats()
    oks = await asyncio.gather(*(client(srv.host, srv.port, i)
                                 for i in range(CLIENTS)))
    print("%d clients, %d echoed every byte" % (CLIENTS, sum(oks)))
    print("silent client closed by the server:",
          await silent(srv.host, srv.port))
    vanish(srv.host, srv.port)
    # The vanished clients' tasks end as the server notices.
    print(settled(srv, base))
    final = srv.stop()
    print("stopped: tasks=%d fds=%d connections=%d" % (
        final["tasks"], final["fds"], final["connections"]))


asyncio.run(main(sys.argv[1]))

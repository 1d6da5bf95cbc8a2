"""echo_soak.py SERVER [ROUNDS] - the soak test: ROUNDS times, 10,000
connections open at once against the echo example, each exchanges a
message and closes (half of them with a reset); then counts what the
server holds. A round after the first must leave exactly as many tasks
and fds as the one before, and the heap must not grow (the first round
warms the pools).

The resets also keep the machine's ports free: a client that closes
first keeps its port in TIME_WAIT for a minute, and the loopback range
has about 28,000 of them."""
import asyncio
import socket
import struct
import sys

from harness import Server, raise_fd_limit

CONNS = 10000


async def round_trip(host, port, i, all_open, opened):
    for attempt in range(50):
        try:
            reader, writer = await asyncio.open_connection(host, port)
            break
        except OSError:
            await asyncio.sleep(0.05)  # the accept queue is full: retry
    else:
        return False
    opened[0] += 1
    if opened[0] == CONNS:
        all_open.set()
    await all_open.wait()  # every connection is open at once
    msg = b"message %d\n" % i
    writer.write(msg)
    await writer.drain()
    got = await reader.readexactly(len(msg))
    if i % 2:
        writer.get_extra_info("socket").setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.close()
    await writer.wait_closed()
    return got == msg


async def one_round(srv):
    all_open = asyncio.Event()
    opened = [0]
    sem = asyncio.Semaphore(1000)  # connects in flight, not connections

    async def limited(i):
        async with sem:
            pass
        return await round_trip(srv.host, srv.port, i, all_open, opened)

    oks = await asyncio.gather(*(limited(i) for i in range(CONNS)))
    return sum(oks)


async def main(path, rounds):
    raise_fd_limit()
    srv = Server(path, timeout=60)
    marks = []
    for r in range(rounds):
        ok = await one_round(srv)
        # Let the server see every close.
        for _ in range(500):
            st = srv.stats()
            if st["tasks"] <= 2:
                break
            await asyncio.sleep(0.02)
        marks.append(st)
        print("round %d: %d of %d connections echoed" % (r + 1, ok, CONNS))
    first, last = marks[0], marks[-1]
    growth = last["heap"] - first["heap"]
    print("leaked after round 1: tasks %+d fds %+d io_waits %+d heap %s" % (
        last["tasks"] - first["tasks"], last["fds"] - first["fds"],
        last["io_waits"] - first["io_waits"],
        "no growth" if growth <= 64 * 1024 else "grew by %d bytes" % growth))
    final = srv.stop()
    print("stopped: tasks=%d fds=%d connections=%d" % (
        final["tasks"], final["fds"], final["connections"]))


asyncio.run(main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3))

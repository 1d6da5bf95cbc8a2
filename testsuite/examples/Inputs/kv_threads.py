"""kv_threads.py SERVER - the kv example with --threads 2: 40 clients at
once, each on its own connection (which the kernel spreads over the two
threads' listening sockets), set their own keys and increment one shared
counter; every reply is checked, the counter ends at the sum of all the
increments, and at the end each thread reports its own connections."""
import re
import signal
import socket
import subprocess
import sys
import threading

from kv_clients import resp

CLIENTS, ROUNDS = 40, 50


def reply(f):
    line = f.readline()
    if line[:1] == b"$":
        n = int(line[1:])
        return None if n < 0 else f.read(n + 2)[:-2]
    return line[:-2]


def client(port, i, errors):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=20)
        f = s.makefile("rb")
        for r in range(ROUNDS):
            key, val = "key:%d" % i, "v%d.%d" % (i, r)
            s.sendall(resp("SET", key, val) + resp("GET", key) +
                      resp("INCR", "counter"))
            if reply(f) != b"+OK" or reply(f) != val.encode():
                errors.append("client %d round %d: wrong reply" % (i, r))
            if not reply(f).startswith(b":"):
                errors.append("client %d: INCR failed" % i)
        s.close()
    except OSError as e:
        errors.append("client %d: %s" % (i, e))


def main(path):
    proc = subprocess.Popen([path, "--port", "0", "--threads", "2"],
                            stdout=subprocess.PIPE, text=True)
    m = re.search(r":(\d+)$", proc.stdout.readline().strip())
    port = int(m.group(1))
    errors = []
    threads = [threading.Thread(target=client, args=(port, i, errors))
               for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    s.sendall(resp("GET", "counter"))
    counter = reply(s.makefile("rb"))
    s.close()
    print("replies:", "all right" if not errors else errors[:3])
    print("counter:", counter.decode())
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=20)
    conns = {}
    for line in out.splitlines():
        m = re.match(r"(\S+) stats: .*connections=(\d+)", line)
        if m:
            conns[m.group(1)] = int(m.group(2))
    print("thread 1 served some:", conns.get("kv/1", 0) > 0)
    print("all served:", conns.get("kv"), "exit:", proc.returncode)


if __name__ == "__main__":
    main(sys.argv[1])

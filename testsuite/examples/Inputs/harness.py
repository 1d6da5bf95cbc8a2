"""harness.py - runs an example server for a test: starts it on a free
port, reads its stats lines (SIGUSR1), stops it (SIGTERM) and checks
that it exits cleanly. Every wait is bounded, so a hung server fails the
test instead of hanging the suite."""
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import time

STATS = re.compile(r"(\w+) stats: (.*)")


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


class Server:
    def __init__(self, path, *args, timeout=20):
        self.timeout = timeout
        self.proc = subprocess.Popen([path, "--port", "0", *args],
                                     stdout=subprocess.PIPE, text=True)
        line = self._line()
        m = re.search(r"listening on ([0-9.:a-f]+):(\d+)$", line)
        if not m:
            self.fail("no 'listening on' line: %r" % line)
        self.host, self.port = m.group(1), int(m.group(2))

    def _line(self):
        # The server flushes each line it prints; a select() bounds the wait.
        import select
        ready, _, _ = select.select([self.proc.stdout], [], [], self.timeout)
        if not ready:
            self.fail("the server printed nothing for %d s" % self.timeout)
        return self.proc.stdout.readline().rstrip("\n")

    def fail(self, why):
        self.proc.kill()
        sys.exit("harness: " + why)

    def stats(self):
        """The server's stats line as a dict of ints."""
        self.proc.send_signal(signal.SIGUSR1)
        return self._parse(self._line())

    def _parse(self, line):
        m = STATS.match(line)
        if not m:
            self.fail("not a stats line: %r" % line)
        return {k: int(v) for k, v in
                (kv.split("=") for kv in m.group(2).split())}

    def stop(self):
        """Stops the server; returns its final stats."""
        self.proc.send_signal(signal.SIGTERM)
        final = self._parse(self._line())
        try:
            rc = self.proc.wait(self.timeout)
        except subprocess.TimeoutExpired:
            self.fail("the server did not exit after SIGTERM")
        if rc != 0:
            sys.exit("harness: the server exited with status %d" % rc)
        return final


def settled(srv, base):
    """Waits until the server's tasks are back to base's, then describes
    what it holds against base: 'after: tasks +0 fds +0 io_waits +0
    (settled True)'."""
    ok = wait_until(lambda: srv.stats()["tasks"] == base["tasks"], 10, 0.05)
    st = srv.stats()
    return "after: tasks %+d fds %+d io_waits %+d (settled %s)" % (
        st["tasks"] - base["tasks"], st["fds"] - base["fds"],
        st["io_waits"] - base["io_waits"], ok)


def trickle_until_closed(sock, byte, timeout=20):
    """Sends byte after byte until the peer closes; returns whether it
    did within timeout seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            sock.sendall(byte)
            sock.settimeout(0.1)
            if sock.recv(100) == b"":
                return True
        except socket.timeout:
            pass
        except (BrokenPipeError, ConnectionResetError):
            return True
    return False


def wait_until(cond, timeout=10, step=0.01):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(step)
    return False

"""fifo-reader.py FIFO COMMAND... - makes FIFO, reads it while COMMAND
runs (COMMAND writes to it), then says what came through and whether FIFO
is still a FIFO."""
import os
import stat
import subprocess
import sys
import threading

fifo = sys.argv[1]
os.mkfifo(fifo)
got = []


def read():
    with open(fifo, "rb") as f:  # blocks until the writer opens it
        got.append(f.read())


reader = threading.Thread(target=read)
reader.start()
rc = subprocess.run(sys.argv[2:], timeout=60).returncode
reader.join(10)
if rc != 0 or reader.is_alive():
    sys.exit("the command failed (%d) or the fifo was never written" % rc)
data = got[0]
print("read %d bytes through the fifo, starting with %r" % (
    len(data), data[:7].decode()))
print("still a fifo:", stat.S_ISFIFO(os.stat(fifo).st_mode))

"""Start ``python -m room`` as its own process and read what it printed (for the tests and tools/room_load.py)."""
import dataclasses
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    """A TCP port nobody listens on, on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclasses.dataclass
class Running:
    """A room being served: its process, address, code and instructor's key."""
    process: subprocess.Popen
    log: object  # the server's stderr (a temporary file)
    url: str
    code: str
    key: str

    def get(self, path, key=True):
        """GET ``path`` as the instructor (``key=False``: as anyone); returns (status, body bytes)."""
        request = urllib.request.Request(self.url + path, headers={"Cookie": f"room_key={self.key}"} if key else {})
        return _open(request)

    def post(self, path, body, content_type="application/json", headers=()):
        """POST ``body`` (bytes, or a value sent as JSON) to ``path``; returns (status, body bytes)."""
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method="POST",
                                         headers={"Content-Type": content_type, **dict(headers)})
        return _open(request)

    def state(self):
        status, body = self.get("/api/state")
        assert status == 200, body
        return json.loads(body)

    def stop(self):
        """Kill the server at once (as a crash would), and wait for it to be gone."""
        self.process.kill()
        self.process.wait(timeout=10)
        self.process.stdout.close()

    def errors(self):
        """What the server wrote to its stderr (its log) so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")


def _open(request):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def start(db, port=None, *extra):
    """Start a room on 127.0.0.1 with the SQLite file ``db``; returns a Running once it answers."""
    port = port or free_port()
    process = subprocess.Popen([sys.executable, "-m", "room", "--db", str(db), "--host", "127.0.0.1",
                                "--port", str(port), *extra], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=(log := tempfile.TemporaryFile()), text=True)
    printed = ""
    deadline = time.monotonic() + 30
    while "/instructor?key=" not in printed:
        line = process.stdout.readline()
        if not line or time.monotonic() > deadline:
            process.kill()
            log.seek(0)
            raise RuntimeError(f"The room did not start:\n{printed}{log.read().decode(errors='replace')}")
        printed += line
    url = re.search(r'join\("(http://[^"]+)"', printed).group(1)
    code = re.search(r'code="([A-Z0-9]+)"', printed).group(1)
    key = re.search(r"/instructor\?key=(\S+)", printed).group(1)
    return Running(process, log, url, code, key)

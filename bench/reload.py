#!/usr/bin/env python3
"""Save-to-reloaded latency in a real browser: `folio serve` and `hugo server`, side by side.

For each tool: start its dev server on a corpus written by gen.py, open the middle note
in headless Chromium (driven over the DevTools protocol), then ROUNDS times append a
unique word to the note and poll the open tab until its text contains the word. The
time from the write to that moment is the save-to-reloaded latency: the watcher, the
rebuild, the reload notice and the browser's reload of the page, all of it. The tab is
never navigated by the script: only the tool's own live-reload script can bring the word.

    python3 bench/reload.py --folio target/release/folio --folio-site bench/.work/folio-10000 \\
        --hugo-site bench/.work/hugo-10000 [--rounds 10] [--chromium chromium]

Standard library only (a minimal WebSocket client is below). Needs Chromium
(`apt-get install -y chromium`). Prints one Markdown table row per tool.
"""

import base64
import json
import os
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from latency import arguments, free_port, get, probe_note, servers, stop, wait_for  # noqa: E402


class Socket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, client-masked."""

    def __init__(self, url):
        rest = url.split("://", 1)[1]
        hostport, path = rest.split("/", 1)
        host, port = hostport.split(":")
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            f"GET /{path} HTTP/1.1\r\nHost: {hostport}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        head = b""
        while b"\r\n\r\n" not in head:
            head += self.sock.recv(1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"no WebSocket at {url}: {head[:80]!r}")
        self.next_id = 0

    def _read(self, n):
        data = b""
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            data += chunk
        return data

    def send(self, text):
        payload = text.encode()
        mask = os.urandom(4)
        n = len(payload)
        if n < 126:
            head = struct.pack("!BB", 0x81, 0x80 | n)
        elif n < 1 << 16:
            head = struct.pack("!BBH", 0x81, 0x80 | 126, n)
        else:
            head = struct.pack("!BBQ", 0x81, 0x80 | 127, n)
        self.sock.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            n = second & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            payload = self._read(n)
            if first & 0x0F in (0x9, 0xA):  # ping, pong
                continue
            message += payload
            if first & 0x80:
                return message.decode("utf-8", "replace")

    def call(self, method, **params):
        self.next_id += 1
        self.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")


def start_chromium(binary, profile):
    port = free_port()
    browser = subprocess.Popen(
        [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
         f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )

    def page_target():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=2) as r:
                pages = [t for t in json.load(r) if t.get("type") == "page"]
                return pages[0]["webSocketDebuggerUrl"] if pages else None
        except OSError:
            return None

    return browser, wait_for("Chromium's DevTools", page_target, 60)


def measure(name, command, site, port, rounds, log, settle, chromium):
    note, original, base, candidates = probe_note(site, port)
    server = subprocess.Popen(command, stdout=log, stderr=log)
    profile = tempfile.mkdtemp(prefix="folio-reload-")
    browser = None
    times = []
    try:
        wait_for(f"{name} to serve its first build", lambda: get(base + "/")[0] == 200, 600)
        url = wait_for(f"{name} to serve the note", lambda: next((u for u in candidates if get(u)[0] == 200), None), 60)
        browser, target = start_chromium(chromium, profile)
        tab = Socket(target)
        tab.call("Page.enable")
        tab.call("Page.navigate", url=url)
        wait_for("the note to load", lambda: tab.evaluate("document.readyState") == "complete", 60)
        time.sleep(1)  # let the live-reload script connect
        for round in range(rounds):
            word = f"reloadprobe{round}x{os.getpid()}"
            # textContent, not innerText: innerText lays the page out on every poll, and
            # polling a large page every 2 ms that way takes the processor from the very
            # reload being timed.
            probe = f"document.body !== null && document.body.textContent.includes({json.dumps(word)})"
            saved = time.monotonic()
            with open(note, "w", encoding="utf-8") as f:
                f.write(f"{original}\n\n{word}\n")
            wait_for(f"{name} to reload round {round}", lambda: tab.evaluate(probe), 120)
            times.append((time.monotonic() - saved) * 1000)
            time.sleep(settle)
    finally:
        with open(note, "w", encoding="utf-8") as f:
            f.write(original)
        stop(browser)
        stop(server)
        shutil.rmtree(profile, ignore_errors=True)
    return times


def main():
    p = arguments(__doc__, "seconds between rounds (default 3)")
    p.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    a = p.parse_args()
    rows = []
    with open(a.log, "a") as log:
        for label, name, cmd, site, port in servers(a):
            rows.append((label, measure(name, cmd, site, port, a.rounds, log, a.settle, a.chromium)))
    print("| server | save-to-reloaded median ms | min ms | max ms | rounds |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, times in rows:
        print(f"| {name} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} | {len(times)} |")


if __name__ == "__main__":
    main()

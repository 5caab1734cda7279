#!/usr/bin/env python3
"""Save-to-served latency of a dev server: `folio serve` and `hugo server`, side by side.

For each tool: start its dev server on a corpus written by gen.py, wait for the first
build, then ROUNDS times append a unique word to one note (the middle one by file name),
and poll the note's URL over HTTP until the served page contains the word. The time from
the write to the first response that has it is the save-to-served latency. The note is
restored when the run ends, also on failure.

    python3 bench/latency.py --folio target/release/folio --folio-site bench/.work/corpus-10000 \
        --hugo-site bench/.work/corpus-10000-hugo [--rounds 10]

Standard library only. Prints one Markdown table row per tool (median, min, max ms).
"""

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (urllib.error.URLError, ConnectionError, socket.timeout):
        return 0, ""


def wait_for(what, check, limit):
    started = time.monotonic()
    while time.monotonic() - started < limit:
        value = check()
        if value:
            return value
        time.sleep(0.002)
    sys.exit(f"latency.py: gave up after {limit} s waiting for {what}")


def middle_note(site):
    notes = sorted(
        f for f in os.listdir(os.path.join(site, "content", "notes")) if f.endswith(".md") and not f.startswith("_")
    )
    return os.path.join(site, "content", "notes", notes[len(notes) // 2])


def probe_note(site, port):
    """The note every round edits, its text, the server's base URL and the note's URLs."""
    note = middle_note(site)
    base = f"http://127.0.0.1:{port}"
    stem = os.path.basename(note)[:-3]
    # folio drops the Jekyll date prefix from the slug; Hugo keeps the file name.
    candidates = [f"{base}/notes/{stem[11:]}/", f"{base}/notes/{stem}/"]
    return note, open(note, encoding="utf-8").read(), base, candidates


def servers(a):
    """(row label, name, command, site, port) of each dev server the arguments ask for."""
    out = []
    if a.folio and a.folio_site:
        port = free_port()
        out.append(("folio serve", "folio", [a.folio, "-C", a.folio_site, "serve", "--port", str(port)],
                    a.folio_site, port))
    if a.hugo_site:
        port = free_port()
        out.append(("hugo server", "hugo", ["hugo", "server", "-s", a.hugo_site, "--port", str(port), "--bind",
                                            "127.0.0.1", "--baseURL", f"http://127.0.0.1:{port}/", "--quiet"],
                    a.hugo_site, port))
    return out


def stop(process):
    """Ends a server or browser started by a measurement (if it was)."""
    if process is None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def measure(name, command, site, port, rounds, log, settle):
    note, original, base, candidates = probe_note(site, port)
    server = subprocess.Popen(command, stdout=log, stderr=log)
    times = []
    try:
        started = time.monotonic()
        wait_for(f"{name} to serve its first build", lambda: get(base + "/")[0] == 200, 600)
        first = time.monotonic() - started
        url = None
        for round in range(rounds):
            word = f"latencyprobe{round}x{os.getpid()}"
            saved = time.monotonic()
            with open(note, "w", encoding="utf-8") as f:
                f.write(f"{original}\n\n{word}\n")

            def served():
                for u in [url] if url else candidates:
                    if word in get(u)[1]:
                        return u
                return None

            url = wait_for(f"{name} to serve round {round}", served, 120)
            times.append((time.monotonic() - saved) * 1000)
            time.sleep(settle)  # the next save meets an idle server (or not: see --settle)
    finally:
        with open(note, "w", encoding="utf-8") as f:
            f.write(original)
        stop(server)
    return first, times


def arguments(doc, settle_help):
    """The options latency.py and reload.py share (servers, corpora, rounds, settle, log)."""
    p = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    p.add_argument("--folio", help="folio binary")
    p.add_argument("--folio-site", help="folio corpus (gen.py --out)")
    p.add_argument("--hugo-site", help="Hugo corpus (gen.py --hugo)")
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--settle", type=float, default=3.0, help=settle_help)
    p.add_argument("--log", default=os.devnull, help="servers' output goes here")
    return p


def main():
    p = arguments(__doc__, "seconds between a round's text being served and the next save (default 3: "
                           "each save meets a server that has finished rebuilding; 0.5 measures saves "
                           "that land while the previous rebuild still runs)")
    a = p.parse_args()
    rows = []
    with open(a.log, "a") as log:
        for label, name, cmd, site, port in servers(a):
            rows.append((label, *measure(name, cmd, site, port, a.rounds, log, a.settle)))
    print("| server | first build s | save-to-served median ms | min ms | max ms | rounds |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, first, times in rows:
        print(f"| {name} | {first:.1f} | {statistics.median(times):.0f} | {min(times):.0f} | {max(times):.0f} "
              f"| {len(times)} |")


if __name__ == "__main__":
    main()

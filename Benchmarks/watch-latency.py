#!/usr/bin/env python3
"""Latency of `crosscheck watch`: from a file landing in the inbox to the exports being rewritten.

Usage: watch-latency.py BINARY WORKDIR [--documents 1000] [--drops 200] [--claims-per-doc 15]

Makes an inbox of DOCUMENTS synthetic sources (make-synthetic-corpus.py), starts the watcher on it, then
drops DROPS pages of about 50 KB one after another (each written beside the inbox and renamed in, as a
browser's download does) and times each from the rename to the watcher's batch line, which it prints once
the new corpus has been swapped in. Prints p50, p90, p99 and the worst, and the watcher's own batch times.
"""
import argparse, json, os, random, subprocess, sys, threading, time, queue

SENTENCES = [
    "Analysts expect the sector to remain competitive.", "The company did not comment on its plans.",
    "Customers have welcomed the new services.", "Managers describe the market as demanding.",
    "The board has not yet decided.", "Competition from imports has intensified.",
    "Several projects are still under review.", "Local officials praised the investment.",
    "Exporters say shipping delays have eased.", "Farmers hope for better prices after the harvest.",
    "The ministry is expected to publish its own assessment.", "Industry groups asked for clearer rules on licensing.",
    "Ports on the west coast have added capacity.", "Students and tourists continue to travel in both directions.",
    "Observers caution that forecasts remain uncertain.", "Talks on a broader arrangement continue at the working level.",
]


SYLLABLES = ["var", "hol", "mir", "tan", "bel", "dor", "kast", "lun", "ver", "ost", "pra", "zel", "mon", "rik", "sel",
             "ath", "cor", "nev", "bra", "til"]


def title(number):
    """A distinct headline per page, as real pages have (so citation keys do not all clash)."""
    word = SYLLABLES[number % 20] + SYLLABLES[number // 20 % 20] + SYLLABLES[number // 400 % 20]
    return f"{word.capitalize()} port reports on trade"


def page(number, rng):
    """An HTML page of about 50 KB: navigation, a headline, paragraphs, a few figures, a footer."""
    paragraphs = []
    size = 0
    while size < 48_000:
        text = "<p>" + " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(4, 9))) + "</p>"
        if len(paragraphs) % 6 == 0:
            text = (f"<p>Two-way trade with partner {number} reached C${rng.randint(2, 90)}.{rng.randint(0, 9)} billion in "
                    f"{rng.choice([2021, 2022, 2023])}, up {rng.randint(2, 30)} per cent.</p>")
        paragraphs.append(text)
        size += len(text)
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{title(number)}</title>"
            f"<meta property='article:published_time' content='2024-0{1 + number % 9}-1{number % 10}'></head><body>"
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><h1>{title(number)}</h1>"
            + "\n".join(paragraphs) + "</main><footer>Terms · Privacy · Contact</footer></body></html>")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("work")
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--drops", type=int, default=200)
    ap.add_argument("--claims-per-doc", type=int, default=15)
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()

    inbox, output, staging = (os.path.join(args.work, name) for name in ("inbox", "out", "staging"))
    here = os.path.dirname(os.path.abspath(__file__))
    subprocess.run([sys.executable, os.path.join(here, "make-synthetic-corpus.py"), "--claims",
                    str(args.documents * args.claims_per_doc), "--claims-per-doc", str(args.claims_per_doc), "--out", inbox],
                   check=True, stdout=subprocess.DEVNULL)
    planted = os.path.join(inbox, "planted.json")
    if os.path.exists(planted):
        os.rename(planted, os.path.join(args.work, "planted.json"))
    os.makedirs(staging, exist_ok=True)
    documents = sum(len(files) for _, _, files in os.walk(inbox))

    watcher = subprocess.Popen([args.binary, "watch", inbox, "-o", output, "--log-format", "json", "--jobs", str(args.jobs)],
                               stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put((time.monotonic(), json.loads(l))) for l in watcher.stderr if l.startswith("{")],
                     daemon=True).start()

    def next_event(name, timeout=300):
        deadline = time.monotonic() + timeout
        while True:
            at, event = lines.get(timeout=max(0.01, deadline - time.monotonic()))
            if event.get("event") == name:
                return at, event

    started = time.monotonic()
    _, ready = next_event("ready")
    print(f"inbox: {documents} documents, {ready['claims']} claims; first build {time.monotonic() - started:.2f} s")

    rng = random.Random(11)
    latencies, own, stages = [], [], {}
    for number in range(args.drops):
        name = f"drop-{number:04d}.html"
        path = os.path.join(staging, name)
        with open(path, "w") as f:
            f.write(page(number, rng))
        landed = time.monotonic()
        os.rename(path, os.path.join(inbox, name))
        at, batch = next_event("batch")
        if name not in batch.get("added", []):
            print(f"warning: batch for {name} added {batch.get('added')}", file=sys.stderr)
        latencies.append(at - landed)
        own.append(batch["seconds"])
        for stage, seconds in batch.get("timings", {}).items():
            stages.setdefault(stage, []).append(seconds)
    watcher.terminate()
    watcher.wait(timeout=60)

    def pct(values, p):
        ordered = sorted(values)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    ms = lambda s: f"{s * 1000:.0f} ms"
    print(f"drops: {args.drops} pages of ~50 KB into {documents}..{documents + args.drops} documents")
    print(f"landing -> exports updated: p50 {ms(pct(latencies, 50))}, p90 {ms(pct(latencies, 90))}, "
          f"p99 {ms(pct(latencies, 99))}, max {ms(max(latencies))}")
    print(f"watcher's batch time:       p50 {ms(pct(own, 50))}, p90 {ms(pct(own, 90))}, p99 {ms(pct(own, 99))}")
    print("median per stage:           " + ", ".join(f"{stage} {ms(pct(values, 50))}" for stage, values in stages.items()))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""How many relations one new page disturbs that it has no part in.

Usage: relation-churn.py BINARY WORKDIR [--documents 1000] [--drops 10] [--claims-per-doc 15]

Makes an inbox of DOCUMENTS synthetic sources (make-synthetic-corpus.py), builds it, then adds DROPS pages of about
50 KB (the pages of watch-latency.py) one at a time, building after each. For each page it compares the relations of
the build before with those after, by id: relations that appeared with a claim of the new page are the page's own;
every other relation that appeared, went or changed (confidence, wording) is one the page disturbed. An incremental
relation engine has to redo at least that much; a reader diffing two days' corpora sees it as noise.
"""
import argparse, importlib.util, json, os, random, shutil, statistics, subprocess, sys

KINDS = ("agreements", "changes", "contradictions", "qualifier-differences")


def relations(folder):
    found = {}
    for kind in KINDS:
        with open(os.path.join(folder, kind + ".jsonl")) as f:
            for line in f:
                relation = json.loads(line)
                found[relation["id"]] = relation
    return found


def claim_ids(folder):
    with open(os.path.join(folder, "claims.jsonl")) as f:
        return {json.loads(line)["id"] for line in f}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("work")
    ap.add_argument("--documents", type=int, default=1000)
    ap.add_argument("--drops", type=int, default=10)
    ap.add_argument("--claims-per-doc", type=int, default=15)
    args = ap.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("watch_latency", os.path.join(here, "watch-latency.py"))
    pages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pages)

    inbox = os.path.join(args.work, "inbox")
    subprocess.run([sys.executable, os.path.join(here, "make-synthetic-corpus.py"), "--claims",
                    str(args.documents * args.claims_per_doc), "--claims-per-doc", str(args.claims_per_doc), "--out", inbox],
                   check=True, stdout=subprocess.DEVNULL)
    for name in ("planted.json",):
        if os.path.exists(os.path.join(inbox, name)):
            os.remove(os.path.join(inbox, name))

    def build(number):
        output = os.path.join(args.work, f"out{number}")
        subprocess.run([args.binary, "build", inbox, "-o", output, "--quiet"], check=True)
        return output

    rng = random.Random(11)
    before = build(0)
    disturbed = []
    print(f"{'page':>4} {'relations':>10} {'its own':>8} {'disturbed':>10}  (appeared / gone / changed)")
    for number in range(args.drops):
        with open(os.path.join(inbox, f"drop-{number:04d}.html"), "w") as f:
            f.write(pages.page(number, rng))
        after = build(number + 1)
        old, new = relations(before), relations(after)
        new_claims = claim_ids(after) - claim_ids(before)
        appeared = [i for i in new.keys() - old.keys()]
        own = [i for i in appeared if any(claim["id"] in new_claims for claim in new[i]["claims"])]
        others = len(appeared) - len(own)
        gone = len(old.keys() - new.keys())
        changed = sum(1 for i in old.keys() & new.keys() if old[i] != new[i])
        disturbed.append(others + gone + changed)
        print(f"{number + 1:>4} {len(new):>10} {len(own):>8} {disturbed[-1]:>10}  ({others} / {gone} / {changed})")
        shutil.rmtree(before)
        before = after
    print(f"relations disturbed per page: median {statistics.median(disturbed):.0f}, mean {statistics.mean(disturbed):.0f}, "
          f"max {max(disturbed)}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Report how many planted contradictions a corpus found: check-planted.py PLANTED.json OUTPUT_DIR"""
import json, sys

planted = json.load(open(sys.argv[1]))["planted"]
found_texts = set()
with open(f"{sys.argv[2]}/contradictions.jsonl", encoding="utf-8") as f:
    for line in f:
        relation = json.loads(line)
        for claim in relation["claims"]:
            found_texts.add((claim["source"]["path"], claim["text"]))
found = sum((p["file"], p["text"]) in found_texts for p in planted)
print(f"planted contradictions found: {found} of {len(planted)}")
sys.exit(0 if found == len(planted) else 1)

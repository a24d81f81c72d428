#!/usr/bin/env python3
"""make-diff-inboxes.py - write two inboxes for Benchmarks/diff-speed.sh.

Usage: make-diff-inboxes.py OUT_DIR [CLAIMS] [CLAIMS_PER_FILE] [EDIT_EVERY]

Writes OUT_DIR/old and OUT_DIR/new: Markdown files of CLAIMS_PER_FILE sentences
each (five sections), every sentence a checkable claim (an amount, a year).
In `new`, one sentence in EDIT_EVERY has its amount edited (1 % by default),
spread so that every file is touched: every document is "modified" and every
one of them goes through claim matching, the slow path. The text is made from
a fixed seed: the same arguments always give the same bytes.
"""
import os
import random
import sys


def words(rng, count):
    syllables = ["ka", "to", "mi", "ra", "ne", "su", "lo", "vi", "da", "pe", "ri", "gu", "ban", "tor", "mel", "sin"]
    vocabulary = set()
    while len(vocabulary) < count:
        vocabulary.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    vocabulary = sorted(vocabulary)
    rng.shuffle(vocabulary)
    return vocabulary


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    claims = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    edit_every = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    rng = random.Random(20261121)
    vocabulary = words(rng, 4000)
    # A Zipf-like pick: a few words are everywhere, most are rare, as in real prose.
    weights = [1.0 / (rank + 1) for rank in range(len(vocabulary))]
    verbs = ["reached", "totalled", "rose to", "fell to", "stood at", "climbed to"]
    subjects = ["exports of", "imports of", "investment in", "spending on", "trade in", "sales of"]
    for side in ("old", "new"):
        os.makedirs(os.path.join(out, side), exist_ok=True)
    index = 0
    files = (claims + per_file - 1) // per_file
    for file_number in range(files):
        old_sections, new_sections = [], []
        count = min(per_file, claims - index)
        per_section = max(1, (count + 4) // 5)
        for section in range(0, count, per_section):
            heading = " ".join(rng.choices(vocabulary, weights, k=2)).capitalize()
            old_sentences, new_sentences = [], []
            for _ in range(min(per_section, count - section)):
                topic = " ".join(rng.choices(vocabulary, weights, k=rng.randint(2, 5)))
                place = rng.choice(vocabulary).capitalize()
                year = rng.randint(1990, 2025)
                amount = rng.randint(10, 999) / 10
                template = "In {year}, {subject} {topic} from {place} {verb} C${amount} billion, according to the {source} figures."
                fields = dict(year=year, subject=rng.choice(subjects), topic=topic, place=place, verb=rng.choice(verbs),
                              source=rng.choice(vocabulary), amount=amount)
                sentence = template.format(**fields)
                old_sentences.append(sentence)
                if index % edit_every == edit_every // 2:
                    fields["amount"] = round(amount + 0.3, 1)
                    sentence = template.format(**fields)
                new_sentences.append(sentence)
                index += 1
            paragraphs = lambda sentences: "\n\n".join(" ".join(sentences[i:i + 5]) for i in range(0, len(sentences), 5))
            old_sections.append(f"## {heading}\n\n{paragraphs(old_sentences)}\n")
            new_sections.append(f"## {heading}\n\n{paragraphs(new_sentences)}\n")
        title = f"# Report {file_number:05d} on {' '.join(rng.choices(vocabulary, k=3))}\n\n"
        for side, sections in (("old", old_sections), ("new", new_sections)):
            with open(os.path.join(out, side, f"report-{file_number:05d}.md"), "w", encoding="utf-8") as handle:
                handle.write(title + "\n".join(sections))
    print(f"{files} files, {claims} sentences, {claims // edit_every} edited")


if __name__ == "__main__":
    main()

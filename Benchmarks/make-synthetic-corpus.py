#!/usr/bin/env python3
"""Write a synthetic but realistic inbox for scale benchmarks.

Usage: make-synthetic-corpus.py --claims N --out DIR [--claims-per-doc 40] [--seed 7]

Documents look like copied news or company pages: a title, a "Published:" line, sections with headings,
paragraphs mixing figures (revenue, employees, sites, ranks, years) with ordinary sentences. Every
(entity, metric, year) has one true value; a share of documents state a different value for one of them
(a planted contradiction) or the value for another year (a change). DIR/planted.json lists the planted
contradictions as pairs of sentences so a checker can tell whether each was found.
Standard library only; deterministic for a given seed.
"""
import argparse, json, os, random

SYLLABLES = ["var", "hol", "quess", "mir", "tan", "bel", "dor", "kast", "lun", "ver", "ost", "pra", "zel", "mon", "rik",
             "sel", "ath", "cor", "nev", "bra", "til", "gor", "fen", "ush", "lam", "pel", "dro", "vin", "sa", "ke"]
SECTORS = ["Logistics", "Mining", "Foods", "Energy", "Robotics", "Textiles", "Shipping", "Pharma", "Software", "Aviation"]
UNITS = {"Logistics": "warehouses", "Mining": "mines", "Foods": "plants", "Energy": "power stations", "Robotics": "factories",
         "Textiles": "mills", "Shipping": "terminals", "Pharma": "laboratories", "Software": "offices", "Aviation": "hangars"}
REGIONS = ["Northland", "Eastmark", "Southvale", "Westmere", "Midreach", "Highcoast"]
FILLER = [
    "Analysts expect the sector to remain competitive.", "The company did not comment on its plans.",
    "Customers have welcomed the new services.", "Managers describe the past year as demanding.",
    "The board meets again next quarter.", "Competition from imports has intensified.",
    "Several projects are still under review.", "Local officials praised the investment.",
]
ORDINALS = ["", "largest", "second-largest", "third-largest", "fourth-largest", "fifth-largest", "sixth-largest"]


def name(rng):
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--claims", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--claims-per-doc", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)

    entity_count = max(10, args.claims // 25)
    entities = []
    seen = set()
    while len(entities) < entity_count:
        base = name(rng)
        sector = rng.choice(SECTORS)
        full = f"{base} {sector}"
        # Names are unique, as real company names are: no "Riklam Aviation" beside "Riklam Textiles".
        if base in seen:
            continue
        seen.add(base)
        entities.append({"name": full, "sector": sector, "region": rng.choice(REGIONS),
                         "revenue": {y: round(rng.uniform(20, 900), 1) for y in range(2016, 2025)},
                         "employees": {y: rng.randrange(200, 40000, 10) for y in range(2016, 2025)},
                         "sites": rng.randint(3, 90), "rank": rng.randint(1, 6)})

    def sentence(entity, metric, year, value):
        n = entity["name"]
        if metric == "revenue":
            return rng.choice([f"In {year}, {n} reported revenue of ${value} million.",
                               f"{n} posted revenue of ${value} million in {year}.",
                               f"Revenue at {n} reached ${value} million in {year}."])
        if metric == "employees":
            return rng.choice([f"{n} employed {value:,} people in {year}.", f"In {year}, {n} had {value:,} employees."])
        if metric == "sites":
            return f"{n} operates {value} {UNITS[entity['sector']]} across {entity['region']}."
        return f"{n} is {entity['region']}’s {ORDINALS[value]} {entity['sector'].lower()} company."

    planted = []
    docs = max(1, args.claims // args.claims_per_doc)
    written = 0
    pending_truths = []  # a planted error is only findable if another source states the true figure
    for d in range(docs):
        year_published = rng.randint(2017, 2025)
        subjects = rng.sample(entities, k=min(len(entities), 5))
        lines = [f"{subjects[0]['name']} and peers: the {subjects[0]['sector'].lower()} market in review",
                 "", f"Published: {year_published}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", ""]
        per_entity = args.claims_per_doc // len(subjects)
        for entity in subjects:
            lines += [f"{entity['name']} in numbers", ""]
            paragraph = []
            for _ in range(per_entity):
                metric = rng.choice(["revenue", "revenue", "employees", "employees", "sites", "rank"])
                year = rng.randint(2016, min(2024, year_published))
                if metric in ("revenue", "employees"):
                    value = entity[metric][year]
                else:
                    value = entity[metric]
                truth = sentence(entity, metric, year, value)
                if metric in ("revenue", "employees") and rng.random() < 0.02:
                    # A planted contradiction: a clearly different figure for the same thing in the same stated year.
                    wrong = round(value * 1.4, 1) if metric == "revenue" else (value * 2 if metric == "sites" else value + 5000)
                    text = sentence(entity, metric, year, wrong)
                    planted.append({"file": f"doc-{d:06d}.txt", "text": text, "entity": entity["name"], "metric": metric,
                                    "year": year if metric != "sites" else None, "true": value, "stated": wrong})
                    pending_truths.append((d, truth))
                else:
                    text = truth
                paragraph.append(text)
                written += 1
                if rng.random() < 0.3:
                    paragraph.append(rng.choice(FILLER))
            lines += [" ".join(paragraph), ""]
        earlier = [truth for source, truth in pending_truths if source < d]
        if earlier and (rng.random() < 0.5 or len(earlier) > 8):
            lines += ["Figures from other reports", "", " ".join(earlier), ""]
            written += len(earlier)
            pending_truths = [(source, truth) for source, truth in pending_truths if source >= d]
        with open(os.path.join(args.out, f"doc-{d:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    if pending_truths:
        # The last documents' planted errors still need a source that states the true figure.
        lines = ["Figures from other reports", "", "Published: 2025-12-28", "", " ".join(truth for _, truth in pending_truths), ""]
        written += len(pending_truths)
        with open(os.path.join(args.out, f"doc-{docs:06d}.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        docs += 1
    with open(os.path.join(args.out, "..", os.path.basename(args.out.rstrip("/")) + "-planted.json"), "w", encoding="utf-8") as f:
        json.dump({"documents": docs, "claims": written, "planted": planted}, f, indent=1)
    print(f"wrote {docs} documents, {written} figure sentences, {len(planted)} planted contradictions")


if __name__ == "__main__":
    main()

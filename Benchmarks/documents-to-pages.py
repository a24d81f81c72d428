#!/usr/bin/env python3
"""Turn a corpus's documents.jsonl into one JSON file per page, as score_extraction.py reads them.

Usage: documents-to-pages.py DOCUMENTS_JSONL OUT_DIR

For every document it writes OUT_DIR/<page id>.json, where the page id is the source file name
without its extension, holding:
    "text"   the sections' text, each section's heading (below the title) before its text,
             joined with blank lines
    "title"  the document's title
    "date"   the published date, else the modified date (ISO, as in the corpus), else null
    "author" the authors joined with "; "
Python 3.8+, standard library only.
"""
import json
import os
import sys


def page_id(path):
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    return stem if ext.lower() in (".html", ".htm", ".xhtml", ".txt", ".md") else name


def main_text(document):
    parts = []
    for section in document.get("sections", []):
        heading = (section.get("heading") or "").strip()
        if heading and section.get("level", 1) > 1:
            parts.append(heading)
        text = (section.get("text") or "").strip()
        if text:
            parts.append(text)
    return "\n\n".join(parts)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    count = 0
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            document = json.loads(line)
            date = (document.get("published") or document.get("modified") or {}).get("date")
            page = {
                "text": main_text(document),
                "title": document.get("title"),
                "date": date,
                "author": "; ".join(document.get("authors") or []) or None,
            }
            with open(os.path.join(out_dir, page_id(document["source"]["path"]) + ".json"), "w", encoding="utf-8") as out:
                json.dump(page, out, ensure_ascii=False)
            count += 1
    print(f"documents-to-pages: {count} pages written to {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main()

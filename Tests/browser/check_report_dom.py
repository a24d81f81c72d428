"""Checks the DOM Chromium rendered from report.html (``chromium --dump-dom``) against manifest.json.

Usage: check_report_dom.py DOM.html manifest.json [screenshot.png] [--limit N]
Exits 0 and prints one line when every check holds; else prints each failure and exits 1.

The report lists every contradiction and at most N (default 200, as ReportContent.defaultLimit) of each other
kind of relation; a section that lists fewer than the corpus holds ends with a line (data-unlisted) saying how
many more there are and which file has them all.
Standard library only, so that nothing but Chromium and Python is needed.
"""

import json
import struct
import sys
import zlib
from html.parser import HTMLParser

DEFAULT_LIMIT = 200

# Elements and attributes that would load something from elsewhere, or run something.
FETCHING_TAGS = {"script", "link", "img", "iframe", "frame", "object", "embed", "video", "audio", "source", "track", "picture", "base", "svg"}
FETCHING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "formaction", "action", "ping"}


class Report(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.hrefs, self.kinds, self.tags = [], [], [], set()
        self.fetching, self.sources, self.claims, self.summary = [], 0, 0, {}
        self.styles, self.has_csp, self._in_style, self._count = [], False, False, None
        self.unlisted = {}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        classes = (attributes.get("class") or "").split()
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"] or "")
        if "data-kind" in attributes:
            self.kinds.append(attributes["data-kind"])
        if "data-unlisted-kind" in attributes:
            kind = attributes["data-unlisted-kind"]
            self.unlisted[kind] = self.unlisted.get(kind, []) + [int(attributes.get("data-unlisted") or -1)]
        if tag == "article" and "source" in classes:
            self.sources += 1
        if tag == "li" and "claim" in classes:
            self.claims += 1
        if tag in FETCHING_TAGS:
            self.fetching.append(f"<{tag}>")
        for name, value in attrs:
            if name in FETCHING_ATTRIBUTES or name.startswith("on"):
                self.fetching.append(f"<{tag} {name}={value!r}>")
            if name == "style" and value and ("url(" in value or "@import" in value):
                self.fetching.append(f"<{tag} style={value!r}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.has_csp = "default-src 'none'" in (attributes.get("content") or "")
        self._in_style = tag == "style"
        self._count = attributes.get("data-count")

    def handle_endtag(self, tag):
        self._in_style = False
        self._count = None

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)
        if self._count is not None and data.strip():
            self.summary[self._count] = int(data.strip())


def screenshot_problems(path):
    """A PNG of 1280 x 2000 pixels that is not a blank page."""
    with open(path, "rb") as png:
        data = png.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return [f"{path} is not a PNG"]
    width, height = struct.unpack(">II", data[16:24])
    problems = [] if (width, height) == (1280, 2000) else [f"screenshot is {width}x{height}, not 1280x2000"]
    idat, position = b"", 8
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        if kind == b"IDAT":
            idat += data[position + 8:position + 8 + length]
        position += 12 + length
    pixels = zlib.decompress(idat)
    inked = sum(1 for byte in pixels[::7] if byte not in (0, 255)) / max(1, len(pixels[::7]))
    if inked < 0.01:
        problems.append("screenshot looks blank")
    return problems


def main():
    arguments, limit = sys.argv[1:], DEFAULT_LIMIT
    if "--limit" in arguments:
        at = arguments.index("--limit")
        limit = int(arguments[at + 1])
        del arguments[at:at + 2]
    dom_path, manifest_path = arguments[0], arguments[1]
    with open(dom_path, encoding="utf-8") as dom:
        report = Report()
        report.feed(dom.read())
    with open(manifest_path, encoding="utf-8") as manifest_file:
        counts = json.load(manifest_file)["counts"]

    problems = []
    expected = {
        "contradiction": counts["contradictions"], "change_over_time": counts["changes"],
        "agreement": counts["agreements"], "different_qualifier": counts["qualifier_differences"],
    }
    listed = {}
    for kind, count in expected.items():
        shown = report.kinds.count(kind)
        listed[kind] = shown
        # Every contradiction is listed; of the other kinds, up to the limit.
        should = count if kind == "contradiction" else min(count, limit)
        if shown != should:
            problems.append(f"{shown} {kind} blocks in the page, {should} expected ({count} in manifest.json, limit {limit})")
        more = report.unlisted.get(kind, [])
        if count > shown and more != [count - shown]:
            problems.append(f"{count - shown} {kind} relations are not listed, but the page says {more or 'nothing'} about them")
        if count <= shown and more:
            problems.append(f"every {kind} relation is listed, but the page says {more} more")
    if report.sources != counts["documents"]:
        problems.append(f"{report.sources} source entries in the page, {counts['documents']} documents in manifest.json")
    if report.claims != counts["claims"]:
        problems.append(f"{report.claims} claims in the page, {counts['claims']} in manifest.json")
    for name, key in [("sources", "documents"), ("claims", "claims"), ("contradictions", "contradictions"), ("changes", "changes"),
                      ("agreements", "agreements"), ("qualifiers", "qualifier_differences"), ("problems", "problems")]:
        if report.summary.get(name) != counts[key]:
            problems.append(f"summary says {report.summary.get(name)} {name}, manifest.json {counts[key]}")

    ids = set(report.ids)
    if len(ids) != len(report.ids):
        problems.append(f"{len(report.ids) - len(ids)} duplicate ids")
    internal = [href[1:] for href in report.hrefs if href.startswith("#")]
    dangling = sorted({target for target in internal if target not in ids})
    if dangling:
        problems.append(f"{len(dangling)} links lead nowhere: {dangling[:5]}")
    other = [href for href in report.hrefs if not href.startswith("#") and not href.lower().startswith(("https://", "http://"))]
    if other:
        problems.append(f"links that are neither in-page nor http(s): {other[:5]}")

    if report.fetching:
        problems.append(f"elements that fetch or run something: {sorted(set(report.fetching))[:5]}")
    style = "".join(report.styles)
    if "url(" in style or "@import" in style:
        problems.append("the stylesheet refers to something outside the page")
    if not report.has_csp:
        problems.append("no Content-Security-Policy forbidding fetches")

    if len(arguments) > 2:
        problems += screenshot_problems(arguments[2])

    if problems:
        for problem in problems:
            print(f"check-report: {problem}", file=sys.stderr)
        return 1
    def shown(kind):
        total = expected[kind]
        return f"{listed[kind]}" if listed[kind] == total else f"{listed[kind]} of {total} (the rest named in one line)"
    print(f"report.html as rendered: {shown('contradiction')} contradictions, {shown('change_over_time')} changes, "
          f"{shown('agreement')} agreements, {report.sources} sources, {report.claims} claims (as in manifest.json, limit {limit}); "
          f"{len(internal)} in-page links resolve; nothing fetched from elsewhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())

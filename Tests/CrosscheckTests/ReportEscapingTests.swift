import Foundation
import Testing
@testable import Crosscheck

/// Whatever a source says, the reports show it as text: no markup, no script, no dangerous link.
@Suite struct ReportEscapingTests {
    /// The tags report.html itself writes; a tag from a source would be something else.
    static let ownTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "div", "header", "h1", "h2", "h3", "h4", "h5", "p", "nav", "ul", "ol", "li", "a", "span",
        "main", "section", "article", "figure", "figcaption", "blockquote", "dl", "dt", "dd", "mark", "code", "strong", "meter", "footer",
    ]

    @Test func htmlEscapesTheFiveReservedCharacters() {
        #expect(Escaping.html(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(Escaping.html("Québec – 東京") == "Québec – 東京")
    }

    @Test func controlCharactersNeverReachAReport() {
        for escaped in [Escaping.html("a\u{1B}[31mb\u{9B}c\nd"), Escaping.markdown("a\u{1B}[31mb\u{9B}c\nd"), Escaping.bibTeX("a\u{1B}[31mb\u{9B}c\nd")] {
            #expect(!escaped.unicodeScalars.contains { ControlCharacters.isControl($0) })
            #expect(escaped.contains("\u{FFFD}") && escaped.hasSuffix("c d"))
        }
    }

    @Test func onlyWebURLsBecomeLinks() {
        for url in ["https://example.org/a?b=1#c", "HTTP://EXAMPLE.ORG", " https://example.org/ "] {
            #expect(WebLink.url(url) != nil, "\(url) should be a link")
        }
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd",
                    "//evil.example/", "https:", "https://", "http:/x", "http://a b", "http://a\u{0}b", "vbscript:msgbox(1)", "ftp://example.org/"] {
            #expect(WebLink.url(url) == nil, "\(url) should not be a link")
        }
    }

    @Test func hostileSourceTextIsInertInHTML() throws {
        let page = HTMLReport.render(ReportFixtures.hostile)
        let tags = Set(try HTMLReportTests.captures(#"<([a-zA-Z][a-zA-Z0-9]*)"#, in: page).map { $0.lowercased() })
        #expect(tags.subtracting(Self.ownTags).isEmpty, "tags from a source: \(tags.subtracting(Self.ownTags).sorted())")
        #expect(!page.lowercased().contains("<script"))
        let hrefs = try HTMLReportTests.captures(#"href="([^"]*)""#, in: page)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#") || $0.hasPrefix("https://") }, "\(hrefs)")
        // The javascript: URL is shown, as text; the https one with quotes in it stays inside its attribute.
        #expect(page.contains("<span class=\"inert-url\">javascript:alert(document.cookie)</span>"))
        #expect(page.contains(#"href="https://example.org/a&quot;onmouseover=&quot;alert(1)""#))
        #expect(page.contains("<h3>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Tom &amp; Jerry&#39;s &quot;best&quot; page</h3>"))
        #expect(page.contains("Revenue was &lt;img src=x onerror=alert(1)&gt; <mark>$5 million</mark> &amp; &quot;rising&quot;"))
        #expect(page.contains("<h5>&lt;/h5&gt;&lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt;</h5>"))
        #expect(page.contains("<code>&lt;svg onload=alert(1)&gt;.html</code> — bad &lt;b&gt;markup&lt;/b&gt; &amp; worse"))
    }

    @Test func hostileSourceTextIsInertInMarkdown() throws {
        let markdown = MarkdownReport.render(ReportFixtures.hostile)
        // Outside code spans (which show their text as it is, and cannot hold a backtick from a source),
        // every `<` is escaped or opens an autolink to an http(s) URL.
        #expect(markdown.contains("`pages/<b>evil</b>.html`"))
        let prose = markdown.replacingOccurrences(of: "`[^`\n]*`", with: "", options: .regularExpression)
        let angles = try HTMLReportTests.captures(#"(?:^|[^\\])(<[^>\s]{0,12})"#, in: prose)
        #expect(angles.allSatisfy { $0.hasPrefix("<https://") || $0.hasPrefix("<http://") }, "\(angles)")
        #expect(!markdown.contains("<javascript:") && !markdown.contains("](javascript"))
        #expect(markdown.contains("javascript:alert(document.cookie)"))
        #expect(markdown.contains(#"\<script\>alert("title")\</script\> Tom &amp; Jerry's "best" page"#))
        #expect(markdown.contains("Revenue was \\<img src=x onerror=alert(1)\\> **\\$5 million** &amp; \"rising\""))
    }

    @Test func hostileSourceTextIsInertInBibTeX() {
        let bib = BibTeX.render(ReportFixtures.hostile.documents)
        #expect(!bib.contains("javascript:"), "only web URLs go in the url field")
        #expect(bib.contains("@misc{evil2024revenue,"))
        #expect(bib.contains("title = {{<script>alert(\"title\")</script> Tom \\& Jerry's \"best\" page}}"))
        #expect(BibTeXTests.bracesBalance(bib))
    }
}

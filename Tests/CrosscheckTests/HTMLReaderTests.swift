import Foundation
import Testing
@testable import Crosscheck

/// The HTML samples in the inbox come out with their metadata, the evidence for it, and their content only.
@Suite struct HTMLReaderTests {
    let corpus = TestSupport.seedCorpus

    @Test func governmentPageMetadataAndEvidence() throws {
        let document = try #require(TestSupport.document("gac-japan-trade-2024.html"))
        #expect(document.title == "Canada-Japan trade and investment")
        #expect(document.site == "Global Affairs Canada")
        #expect(document.evidence["site"] == "meta[property=\"og:site_name\"]")
        #expect(document.url?.hasPrefix("https://www.international.gc.ca/") == true)
        #expect(document.evidence["url"] == "link[rel=\"canonical\"]")
        #expect(document.language == "en")
        #expect(document.published == DatedValue(date: "2024-05-14", precision: .day, evidence: "meta[name=\"dcterms.issued\"]"))
        #expect(document.modified == DatedValue(date: "2024-11-02", precision: .day, evidence: "meta[name=\"dcterms.modified\"]"))
        #expect(document.source.format == .html)
    }

    @Test func governmentPageKeepsContentAndDropsChrome() throws {
        let document = try #require(TestSupport.document("gac-japan-trade-2024.html"))
        let text = TestSupport.allText(document)
        #expect(text.contains("Canadian merchandise exports to Japan totalled C$15.8 billion"))
        // A heading of level 3 sits under its level-2 parent.
        let services = try #require(document.sections.first { $0.heading == "Services trade" })
        #expect(services.level == 3 && services.path.count == 3 && services.path[1] == "Merchandise trade")
        // Table rows become one block each, cells separated.
        #expect(text.contains("2023 | 15.8 | 20.7 | 36.5"))
        for chrome in ["72 per cent of visitors", "All 35 regional trade offices", "Report a problem", "Language selection", "Skip to main content", "On this page"] {
            #expect(!text.contains(chrome), "chrome left in: \(chrome)")
        }
        #expect(!corpus.claims.contains { $0.document == document.id && $0.text.contains("72 per cent") })
    }

    /// The publication date from the meta tag that says "published" (the JSON-LD agrees), the modification and the
    /// author from JSON-LD.
    @Test func newsArticleTakesItsDatesAndAuthorFromMetadata() throws {
        let document = try #require(TestSupport.document("news-carney-tokyo-summit.html"))
        #expect(document.title == "Carney and Takaichi pledge LNG, critical minerals push at Tokyo summit")
        #expect(document.evidence["title"] == "meta[property=\"og:title\"]")
        #expect(document.authors == ["Jane Doe"])
        #expect(document.evidence["authors"] == "JSON-LD author")
        #expect(document.site == "Pacific Ledger")
        #expect(document.published == DatedValue(date: "2026-03-07", precision: .day, evidence: "meta[property=\"article:published_time\"]"))
        #expect(document.modified?.evidence == "JSON-LD dateModified")
        let text = TestSupport.allText(document)
        for chrome in ["Subscribe from US$1", "250,000 professionals", "seventh-largest", "June 2025, not July", "Nikkei"] {
            #expect(!text.contains(chrome), "chrome left in: \(chrome)")
        }
    }

    @Test func latin1PageHasNoMojibake() throws {
        let document = try #require(TestSupport.document("jcci-latin1-bulletin.html"))
        #expect(document.source.encoding.hasPrefix("windows-1252"))
        #expect(document.source.encoding.contains("declared iso-8859-1"))
        let text = TestSupport.allText(document) + (document.title ?? "")
        for word in ["Québec", "Montréal", "café", "février"] { #expect(text.contains(word), "missing \(word)") }
        for mojibake in ["Ã©", "Ã¨", "Ã§", "\u{FFFD}"] { #expect(!text.contains(mojibake), "mojibake \(mojibake)") }
        #expect(document.published?.date == "2025-02-12")
        #expect(document.published?.evidence.hasPrefix("text:") == true)
    }

    @Test func blogPostKeepsHeadingLevelsAndDropsWidgets() throws {
        let document = try #require(TestSupport.document("blog-japan-canada-lng.htm"))
        #expect(document.authors == ["Alex Martin"])
        #expect(document.published?.date == "2025-07-15")
        #expect(document.sections.map(\.level).contains(3))
        let text = TestSupport.allText(document)
        #expect(!text.contains("Mitsubishi's stake is 25 per cent"), "a comment became content")
        #expect(!text.contains("Popular posts"))
    }

    @Test func truncatedPageIsReadAndFlagged() throws {
        let page = "<!DOCTYPE html><html><head><title>Cut</title></head><body><h1>Cut short</h1><p>Trade reached C$35 billion in 2023.</p><p>The rest of this para"
        let processed = try TestSupport.processText(page, name: "cut.html")
        #expect(processed.warnings.contains { $0.contains("truncated") })
        #expect(processed.claims.contains { $0.text == "Trade reached C$35 billion in 2023." })
        #expect(HTMLReader.isTruncated(page))
        #expect(!HTMLReader.isTruncated("<html><body><p>Complete.</p></body></html>\n"))
    }

    @Test func scriptStyleAndHiddenTextNeverBecomeContent() throws {
        let page = """
            <html><head><style>p { color: red }</style><script>var price = "$99 billion";</script></head>
            <body><main><h1>Figures</h1><p>Exports grew 4.0 per cent in 2023.</p>
            <p hidden>Secret 12 per cent</p><div style="display: none">Hidden 13 per cent</div>
            <div class="cookie-banner">We use cookies on 72 per cent of pages.</div>
            <ul class="share-tools"><li><a href="#">Share 14 times</a></li></ul></main></body></html>
            """
        let processed = try TestSupport.processText(page, name: "figures.html")
        let text = TestSupport.allText(processed.document)
        #expect(text.contains("Exports grew 4.0 per cent in 2023."))
        for hidden in ["$99 billion", "color: red", "Secret", "Hidden", "cookies", "Share 14"] { #expect(!text.contains(hidden), "\(hidden)") }
    }

    /// Page builders wrap every block in a "widget" (`elementor-widget-container`), and CMSs file posts under class names
    /// such as `category-social` or `language-0`: neither makes the article chrome. A sidebar's `widget` and a
    /// call-to-action box still are.
    @Test func builderWidgetsAndTaxonomyClassesKeepTheirArticle() throws {
        let page = """
            <html><body class="single-post cookies-set"><nav><a href="/">Home</a><p>Sections and services of the city hall</p></nav>
            <section class="page-1811 pagelevel-2 language-0 backend">
            <div class="post post-8259 status-publish category-social tag-comments has-sidebar">
            <div class="elementor-widget-wrap"><div class="elementor-element elementor-widget elementor-widget-text-editor">
            <div class="elementor-widget-container"><h1>Repair café reopens</h1>
            <p>The repair café reopened on 27 January 2020 with 14 volunteers.</p>
            <p>Visitors brought 35 appliances on the first afternoon.</p></div></div></div>
            <div class="smg-zone-widget smg-zone-widget-custom-cta-letter"><p>Support our newsroom with 5 dollars a month.</p></div>
            </div></section>
            <div class="widget widget_recent_entries"><h2>Recent posts</h2><p>Another 12 stories from our blog this week.</p></div>
            </body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "repair-cafe.html").document)
        #expect(text.contains("The repair café reopened on 27 January 2020 with 14 volunteers."))
        #expect(text.contains("Visitors brought 35 appliances on the first afternoon."))
        #expect(!text.contains("Support our newsroom"), "a call to action became content")
        #expect(!text.contains("Another 12 stories"), "a sidebar widget became content")
        #expect(Boilerplate.isChrome(classOrID: "widget_recent_entries") && Boilerplate.isChrome(classOrID: "site-footer"))
        #expect(!Boilerplate.isChrome(classOrID: "elementor-widget-container") && !Boilerplate.isChrome(classOrID: "post category-social language-0"))
    }

    @Test func layoutWordsOnTheArticlesWrappersDoNotDropIt() throws {
        // A blog theme: the post sits in a `widget` box and the page is marked `with-sidebar`; the sidebar's lists
        // of links make the post less than half of the page's text, so no wrapper holds most of it.
        let links = (1...40).map { "<li><a href=\"/p/\($0)\">Older post number \($0) from the archive</a></li>" }.joined()
        let page = """
            <html><body><div class="page-block-container and-w-sidebar"><div class="widget Blog" id="Blog1">
            <div class="blog-post hentry"><h1>Harbour dues rise</h1><div class="post-body">
            <div style="text-align: justify"><span>The port raised its harbour dues by 4 per cent in 2019.<br></span></div>
            <div><span>Shipping lines paid 12 million dollars in dues that year.</span></div></div></div></div>
            <div class="sidebar-right"><p>About me: I write about ports.</p><ul>\(links)</ul></div></div></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "harbour.html").document)
        #expect(text.contains("The port raised its harbour dues by 4 per cent in 2019."))
        #expect(text.contains("Shipping lines paid 12 million dollars in dues that year."))
        #expect(!text.contains("About me"), "the sidebar became content")
    }

    @Test func commentsLongerThanTheArticleStayOut() throws {
        // The article is short and the discussion under it long: the comments must not be taken for the article
        // (nor protect their own wrappers from being dropped).
        let comment = String(repeating: "<li class=\"comment\"><div class=\"comment-body\"><p>I have followed this charity for years and I think the argument about giving now or later deserves a longer answer.</p></div></li>", count: 10)
        let page = """
            <html><body><main class="site-main"><article><h1>Giving now or later</h1>
            <p>The fund granted 3 million dollars in 2019.</p></article>
            <div id="comments" class="comments-area"><ul class="comment-list">\(comment)</ul></div></main></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "giving.html").document)
        #expect(text.contains("The fund granted 3 million dollars in 2019."))
        #expect(!text.contains("I have followed this charity"), "the comments became content")
    }

    @Test func textAwayFromTheArticleIsKeptOnlyWhenItReadsAsProse() throws {
        // Around the article's paragraphs: a byline and a time stamp in a box of their own, a lede sentence and a
        // table beside it; further off, after the page's wrapper, teasers of other stories (a linked headline and a
        // summary each).
        let paragraphs = (1...3).map { "<p>The harbour authority said paragraph \($0) of its report covers the cargo handled at the port during the year.</p>" }.joined()
        let teasers = (1...6).map { "<div class=\"teaser\"><h3><a href=\"/s/\($0)\">Port story number \($0)</a></h3><p>A summary of another story about the harbour that runs on for a while, number \($0).</p></div>" }.joined()
        let page = """
            <html><body><div id="page"><div class="band"><img src="logo.png" alt=""></div><div class="layout"><div class="column">
            <div class="meta"><p>By Jane Doe</p><p>Nov 13, 2019 4:26 pm</p></div>
            <div class="lede"><p>Exports through the port rose 4 per cent in 2019.</p><p>Cargo handled at the port, by month:</p></div>
            <div class="story-text">\(paragraphs)</div>
            <table><tr><td>2019</td><td>4%</td></tr></table>
            <div class="next"><h4><a href="/next">Next: ferry fares to rise</a></h4><p>Ferry fares will rise by 3 per cent next spring.</p></div>
            </div><div class="rail"><img src="ad.png" alt=""></div></div></div><div class="more"><h2>More from the port</h2><div class="list">\(teasers)</div></div></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "port.html").document)
        #expect(text.contains("paragraph 3 of its report"))
        #expect(text.contains("Exports through the port rose 4 per cent in 2019."), "a short sentence beside the article was dropped")
        #expect(text.contains("Cargo handled at the port, by month:"), "a line leading into a table was dropped")
        #expect(text.contains("2019 | 4%"), "a table beside the article was dropped")
        // A heading that is all link is the title of another page, even beside the article.
        for stray in ["By Jane Doe", "4:26 pm", "Port story number", "A summary of another story", "Next: ferry fares"] {
            #expect(!text.contains(stray), "kept: \(stray)")
        }
    }

    @Test func aPageWithOnlyStrayLinesKeepsThemRatherThanBeingRefused() throws {
        // The most text is in a box of headings (a paywall's); the only other line lies away from it.
        let page = """
            <html><body><div class="box"><h2>Members only</h2><h2>Log in to continue reading this story</h2></div>
            <div class="x"><div><div><p>Quelle: F.A.S.</p></div></div></div></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "teaser.html").document)
        #expect(text.contains("Quelle: F.A.S."))
    }

    @Test func photoGalleriesCaptionsAndCreditsAreNotText() throws {
        let page = """
            <html><body><article><h1>Car sales fall</h1>
            <div class="article-body"><p>New car sales fell 10 per cent in October, the industry group said on Friday.</p>
            <div class="asset_gallery"><ul><li><p>A dealer lot in Denver stands full of unsold cars on a grey afternoon.</p>
            <p>Photo: Jane Doe, AP</p><p>Caption</p><p>Close</p></li></ul></div>
            <figure><img src="lot.jpg" alt=""><figcaption>In this 2006 file photo, a dealer shows a car to 2 buyers.</figcaption></figure>
            <p>Dealers expect sales to recover in the spring, when new models arrive.</p><p>Image copyright Getty Images</p></div>
            </article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "cars.html").document)
        #expect(text.contains("New car sales fell 10 per cent in October"))
        #expect(text.contains("Dealers expect sales to recover in the spring"))
        for stray in ["A dealer lot in Denver", "Photo: Jane Doe", "Caption", "Close", "Image copyright", "file photo"] {
            #expect(!text.contains(stray), "kept: \(stray)")
        }
    }

    @Test func aListicleDressedAsAGalleryKeepsItsVisibleText() throws {
        // Every wrapper's class says "gallery"; the hidden slides hold more text than the one shown, and are not it.
        let hidden = (2...4).map { "<div class=\"gallery--section hidden\" style=\"display: none;\"><h2>Item \($0)</h2><p>A hidden slide describes item \($0) at great length, far longer than the slide that is shown to the reader first.</p></div>" }.joined()
        let page = """
            <html><body><article><div class="gallery--wrapper"><div class="gallery--paragraph">
            <div class="gallery--section"><h2>Item 1</h2><p>Item 1 is a lamp that sold 4,000 units in its first week.</p></div>
            \(hidden)</div></div></article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "items.html").document)
        #expect(text.contains("Item 1 is a lamp that sold 4,000 units in its first week."))
        #expect(!text.contains("A hidden slide"))
    }

    @Test func invitationsToFollowOrSubscribeAreNotText() throws {
        let page = """
            <html><body><article><h1>Club signs striker</h1>
            <p>The club signed the striker for 12 million euros on Monday.</p>
            <p>Fans follow him everywhere he plays, the club said, and 4,000 came to the training ground.</p>
            <p>He has 2 million followers on Twitter, and fans follow him on Instagram too.</p>
            <p>Writers can charge readers who subscribe to a newsletter, the platform says.</p>
            <p>Sharing is caring!</p>
            <p>Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @janedoe or on Facebook.</p>
            <p>Get the latest updates right in your inbox. Subscribe to our newsletters.</p></article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "club.html").document)
        #expect(text.contains("The club signed the striker for 12 million euros on Monday."))
        #expect(text.contains("Fans follow him everywhere he plays"), "a sentence about following was taken for an invitation")
        #expect(text.contains("He has 2 million followers on Twitter"), "a figure about followers was taken for an invitation")
        #expect(text.contains("Writers can charge readers who subscribe to a newsletter"), "a sentence about newsletters was taken for an invitation")
        for stray in ["Sharing is caring", "Have a tip?", "right in your inbox"] {
            #expect(!text.contains(stray), "kept: \(stray)")
        }
    }

    @Test func otherArticlesOnThePageAreOtherPosts() throws {
        // A blog puts its related posts, each a whole <article> with a long excerpt, beside the post: together they hold
        // more text than the post.
        let related = (1...3).map { "<article class=\"postbox post-\($0)\"><h2>Another post \($0)</h2><p>An excerpt of another post on this blog, long enough to pass for prose anywhere on the page: it goes on about hope, family and faith for a good many words, number \($0).</p></article>" }.joined()
        let page = """
            <html><body><div id="container"><div id="primary">
            <article class="articlebox post-1806"><h1>Only those who love</h1>
            <p>Living a true love is one of life's greatest pleasures, and 9 in 10 readers agree.</p>
            <p>Liking is feeling with the soul, but saying it takes courage, and courage is what most of us lack when it counts.</p>
            <p>Expressing feelings is an art that takes practice: a word, a look, a gesture at the right moment.</p></article>
            <h3>You may also like</h3>\(related)</div></div></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "love.html").document)
        #expect(text.contains("Living a true love is one of life's greatest pleasures"))
        #expect(!text.contains("An excerpt of another post"))
    }

    @Test func anArticleBuiltFromPageBuilderRowsKeepsEveryRow() throws {
        // Each block of the article sits in a row, a column, an inner column and a wrapper, each the only child of the
        // one before: five levels from one row's text to the next, none of them a branch but the article's own.
        func row(_ text: String) -> String {
            "<div class=\"vc_row\"><div class=\"vc_column\"><div class=\"vc_column-inner\"><div class=\"wpb_wrapper\"><p>\(text)</p></div></div></div></div>"
        }
        let long = (1...4).map { "Paragraph \($0) of the main row describes the service market at length, with figures for every region." }
            .map { "<p>\($0)</p>" }.joined()
        let page = """
            <html><body><article><h1>Remote service</h1><div class="entry">
            \(row("Service experts no longer need to travel to 3 sites."))
            <div class="vc_row"><div class="vc_column"><div class="vc_column-inner"><div class="wpb_wrapper">\(long)</div></div></div></div>
            \(row("Five trends will change how 200 firms work."))
            </div></article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "service.html").document)
        #expect(text.contains("Paragraph 4 of the main row"))
        #expect(text.contains("Service experts no longer need to travel to 3 sites."))
        #expect(text.contains("Five trends will change how 200 firms work."))
    }

    @Test func theSectionsOfOneArticleAreNotOtherPosts() throws {
        // A CMS writes each section of an article as an <article> of its own inside the article.
        func section(_ heading: String, _ text: String) -> String {
            "<article class=\"paragraph\"><h2>\(heading)</h2><div class=\"paragraph__content\"><p>\(text)</p></div></article>"
        }
        let page = """
            <html><body><main><article class="article-full"><h1>Wall linings</h1><section class="article-full__content">
            \(section("What it is", "A wall lining is a non-bearing element set 4 centimetres in front of a wall."))
            \(section("How to fix it", String(repeating: "Fix the frame to the wall every metre, then board it and fill the joints. ", count: 5)))
            \(section("Mould", "Without a vapour barrier, 1 in 3 linings on outer walls grows mould."))
            </section></article></main></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "lining.html").document)
        #expect(text.contains("A wall lining is a non-bearing element"))
        #expect(text.contains("Fix the frame to the wall every metre"))
        #expect(text.contains("Without a vapour barrier, 1 in 3 linings"))
    }

    @Test func copyrightNoticesAndTimeStampsAreNotText() throws {
        let page = """
            <html><body><article><h1>Exports to Japan</h1>
            <p>Exports to Japan reached 2.1 billion dollars in 2024.</p>
            <p>Copyright law changed in 2019, the court said, for 3 kinds of works.</p>
            <p>Last updated: 12 February 2025</p>
            <p>© 1998-2025 CCJQ. Tous droits réservés. Dernière mise à jour : 12 février 2025. Site optimisé pour 1024 × 768.</p>
            <p>Copyright 2025 Example News. All rights reserved.</p></article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "exports.html").document)
        #expect(text.contains("Exports to Japan reached 2.1 billion dollars in 2024."))
        #expect(text.contains("Copyright law changed in 2019"), "a sentence about copyright was taken for a notice")
        for stray in ["Last updated", "Tous droits", "All rights reserved"] {
            #expect(!text.contains(stray), "kept: \(stray)")
        }
    }

    /// A post the article embeds (`social-media-embed`) is what it quotes, and its text and attribution are kept; a row of
    /// share buttons (`social-share`) is still chrome.
    @Test func anEmbeddedPostIsQuotedTextButShareButtonsAreNot() throws {
        let page = """
            <html><body><article><h1>Signs</h1>
            <p>A whole lot of people on Twitter pointed out what might be wrong in the days after the signs went up.</p>
            <div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and yes the state spent \
            nearly half a million dollars on it</p>— Dianna E. Anderson (@diannaeanderson) <a href="https://twitter.com/d/1">November 18, 2019</a>\
            </blockquote></div>
            <div class="social-share"><p>Share this story with 3 friends on Facebook, Twitter and by email today.</p></div>
            <p>The campaign cost the state 449,000 dollars, officials said on Tuesday in the capital.</p></article></body></html>
            """
        let text = TestSupport.allText(try TestSupport.processText(page, name: "signs.html").document)
        #expect(text.contains("Yes this is real and yes the state spent nearly half a million dollars on it"))
        #expect(text.contains("— Dianna E. Anderson (@diannaeanderson) November 18, 2019"))
        #expect(!text.contains("Share this story"))
        #expect(Boilerplate.isChrome(classOrID: "social-share") && !Boilerplate.isChrome(classOrID: "social-media-embed"))
        #expect(Boilerplate.isChrome(classOrID: "social-media-embed sidebar"))
    }

    @Test func titleFallsBackFromTitleElementToHeading() throws {
        let withSuffix = try TestSupport.processText("<html><head><title>Trade figures for 2024 | Example News</title></head><body><p>Trade grew 5 per cent in 2024.</p></body></html>", name: "a.html")
        #expect(withSuffix.document.title == "Trade figures for 2024")
        #expect(withSuffix.document.evidence["title"] == "<title> less the site suffix")
        #expect(withSuffix.document.site == "Example News")
        let headingOnly = try TestSupport.processText("<html><body><h1>Only a heading</h1><p>Trade grew 5 per cent in 2024.</p></body></html>", name: "b.html")
        #expect(headingOnly.document.title == "Only a heading")
        #expect(headingOnly.document.evidence["title"] == "<h1>")
    }

    @Test func timeElementAndLabelledDatesAreFound() throws {
        let page = """
            <html><body><article><h1>Report</h1><time datetime="2024-03-05T10:00:00Z">March 5</time>
            <p>Output rose 3 per cent in 2023.</p><p class="updated">Last updated: 7 March 2024</p></article></body></html>
            """
        let processed = try TestSupport.processText(page, name: "t.html")
        #expect(processed.document.published == DatedValue(date: "2024-03-05", precision: .day, evidence: "<time datetime>"))
        #expect(processed.document.modified?.date == "2024-03-07")
    }

    @Test func deeplyNestedPageDoesNotOverflowTheStack() throws {
        // libxml2 stops descending at depth 256 (no XML_PARSE_HUGE, on purpose: it bounds memory on hostile pages);
        // what comes before the deep part is still read, and nothing recurses on the deep part.
        let depth = 20_000
        let page = "<html><body><p>Shallow claim: 12 per cent in 2023.</p>" + String(repeating: "<div>", count: depth)
            + "<p>Deep claim: 42 per cent in 2024.</p>" + String(repeating: "</div>", count: depth) + "</body></html>"
        let processed = try TestSupport.processText(page, name: "deep.html")
        #expect(processed.claims.contains { $0.text.contains("12 per cent") })
    }
}

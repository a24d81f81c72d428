import Foundation
import Testing
@testable import Crosscheck

/// Publication dates on pages written for these tests, one per kind of place a page states its date.
@Suite struct PublicationDateTests {
    private func dates(_ body: String, head: String = "", lang: String = "en") throws -> (published: DatedValue?, modified: DatedValue?) {
        let page = """
            <html lang="\(lang)"><head><title>A report</title>\(head)</head><body>\(body)
            <p>Exports of the region grew 4 per cent over the year, officials said on Tuesday in the capital.</p></body></html>
            """
        let document = try TestSupport.processText(page, name: "page.html").document
        return (document.published, document.modified)
    }

    /// A UTC time stamp late in the evening is the next day in Central Europe, where a German or Italian page's readers
    /// saw it; on an English page, whose readers may be anywhere, it keeps its UTC day.
    @Test func aUTCTimeStampFallsOnTheLocalDayOfACentralEuropeanPage() throws {
        let head = #"<meta property="article:published_time" content="2021-11-04T23:00Z">"#
        #expect(try dates("", head: head, lang: "de").published?.date == "2021-11-05")
        #expect(try dates("", head: head, lang: "de").published?.evidence.contains("local day") == true)
        #expect(try dates("", head: head, lang: "en").published?.date == "2021-11-04")
        #expect(try dates("", head: head, lang: "pt-BR").published?.date == "2021-11-04")
        // Summer time: two hours ahead, so 22:30 UTC on 30 June is already 1 July; 21:30 is not.
        #expect(try dates("", head: #"<meta property="article:published_time" content="2023-06-30T22:30:00+00:00">"#, lang: "it").published?.date == "2023-07-01")
        #expect(try dates("", head: #"<meta property="article:published_time" content="2023-06-30T21:30:00.000Z">"#, lang: "it").published?.date == "2023-06-30")
        // A time with its own offset is already local; the last day of a year rolls over into the next.
        #expect(try dates("", head: #"<meta property="article:published_time" content="2021-11-04T23:00+01:00">"#, lang: "de").published?.date == "2021-11-04")
        #expect(try dates("", head: #"<meta property="article:published_time" content="2018-12-31T23:11:59+00:00">"#, lang: "de-AT").published?.date == "2019-01-01")
    }

    /// A date written for machines names a day in some time zone; when the article's `<time>` shows its readers the day
    /// before or after, that is the day a person cites. A day further off, a date marked as an update, a sidebar's
    /// `<time>` and a header's "today" line change nothing.
    @Test func theDayTheArticleShowsSettlesAMachineDateOneDayOff() throws {
        let utc = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T01:49:09Z"}</script>"#
        let local = try dates(#"<h1>Council votes</h1><time datetime="2023-11-08 17:49:09">November 8, 2023 at 5:49 p.m.</time>"#, head: utc)
        #expect(local.published?.date == "2023-11-08")
        #expect(local.published?.evidence.contains("on the day the page shows") == true)
        let shownInText = try dates(#"<h1>Council votes</h1><time>| 8 de noviembre 2023</time>"#, head: utc, lang: "es")
        #expect(shownInText.published?.date == "2023-11-08")
        // A date-only value one day off (a CMS that stores the UTC day) gives way to the day shown, too.
        let dateOnly = try dates(#"<h1>Mieter streiken</h1><time>29.04.2020, 12:01 Uhr</time>"#,
                                 head: #"<meta name="date" content="2020-04-30">"#, lang: "de")
        #expect(dateOnly.published?.date == "2020-04-29")

        #expect(try dates(#"<h1>Council votes</h1><time>November 6, 2023</time>"#, head: utc).published?.date == "2023-11-09")
        #expect(try dates(#"<h1>Council votes</h1><time class="updated">November 10, 2023</time>"#, head: utc).published?.date == "2023-11-09")
        #expect(try dates(#"<h1>Council votes</h1><aside class="sidebar"><time>November 8, 2023</time></aside>"#, head: utc).published?.date
                == "2023-11-09")
        #expect(try dates(#"<div class="top-date">Wednesday, November 8, 2023</div><h1>Council votes</h1>"#, head: utc).published?.date
                == "2023-11-09")
        // A `<time>` whose own stamp names a zone shows its day only in its text.
        #expect(try dates(#"<h1>Council votes</h1><time datetime="2023-11-08T23:30:00+00:00"></time>"#, head: utc).published?.date
                == "2023-11-09")
    }

    /// A footer's "last modified" line dates a page that gives no other date, as its modification; German "Stand:"
    /// ("as of") is such a label. A footer's other dates and its update line on a dated page change nothing.
    @Test func aFooterUpdateLineDatesAnOtherwiseUndatedPage() throws {
        let wiki = try dates(#"<h1>Penny</h1><div id="footer"><ul><li>This page was last modified on 4 November 2020, at 19:23.</li></ul></div>"#)
        #expect(wiki.published == nil && wiki.modified?.date == "2020-11-04")
        #expect(wiki.modified?.evidence.hasPrefix("footer text") == true)
        let city = try dates(#"<h1>Startseite</h1><footer><p class="print">[Stand: 09.10.2017, 01:40 Uhr]</p></footer>"#, lang: "de")
        #expect(city.modified?.date == "2017-10-09")
        #expect(try dates(#"<h1>Penny</h1><footer><p>Next meeting: 4 November 2020</p></footer>"#).modified == nil)
        let dated = try dates(#"<h1>Penny</h1><p class="date">Published 2 March 2019</p><footer>Last updated: 4 November 2020</footer>"#)
        #expect(dated.published?.date == "2019-03-02" && dated.modified == nil)
    }

    /// A meta tag that says "published" speaks of the page itself and comes before JSON-LD, whose graph may describe
    /// several things; a meta tag that says only "date" comes after it.
    @Test func aMetaTagThatSaysPublishedComesBeforeJSONLDAndABareDateAfter() throws {
        let ld = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-03T10:25:56+00:00"}</script>"#
        let explicit = try dates("", head: ld + #"<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">"#)
        #expect(explicit.published?.date == "2023-11-06")
        #expect(explicit.published?.evidence == #"meta[property="article:published_time"]"#)
        let bare = try dates("", head: ld + #"<meta name="date" content="2023-11-09T14:11:58+01:00">"#)
        #expect(bare.published?.date == "2023-11-03")
        #expect(bare.published?.evidence == "JSON-LD datePublished")
        #expect(try dates("", head: #"<meta name="date" content="2023-11-09">"#).published?.date == "2023-11-09")
        #expect(PublicationDates.explicitPublishedMetaKeys.contains("parsely-pub-date"))
        #expect(!PublicationDates.explicitPublishedMetaKeys.contains("dc.date") && !PublicationDates.explicitPublishedMetaKeys.contains("created"))
    }

    /// A slashed metadata date whose day and month could be swapped is read by the page's language, unless a date the
    /// page shows is the other reading.
    @Test func anAmbiguousSlashedDateIsReadAsThePageShowsIt() throws {
        let head = #"<meta name="date" content="11/01/2023 12:43:42">"#
        let shown = try dates(#"<h1>Trinkwasser belastet</h1><p>Erstellt am: 01.11.2023</p>"#, head: head, lang: "de")
        #expect(shown.published?.date == "2023-11-01")
        #expect(shown.published?.evidence.contains("read as the page shows it") == true)
        #expect(try dates(#"<h1>Trinkwasser belastet</h1>"#, head: head, lang: "de").published?.date == "2023-01-11")
        // An unambiguous value stays as it is, whatever the page shows.
        let iso = try dates(#"<h1>Trinkwasser belastet</h1><p>Erstellt am: 01.11.2023</p>"#, head: #"<meta name="date" content="2023-01-11">"#, lang: "de")
        #expect(iso.published?.date == "2023-01-11")
    }

    /// A line that names two dates is labelled by the label it opens with, and its date is the one after that label.
    @Test func theFirstLabelOfALineDecidesWhatItDates() throws {
        let line = "Written: 2023-11-07 15:03:30 / Updated: 2023-11-09 15:30:46"
        #expect(DateLabels.label(in: line.lowercased()) == .published)
        #expect(DateLabels.date(afterLabelIn: line)?.iso == "2023-11-07")
        let updatedFirst = "Last updated 21 October 2019, first published 19 October 2019"
        #expect(DateLabels.label(in: updatedFirst.lowercased()) == .modified)
        #expect(DateLabels.date(afterLabelIn: updatedFirst)?.iso == "2019-10-21")
        let page = try dates(#"<h1>Colder temperatures forecast</h1><p class="date">Written: 2023-11-07 15:03:30 / Updated: 2023-11-09 15:30:46</p>"#
            + #"<ul class="list"><li class="date">2023-11-03</li></ul>"#)
        #expect(page.published?.date == "2023-11-07")
    }

    /// The date right under the headline is the article's; a line marked as a date elsewhere on the page (a press
    /// release's issue line, a box of other news) comes after it.
    @Test func theDateUnderTheHeadlineComesBeforeOtherDateLines() throws {
        let filler = (1...45).map { "<p>Paragraph \($0) of the report on the border.</p>" }.joined()
        let body = #"<h1>Migration across Belarus</h1><p class="MsoNormal"><em>10.11.2021</em></p>"# + filler
            + #"<div class="box-date">Nr. 34 vom 08. November 2021</div>"#
        let found = try dates(body, lang: "de")
        #expect(found.published?.date == "2021-11-10")
        #expect(found.published?.evidence.hasPrefix("text near the headline") == true)
        // Without a date under the headline, the marked line dates the page.
        #expect(try dates(#"<h1>Migration across Belarus</h1>"# + filler + #"<div class="box-date">Nr. 34 vom 08. November 2021</div>"#,
                          lang: "de").published?.date == "2021-11-08")
    }

    /// What a page with no date line still gives away, last: the day its share image was uploaded (a whole date in the
    /// image's URL path) and a footer copyright line stamped with a whole date. A year alone says nothing of the page,
    /// and neither counts where the page has a date of its own.
    @Test func aShareImageOrAFooterStampDatesAPageWithNothingElse() throws {
        let image = try dates(#"<h1>Annual report</h1>"#, head: #"<meta name="twitter:image" content="https://example.org/files/2016/05/04/ar-og.png">"#)
        #expect(image.published?.date == "2016-05-04")
        #expect(image.published?.evidence.contains("share image") == true)
        #expect(try dates(#"<h1>Annual report</h1>"#, head: #"<meta property="og:image" content="https://example.org/uploads/2016/05/ar.png">"#)
                .published == nil)
        let stamp = try dates(#"<h1>Gefahrstoff</h1><div class="footer-col"><p>Copyright © 19.12.2019 - 12:14 h by Example GmbH.</p></div>"#, lang: "de")
        #expect(stamp.published == nil && stamp.modified?.date == "2019-12-19")
        #expect(try dates(#"<h1>Gefahrstoff</h1><footer><p>Copyright © 2019 Example GmbH</p></footer>"#, lang: "de").modified == nil)
        let dated = try dates(#"<h1>Gefahrstoff</h1><p class="date">12.03.2018</p><footer><p>Copyright © 19.12.2019 - 12:14 h</p></footer>"#,
                              head: #"<meta property="og:image" content="https://example.org/files/2016/05/04/ar-og.png">"#, lang: "de")
        #expect(dated.published?.date == "2018-03-12" && dated.modified == nil)
    }

    /// A paragraph that opens with a dateline dates an otherwise undated page; a date further into a sentence does not.
    @Test func aParagraphOpeningWithADatelineDatesThePage() throws {
        let opening = "Bei der Erinnerung an die Verfolgten des NS-Regimes in Deutschland fehlen noch immer viele Namen, sagen die Initiatorinnen."
        let page = try dates("<h1>Gedenken</h1><p>Von Claudia Lindner</p><p>27.1.2022 - \(opening)</p>", lang: "de")
        #expect(page.published?.date == "2022-01-27")
        #expect(page.published?.evidence.hasPrefix("a paragraph opening with a dateline") == true)
        #expect(try dates("<h1>Gedenken</h1><p>Am 27.1.2022 wurde in Berlin erinnert. \(opening)</p>", lang: "de").published == nil)
    }

    /// A share image named by its upload time dates an otherwise undated page; a long number that is no time stamp does not.
    @Test func aShareImageNamedByItsUploadTime() throws {
        let head = #"<meta property="og:image" content="https://images.example.com/large/20201007120909561.jpg">"#
        #expect(try dates("<h1>Naima Akef</h1>", head: head).published?.date == "2020-10-07")
        #expect(PublicationDates.timestampInFileName("https://example.com/img/20201007120909561.jpg?x=1")?.iso == "2020-10-07")
        #expect(PublicationDates.timestampInFileName("https://example.com/img/12345678901234567.jpg") == nil)
        #expect(PublicationDates.timestampInFileName("https://example.com/img/20201007129999.jpg") == nil)
        #expect(PublicationDates.timestampInFileName("https://example.com/img/20201007.jpg") == nil)
    }

    /// A page is not published after it was last modified: a meta tag that says only "date", later than the page's own
    /// "as of" date, is set aside. A meta tag that says "published" is kept whatever the page says.
    @Test func aBareMetaDateLaterThanThePagesLastChangeIsSetAside() throws {
        let body = #"<h1>Daten von Rheinmetall gehackt</h1><p class="text"><span class="stand">Stand: 28.04.2020 18:00 Uhr</span></p>"#
        let bare = try dates(body, head: #"<meta name="date" content="2020-04-29T11:52:23">"#, lang: "de")
        #expect(bare.published == nil && bare.modified?.date == "2020-04-28")
        let explicit = try dates(body, head: #"<meta property="article:published_time" content="2020-04-29T11:52:23">"#, lang: "de")
        #expect(explicit.published?.date == "2020-04-29")
        let earlier = try dates(body, head: #"<meta name="date" content="2020-04-27T11:52:23">"#, lang: "de")
        #expect(earlier.published?.date == "2020-04-27")
    }

    /// One stamp on three or more `<time>`s is when a list was rendered: the article's own `<time>` dates the page.
    @Test func aStampRepeatedOnAListOfItemsIsNotAPublication() throws {
        let item = #"<li><a href="/other"><strong>Another story</strong></a><p class="publication"><time pubdate datetime="2019-09-24T13:34:33Z"></time></p></li>"#
        let body = #"<header><h1>Didier Porte</h1><p class="publication">Le <time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p></header>"#
            + "<ul class=\"items\">" + String(repeating: item, count: 3) + "</ul>"
        #expect(try dates(body, lang: "fr").published?.date == "2019-06-28")
        // Two items with one stamp may be two articles published together; the preferred one still comes first.
        let two = #"<header><h1>Didier Porte</h1><p>Le <time datetime="2019-06-28T13:49:45Z">28 juin 2019</time></p></header>"#
            + "<ul class=\"items\">" + String(repeating: item, count: 2) + "</ul>"
        #expect(try dates(two, lang: "fr").published?.date == "2019-09-24")
    }

    @Test func daysBetweenISODates() {
        #expect(DateParsing.daysBetween("2023-11-08", "2023-11-09") == 1)
        #expect(DateParsing.daysBetween("2024-03-01", "2024-02-29") == -1)
        #expect(DateParsing.daysBetween("2018-12-31", "2019-01-01") == 1)
        #expect(DateParsing.daysBetween("2023-02-28", "2023-03-01") == 1)
        #expect(DateParsing.daysBetween("2023-11", "2023-11-09") == nil)
        #expect(DateParsing.hasTimeZone("2023-11-09T01:49:09Z") && DateParsing.hasTimeZone("2020-06-29T00:16:15-04:00"))
        #expect(!DateParsing.hasTimeZone("2023-11-08 17:49:09") && !DateParsing.hasTimeZone("2023-11-08"))
    }

    /// A video's upload date is when it was published; a page's "dateUpdate" when it was last changed.
    @Test func uploadAndUpdateDatesUnderTheirCommonNames() throws {
        let video = try dates("", head: #"<meta itemprop="uploadDate" content="2019-04-02T08:00:00Z">"#)
        #expect(video.published?.date == "2019-04-02" && video.modified == nil)
        let entry = try dates("", head: #"<meta itemprop="dateUpdate" content="2020-02-14 10:47:36">"#)
        #expect(entry.modified?.date == "2020-02-14" && entry.published == nil)
        let span = try dates(#"<span itemprop="uploadDate" content="2018-07-09">July 9</span>"#)
        #expect(span.published?.date == "2018-07-09")
    }

    /// An embedded post quotes its own date; the page's is elsewhere.
    @Test func aQuotedPostsDateIsNotThePages() throws {
        let body = """
            <article><h1>What the ruling changes</h1><div class="PublishDate"><span class="PublishDate_date">29. Januar 2019</span></div>
            <blockquote class="instagram-media"><p>A post shared by Jane (@jane) on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></blockquote>
            </article>
            """
        #expect(try dates(body, lang: "de").published?.date == "2019-01-29")
    }

    @Test func itempropDatePublishedMetaAlone() throws {
        let found = try dates("<h1>Harbour reopens</h1>", head: #"<meta itemprop="datePublished" content="2019-10-19T08:00:00+02:00">"#)
        #expect(found.published?.date == "2019-10-19")
    }

    @Test func itempropDatePublishedAsText() throws {
        let found = try dates(#"<h1>Harbour reopens</h1><span itemprop="datePublished">19 October 2019</span>"#)
        #expect(found.published?.date == "2019-10-19")
    }

    @Test func germanDateLineWithLabel() throws {
        let found = try dates("<h1>Hafen wieder offen</h1><p>Veröffentlicht am 19. Oktober 2019</p>", lang: "de")
        #expect(found.published?.date == "2019-10-19")
        let numeric = try dates("<h1>Hafen wieder offen</h1><div>Veröffentlicht am 19.10.2019<br>Dauer: 41 Minuten</div>", lang: "de")
        #expect(numeric.published?.date == "2019-10-19")
    }

    @Test func dateLineUnderTheHeadline() throws {
        let found = try dates(#"<h1>Unser Tipp im Oktober</h1><p class="caption">19. Oktober 2019 | Natur</p>"#, lang: "de")
        #expect(found.published?.date == "2019-10-19")
        let numeric = try dates("<h1>Jahresendrally ade</h1><h3>Datum: 19.10.2019, Rubrik: USA</h3>", lang: "de")
        #expect(numeric.published?.date == "2019-10-19")
        // The evidence shows the line as read, without the page's line breaks and indentation.
        let indented = try dates("<h1>Unser Tipp im Oktober</h1><p>\n    19. Oktober 2019\n        |\n        Natur</p>", lang: "de")
        #expect(indented.published?.evidence == "text near the headline: \"19. Oktober 2019 | Natur\"")
    }

    @Test func dateInTheCanonicalURL() throws {
        let found = try dates("<h1>Harbour reopens</h1>", head: #"<link rel="canonical" href="https://news.example.org/2019/10/19/harbour-reopens/">"#)
        #expect(found.published == DatedValue(date: "2019-10-19", precision: .day, evidence: "URL path"))
        // A year and month alone, or digits in the host name, are no date.
        #expect(PublicationDates.dateInURL("https://example.org/2019/10/harbour") == nil)
        #expect(PublicationDates.dateInURL("https://20191019.example.org/harbour") == nil)
        #expect(PublicationDates.dateInURL("https://example.org/news/20191019/harbour")?.iso == "2019-10-19")
    }

    @Test func jsonLDGraphAndNestedObjects() throws {
        let graph = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
            {"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Harbour reopens","datePublished":"2019-10-19T06:00:00Z",
            "dateModified":"2019-10-21T09:00:00Z"}}]}</script>
            """
        let found = try dates("<h1>Harbour reopens</h1>", head: graph)
        #expect(found.published?.date == "2019-10-19")
        #expect(found.modified?.date == "2019-10-21")
    }

    @Test func brokenJSONLDStillGivesItsDate() throws {
        let broken = #"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-10-19T06:00:00Z",}</script>"#
        let found = try dates("<h1>Harbour reopens</h1>", head: broken)
        #expect(found.published?.date == "2019-10-19")
    }

    @Test func timeInSidebarIsIgnored() throws {
        let body = """
            <aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Older story</a> <time datetime="2017-03-02">2 March 2017</time></li></ul></aside>
            <article><h1>Harbour reopens</h1><time datetime="2019-10-19T08:00">19 October 2019</time></article>
            <div class="comments"><time datetime="2020-01-05">5 January 2020</time></div>
            """
        let found = try dates(body)
        #expect(found.published?.date == "2019-10-19")
        let onlyForeign = try dates(#"<h1>Harbour reopens</h1><div class="comment-list"><span class="date">5 January 2020</span></div>"#)
        #expect(onlyForeign.published == nil)
    }

    /// Layout classes on the containers that hold the headline ("content right-sidebar", "blog-sidebar") describe the
    /// page, not a sidebar: the date line under the headline is read. A real sidebar's dates still are not, nor are those
    /// under a sidebar's own `<h1>` when the page's title names another one.
    @Test func layoutClassesAroundTheHeadlineDoNotMakeItASidebar() throws {
        let page = """
            <div class="content right-sidebar"><div class="post"><h1>Harbour reopens</h1>
            <div class="listing_meta"><span>Jane Roe</span> · <span>19 October 2019</span> · <span>3 comments</span></div></div>
            <div class="sidebar-recent"><span class="date">2 March 2017</span></div></div>
            """
        #expect(try dates(page).published?.date == "2019-10-19")
        let onlySidebar = """
            <div class="content right-sidebar"><div class="post"><h1>Harbour reopens</h1></div>
            <div class="sidebar-recent"><span class="date">2 March 2017</span></div></div>
            """
        #expect(try dates(onlySidebar).published == nil)
        let sidebarHeadline = """
            <div class="blog-sidebar"><h1>From the archive</h1><div class="post-date">2 March 2017</div></div>
            <div class="post"><h1>Harbour reopens</h1></div>
            """
        #expect(try dates(sidebarHeadline, head: #"<meta property="og:title" content="Harbour reopens">"#).published == nil)
    }

    /// A date line right beside the headline belongs to the article whatever its class says; one a step further away
    /// in a teaser still does not.
    @Test func aDateBesideTheHeadlineIsTheArticlesWhateverItsClass() throws {
        let above = try dates(#"<div class="columns"><h3 class="teaser-meta">02.01.2022</h3>\#n<h1>Land zahlt Prämie</h1></div>"#, lang: "de")
        #expect(above.published?.date == "2022-01-02")
        let inATeaserList = try dates(#"<div class="columns"><h1>Land zahlt Prämie</h1><ul class="teaser-list"><li><h3 class="teaser-meta">02.01.2022</h3></li></ul></div>"#,
                                      lang: "de")
        #expect(inATeaserList.published == nil)
    }

    /// A title that opens with its date, as a dateline, gives the date when nothing else does; a date inside a sentence
    /// of the title does not.
    @Test func aTitleOpeningWithADate() throws {
        let found = try dates("<h1>Online-Fachtag</h1>", head: #"<meta property="og:title" content="08.11.2021 | Online-Fachtag zum Intersex Day">"#, lang: "de")
        #expect(found.published?.date == "2021-11-08")
        #expect(found.published?.evidence == #"meta[property="og:title"] opening with a date"#)
        #expect(PublicationDates.dateline("BERLIN, 27. Januar 2022 – Gedenken")?.iso == "2022-01-27")
        #expect(PublicationDates.dateline("Am Donnerstag, dem 27.1.2022, wurde das Gesetz beschlossen - Nachrichten") == nil)
        #expect(PublicationDates.dateline("Annual report 2019 - Example Agency") == nil)
    }

    @Test func createdOnLabels() throws {
        let found = try dates("<article><h2>Sieg in Willingen</h2><small>Erstellt am: 30.01.2022 18:36 / sk</small></article>", lang: "de")
        #expect(found.published?.date == "2022-01-30")
        #expect(found.published?.evidence.contains("Erstellt am") == true)
    }

    @Test func dateClassElementWithNumericDate() throws {
        let found = try dates(#"<h1>Harbour reopens</h1><ul><li class="item content__meta__date">19.10.2019</li></ul>"#, lang: "de")
        #expect(found.published?.date == "2019-10-19")
        let abbr = try dates(#"<h1>Harbour reopens</h1><abbr class="published" title="Samstag, 19. Oktober 2019 um 04:00">vor 2 Jahren</abbr>"#, lang: "de")
        #expect(abbr.published?.date == "2019-10-19")
    }

    @Test func bareNumbersAreNoDates() throws {
        let found = try dates(#"<h1>Plant builds 2019 units</h1><p class="meta">2019 units, 1,200 workers, 10.5 per cent</p>"#)
        #expect(found.published == nil)
        #expect(PublicationDates.firstDate(inLine: "2019 units in 12 months") == nil)
        #expect(PublicationDates.firstDate(inLine: "order 201910191234") == nil)
    }

    @Test func publishedAndModifiedStayApart() throws {
        let body = #"<h1>Harbour reopens</h1><p class="byline">Published 19 October 2019</p><p class="updated">Last updated: 21 October 2019</p>"#
        let found = try dates(body)
        #expect(found.published?.date == "2019-10-19")
        #expect(found.modified?.date == "2019-10-21")
        // A page that only says when it was updated has no publication date.
        let onlyUpdated = try dates(#"<h1>Harbour reopens</h1><p class="date">Aktualisiert: 21.10.2019</p>"#, lang: "de")
        #expect(onlyUpdated.published == nil)
        #expect(onlyUpdated.modified?.date == "2019-10-21")
    }

    @Test func numericDatesInLines() {
        #expect(PublicationDates.firstDate(inLine: "Pressemitteilung vom 19.10.2019")?.iso == "2019-10-19")
        #expect(PublicationDates.firstDate(inLine: "Donnerstag, 15.2.2018, 19:51")?.iso == "2018-02-15")
        #expect(PublicationDates.firstDate(inLine: "10/19/2019 4:30 pm")?.iso == "2019-10-19")
        #expect(PublicationDates.firstDate(inLine: "04/05/2019", monthFirst: true)?.iso == "2019-04-05")
        #expect(PublicationDates.firstDate(inLine: "04/05/2019")?.iso == "2019-05-04")
    }
}

/// General rules for the parts of a web page or a copied page that are not its content.
enum Boilerplate {
    /// Words that, as a part of an element's class or id, mark page chrome rather than content.
    static let chromeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "footer", "masthead", "sidebar",
        "cookie", "cookies", "consent", "gdpr", "share", "sharing", "social", "comment", "comments", "disqus", "related",
        "recommended", "newsletter", "subscribe", "subscription", "signup", "promo", "advert", "advertisement", "ads", "ad",
        "sponsor", "sponsored", "cta", "popup", "modal", "skip", "skiplink", "pagination", "pager", "toolbar", "widgets",
        "tags", "tagcloud", "banner", "outbrain", "taboola", "paywall", "login", "signin", "search", "lang", "language",
        "wb-lng", "gcweb-menu", "print", "rss", "feedback", "survey", "report-problem", "pagedetails", "datemod", "gallery",
        "slideshow", "carousel", "lightbox",
    ]

    /// ARIA roles of page chrome.
    static let chromeRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar",
    ]

    /// True when a class or id value names page chrome (`site-footer`, `cookie_banner`, `main-nav`).
    static func isChrome(classOrID value: String) -> Bool {
        var value = value
        return value.withUTF8 { isChrome(classOrID: $0) }
    }

    /// Class names that file an element under a taxonomy or describe its state (`category-social`, `tag-comments`,
    /// `language-0`, `status-publish`, `has-sidebar`): the words after the prefix say what the element is about or
    /// what the page has, not that the element is page chrome.
    static let descriptivePrefixes: [[UInt8]] = ["category-", "category_", "tag-", "tag_", "language-", "lang-", "status-", "format-",
                                                  "type-", "has-", "is-"].map { Array($0.utf8) }

    /// A generic component of page builders (`elementor-widget-container`) holds content as often as chrome: `widget`
    /// counts only at the start of a class name (a sidebar's `widget`, `widget_recent_entries`, `widget-area`).
    static let leadingWords: Set<String> = ["widget"]

    /// Words that, as a part of an element's class or id, mark running text that is not the article: readers'
    /// comments and teasers of other articles.
    static let otherTextWords: Set<String> = ["comment", "comments", "disqus", "related", "recommended", "outbrain", "taboola"]

    /// True when a class or id value names an element that holds text other than the article (`comment-list`).
    static func isOtherText(classOrID bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isChrome(classOrID: bytes, words: otherTextWords, leadingWords: [], sparingWords: [])
    }

    static func isChrome(classOrID bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isChrome(classOrID: bytes, words: chromeWords, leadingWords: leadingWords, sparingWords: embedWords)
    }

    /// Words that make a class name hold content whatever else it says: an embedded post (`social-media-embed`) is what
    /// the article quotes, not a row of share buttons.
    static let embedWords: Set<String> = ["embed", "embedded"]

    private static func isChrome(classOrID bytes: UnsafeBufferPointer<UInt8>, words: Set<String>, leadingWords: Set<String>,
                                 sparingWords: Set<String>) -> Bool {
        var name: [UInt8] = []
        name.reserveCapacity(48)
        /// Whether one class name (lowercased) names chrome, by its parts between `-` and `_`.
        func names(_ name: [UInt8]) -> Bool {
            guard !name.isEmpty, !descriptivePrefixes.contains(where: { name.count > $0.count && name.starts(with: $0) }) else { return false }
            var start = 0
            var isFirst = true
            var isChrome = false
            for end in 0...name.count where end == name.count || name[end] == UInt8(ascii: "-") || name[end] == UInt8(ascii: "_") {
                defer { (start, isFirst) = (end + 1, false) }
                guard end > start, end - start <= 20 else { continue }
                // From a contiguous buffer: decoding an array slice takes a slow path.
                let part = name.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
                if sparingWords.contains(part) { return false }
                if words.contains(part) || isFirst && leadingWords.contains(part) { isChrome = true }
            }
            return isChrome
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"):
                if names(name) { return true }
                name.removeAll(keepingCapacity: true)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                name.append(byte + 32)
            default:
                name.append(byte)
            }
        }
        return names(name)
    }

    /// Short lines that label page chrome in copied or saved pages, compared without case and closing punctuation.
    static let chromePhrases: Set<String> = [
        "language selection", "on this page", "main container", "main content", "skip to main content", "skip to content",
        "skip navigation", "skip to navigation", "related links", "related content", "related articles", "related stories",
        "related posts", "related product", "related products", "related topics", "related information", "latest meetings",
        "latest news", "leave a comment", "leave a reply", "post a comment", "add a comment", "comments", "share this page",
        "share this article", "share this", "share", "print", "print this page", "report a problem on this page",
        "report a problem or mistake on this page", "did you find what you were looking for", "menu", "main menu", "search",
        "sign in", "log in", "subscribe", "subscribe to our newsletter", "sign up for our newsletter", "advertisement",
        "back to top", "top of page", "table of contents", "contents", "you are here", "breadcrumb", "follow us",
        "cookie settings", "accept cookies", "read more", "see more", "show more", "load more", "continue reading",
        "click here", "more on this topic", "more stories", "you may also like", "recommended for you", "most read",
        "most popular", "trending", "tags", "topics", "categories", "archives", "previous article", "next article",
        "previous post", "next post", "about this site", "terms and conditions", "privacy policy", "contact us",
        "français", "english", "francais", "features", "more", "home", "opens in a new window", "close", "caption",
        "hide caption", "toggle caption", "enlarge this image", "view gallery", "open gallery", "text size", "advert", "loading",
        "sharing is caring", "accessibility links", "this slideshow requires javascript", "categorias", "arquivos", "kategorien",
        "archiv", "catégories", "etiquetas", "schlagwörter",
    ]

    /// Social networks an invitation to follow names, and the other words of invitations (lower case, as bytes).
    private static let followPlaces = ["twitter", "facebook", "instagram", "linkedin", " @", "(@"].map { Array($0.utf8) }
    private static let follows = ["follow us", "follow him", "follow her", "follow me", "follow them"].map { Array($0.utf8) }
    private static let inboxes = ["to your inbox", "in your inbox"].map { Array($0.utf8) }
    private static let askers = ["sign up", "subscribe"].map { Array($0.utf8) }
    private static let readers = [" our ", " your "].map { Array($0.utf8) }
    private static let newsletter = Array("newsletter".utf8)

    /// True for a short paragraph that asks the reader to do something instead of saying anything: follow the author or
    /// the site on a social network ("follow her on Twitter @…"), or get a newsletter ("right in your inbox", "sign up
    /// for our newsletter"). A paragraph with a figure in it is never one: it may be a claim ("2 million follow him on
    /// Twitter").
    static func isCallToAction(_ text: String) -> Bool {
        guard text.utf8.count <= 300, !text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        var text = text
        return text.withUTF8 { bytes in
            func has(_ words: [UInt8]) -> Bool { ByteSearch.contains(bytes, words) }
            if follows.contains(where: has) && followPlaces.contains(where: has) { return true }
            if inboxes.contains(where: has) { return true }
            return has(newsletter) && askers.contains(where: has) && readers.contains(where: has)
        }
    }

    /// True for a line that is page chrome by itself ("Language selection", "Leave a comment", an empty "Date Modified:").
    static func isChromeLine(_ line: String) -> Bool {
        // Chrome labels are short; most lines are not, and are let through before any string work.
        if line.utf8.count > 240 { return false }
        let trimmed = trimmingWhitespace(line)
        if trimmed.isEmpty { return true }
        // A copyright notice, however much it adds ("… All rights reserved. Last updated …").
        if isCopyright(String(trimmed.prefix(12)).lowercased()) { return true }
        if trimmed.count > 60 { return false }
        var key = trimmed.lowercased()
        while let last = key.last, last == ":" || last == "." || last == "!" || last == "…" || last == ">" || last == "»" || last == "|" {
            key.removeLast()
            key = trimmingWhitespace(key)
        }
        if chromePhrases.contains(key) { return true }
        return isEmptyLabel(trimmed) || isPictureCredit(key) || isDateStamp(key)
    }

    /// How a copyright line starts (lower case): "© 1998-2025 Example Inc.", "Copyright 2019 Example News. All rights reserved."
    static func isCopyright(_ key: String) -> Bool {
        if key.hasPrefix("©") || key.hasPrefix("(c) ") { return true }
        // "Copyright 2019 …", "Copyright © …"; not "Copyright law changed in 2019".
        guard key.hasPrefix("copyright ") else { return false }
        let next = key.dropFirst("copyright ".count).first
        return next == "©" || next == "(" || next?.isNumber == true
    }

    /// A page's time stamp on a line of its own: a date label and the date, a few words at most ("Last updated:
    /// 12 February 2025", "Dernière mise à jour : 12 février 2025"). The metadata reads it from the page.
    static func isDateStamp(_ key: String) -> Bool {
        key.split(separator: " ").count <= 8 && DateLabels.label(in: key) != nil && !DateParsing.findDates(in: key, requireYear: true).isEmpty
    }

    /// How a picture's credit line starts ("Photo: Jane Doe, AP", "Image copyright Getty Images"), lower case.
    static let creditOpenings = ["photo:", "photo by ", "photos:", "photograph:", "photograph by ", "image:", "image copyright ",
                                 "image by ", "picture:", "credit:", "foto:", "fotos:", "bild:", "crédit photo", "photo credit"]

    /// A short line that credits a picture rather than saying anything: a credit opening, then no sentence.
    static func isPictureCredit(_ key: String) -> Bool {
        creditOpenings.contains { key.hasPrefix($0) } && key.split(separator: " ").count <= 8
    }

    /// `text` without the white space (Unicode's, line breaks included) at its ends.
    static func trimmingWhitespace(_ text: String) -> String {
        text.trimmingScalars(where: \.properties.isWhitespace)
    }

    /// A label with nothing after its colon, such as "Date Modified:" or "Share:".
    static func isEmptyLabel(_ line: String) -> Bool {
        guard line.hasSuffix(":"), line.count <= 40 else { return false }
        let words = line.dropLast().split(separator: " ")
        return (1...4).contains(words.count) && words.allSatisfy { $0.first?.isLetter ?? false }
    }
}

import Foundation

import Foundation
import Testing
@testable import Crosscheck

/// Discovery lists sources recursively and sorted, and passes over what is not a source.
@Suite struct DiscoveryTests {
    @Test func listsSourcesSortedAndSkipsTemporaries() throws {
        let inbox = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: inbox) }
        let fm = FileManager.default
        try fm.createDirectory(at: inbox.appendingPathComponent("b/c"), withIntermediateDirectories: true)
        for name in ["z.html", "a.txt", "b/c/deep.md", "b/page.htm", "noext", ".hidden.html", "x.txt~", ".#x.txt", "#x.txt#", "x.part",
                     "x.crdownload", ".x.swp", "photo.png", "notes.TXT", "4913"] {
            try Data("Text with 5 per cent.".utf8).write(to: inbox.appendingPathComponent(name))
        }
        let result = try Discovery(inbox: inbox).scan()
        #expect(result.files.map(\.relativePath) == ["a.txt", "b/c/deep.md", "b/page.htm", "noext", "notes.TXT", "z.html"])
        #expect(result.files.first { $0.relativePath == "noext" }?.declaredFormat == nil)
        #expect(result.files.first { $0.relativePath == "notes.TXT" }?.declaredFormat == .text)
        #expect(result.skipped.map(\.relativePath) == ["photo.png"])
    }

    @Test func symlinksOutOfTheInboxAreNotFollowed() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let inbox = root.appendingPathComponent("inbox")
        let outside = root.appendingPathComponent("outside.txt")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("Secret 99 per cent.".utf8).write(to: outside)
        try Data("Inside 5 per cent.".utf8).write(to: inbox.appendingPathComponent("inside.txt"))
        try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("escape.txt"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("alias.txt"), withDestinationURL: inbox.appendingPathComponent("inside.txt"))
        try FileManager.default.createSymbolicLink(at: inbox.appendingPathComponent("loop"), withDestinationURL: inbox)
        let result = try Discovery(inbox: inbox).scan()
        #expect(result.files.map(\.relativePath) == ["alias.txt", "inside.txt"])
        #expect(result.skipped.contains { $0.relativePath == "escape.txt" && $0.reason.contains("outside the inbox") })
        #expect(result.skipped.contains { $0.relativePath == "loop" })
    }

    @Test func missingInboxIsAnError() {
        #expect(throws: CrosscheckError.inboxMissing(path: "/nonexistent/inbox")) {
            try Discovery(inbox: URL(fileURLWithPath: "/nonexistent/inbox")).scan()
        }
    }

    @Test func filesWithoutExtensionAreSniffed() {
        #expect(FormatSniffer.format(of: Array("<!DOCTYPE html><html>".utf8)) == .html)
        #expect(FormatSniffer.format(of: Array("  <html lang=en><body>".utf8)) == .html)
        #expect(FormatSniffer.format(of: Array("# Title\n\nText".utf8)) == .markdown)
        #expect(FormatSniffer.format(of: Array("Plain words.".utf8)) == .text)
    }
}

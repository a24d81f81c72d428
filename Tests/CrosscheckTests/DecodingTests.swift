import Foundation
import Testing
@testable import Crosscheck

/// BOM, then `<meta charset>`, then UTF-8 validation, then Windows-1252; the choice is recorded.
@Suite struct DecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        #expect(try TextDecoding.decode(Array("café".utf8), isHTML: false).encoding == "utf-8")
        let withBOM = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("café".utf8), isHTML: false)
        #expect(withBOM.text == "café" && withBOM.encoding == "utf-8 (BOM)")
    }

    @Test func utf16WithAndWithoutBOM() throws {
        let units = Array("Trade: 5 per cent".utf16)
        let little = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try TextDecoding.decode([0xFF, 0xFE] + little, isHTML: false).text == "Trade: 5 per cent")
        let detected = try TextDecoding.decode(little, isHTML: false)
        #expect(detected.text == "Trade: 5 per cent" && detected.encoding == "utf-16le (detected)")
    }

    @Test func declaredLatin1IsDecodedAsWindows1252() throws {
        let page: [UInt8] = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>Qu".utf8) + [0xE9] + Array("bec \u{0}".utf8.dropLast()) + [0x93, 0x41, 0x94]
        let decoded = try TextDecoding.decode(page, isHTML: true)
        #expect(decoded.text.contains("Québec"))
        #expect(decoded.text.contains("“A”"))  // 0x93/0x94 are curly quotes in Windows-1252, not C1 controls
        #expect(decoded.encoding == "windows-1252 (declared iso-8859-1)")
    }

    @Test func wrongDeclarationLosesToValidUTF8() throws {
        let page = Array("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>Montréal</p>".utf8)
        let decoded = try TextDecoding.decode(page, isHTML: true)
        #expect(decoded.text.contains("Montréal"))
        #expect(decoded.encoding.hasPrefix("utf-8"))
    }

    @Test func undeclaredLegacyBytesFallBackToWindows1252() throws {
        let decoded = try TextDecoding.decode(Array("caf".utf8) + [0xE9, 0x20, 0x80], isHTML: false)
        #expect(decoded.text == "café €")
        #expect(decoded.encoding == "windows-1252 (fallback: not valid UTF-8)")
    }

    @Test func damagedUTF8IsKeptAsUTF8WithAWarning() throws {
        let decoded = try TextDecoding.decode(Array("Montréal trade ".utf8) + [0xC3], isHTML: false)
        #expect(decoded.text.hasPrefix("Montréal trade"))
        #expect(decoded.warning?.contains("not valid UTF-8") == true)
    }

    @Test func otherDeclaredCharsetsGoThroughIconv() throws {
        // "日本" in Shift_JIS.
        let page: [UInt8] = Array("<meta charset=\"shift_jis\"><p>".utf8) + [0x93, 0xFA, 0x96, 0x7B] + Array("</p>".utf8)
        let decoded = try TextDecoding.decode(page, isHTML: true)
        #expect(decoded.text.contains("日本"))
        #expect(decoded.encoding == "shift_jis (declared)")
    }

    @Test func emptyWhitespaceAndBinaryAreRefused() {
        #expect(throws: TextDecoding.Failure.empty) { try TextDecoding.decode([], isHTML: true) }
        #expect(throws: TextDecoding.Failure.whitespaceOnly) { try TextDecoding.requireContent(" \n\t ") }
        #expect(throws: TextDecoding.Failure.binary("PNG image")) { try TextDecoding.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0], isHTML: true) }
        #expect(throws: TextDecoding.Failure.binary("ZIP archive")) { try TextDecoding.decode([0x50, 0x4B, 0x03, 0x04, 1, 2], isHTML: false) }
        #expect(throws: TextDecoding.Failure.binary("ELF executable")) { try TextDecoding.decode([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1], isHTML: false) }
    }

    @Test func charsetPrescanReadsBothForms() {
        #expect(CharsetPrescan.declaredCharset(in: Array("<head><META CHARSET='Windows-1252'>".utf8)) == "windows-1252")
        #expect(CharsetPrescan.declaredCharset(in: Array("<meta http-equiv=\"content-type\" content=\"text/html;charset=utf-8\">".utf8)) == "utf-8")
        #expect(CharsetPrescan.declaredCharset(in: Array("<p>no declaration</p>".utf8)) == nil)
    }
}

internal import CLibXML2
import Foundation

/// A parsed HTML page, owned: the libxml2 tree is freed with this value and no node escapes it.
final class HTMLDocument {
    typealias Node = UnsafeMutablePointer<xmlNode>

    private let document: htmlDocPtr
    /// The `<html>` element, or whatever libxml2 made the root.
    let root: Node?

    private static let initialized: Bool = {
        xmlInitParser()
        // No parse ever loads a DTD or an external entity, from the network or from disk (`file:///etc/passwd`):
        // the HTML parser does not ask for them, and should anything ask, nothing is there.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    /// Parses UTF-8 text. libxml2 runs with recovery, no network access, no external entities,
    /// and ignores the page's own `<meta charset>` because the text is already decoded. Its limit of 256
    /// levels of nesting is lifted (`XML_PARSE_HUGE`): past it, libxml2 stops and drops the rest of the
    /// page without a word; the tree is walked without recursion, so depth costs nothing but memory.
    init?(utf8 text: String) {
        _ = Self.initialized
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
                | XML_PARSE_HUGE.rawValue)
        var text = text
        let parsed: htmlDocPtr? = text.withUTF8 { buffer in
            guard let base = buffer.baseAddress, buffer.count < Int(Int32.max) else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        document = parsed
        root = xmlDocGetRootElement(parsed)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Tag names by libxml2's interned name pointer: one String per distinct tag, not one per element.
    private var tagNames: [UnsafeRawPointer: String] = [:]

    /// The element's lower-case tag name, without allocating for names seen before in this document.
    func tag(_ node: Node) -> String {
        guard let name = node.pointee.name else { return "" }
        let key = UnsafeRawPointer(name)
        if let cached = tagNames[key] { return cached }
        let value = String(cString: name)
        tagNames[key] = value
        return value
    }

    // MARK: Node helpers (valid only while the document lives)

    static func isElement(_ node: Node) -> Bool { node.pointee.type == XML_ELEMENT_NODE }
    static func isText(_ node: Node) -> Bool { node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE }

    /// The element's lower-case tag name.
    static func name(_ node: Node) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Compares the tag name with an ASCII lower-case name without allocating.
    static func hasName(_ node: Node, _ expected: StaticString) -> Bool {
        guard let name = node.pointee.name else { return false }
        return strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), UnsafeRawPointer(expected.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }

    /// The value of an attribute, or nil.
    static func attribute(_ node: Node, _ attributeName: StaticString) -> String? {
        var property = node.pointee.properties
        let wanted = UnsafeRawPointer(attributeName.utf8Start).assumingMemoryBound(to: CChar.self)
        while let attribute = property {
            if let name = attribute.pointee.name,
               strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                var value = ""
                var child = attribute.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                return value
            }
            property = attribute.pointee.next
        }
        return nil
    }

    /// Calls `body` with the bytes of an attribute's value, without copying them; nil when the attribute is absent.
    static func withAttributeBytes<R>(_ node: Node, _ attributeName: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        var property = node.pointee.properties
        let wanted = UnsafeRawPointer(attributeName.utf8Start).assumingMemoryBound(to: CChar.self)
        while let attribute = property {
            if let name = attribute.pointee.name,
               strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 {
                guard let child = attribute.pointee.children, child.pointee.next == nil, let content = child.pointee.content else {
                    return Self.attribute(node, attributeName).map { value in
                        var value = value
                        return value.withUTF8 { body($0) }
                    }
                }
                let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
                return body(UnsafeBufferPointer(start: UnsafePointer(content), count: length))
            }
            property = attribute.pointee.next
        }
        return nil
    }

    static func hasAttribute(_ node: Node, _ attributeName: StaticString) -> Bool {
        var property = node.pointee.properties
        let wanted = UnsafeRawPointer(attributeName.utf8Start).assumingMemoryBound(to: CChar.self)
        while let attribute = property {
            if let name = attribute.pointee.name,
               strcasecmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), wanted) == 0 { return true }
            property = attribute.pointee.next
        }
        return false
    }

    /// Calls `body` with the UTF-8 bytes of a text node.
    static func withTextBytes<R>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let content = node.pointee.content else { return nil }
        let length = strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
        return body(UnsafeBufferPointer(start: UnsafePointer(content), count: length))
    }

    /// All the text under a node, white space collapsed, without script or style; stops after `limit` bytes.
    static func text(of node: Node, limit: Int = 4096) -> String {
        var collector = WhitespaceCollapsingBuffer()
        walk(from: node) { current in
            if isElement(current) {
                return !(hasName(current, "script") || hasName(current, "style") || hasName(current, "noscript")) && collector.count < limit
            }
            if isText(current) { _ = withTextBytes(current) { collector.append($0) } }
            return false
        }
        return collector.string
    }

    /// Depth-first walk below `root` without recursion (pages nest tens of thousands deep).
    /// `visit` returns whether to descend into the node; `leave` is called after a descended node's children.
    static func walk(from root: Node, visit: (Node) -> Bool, leave: (Node) -> Void = { _ in }) {
        guard var current = root.pointee.children else { return }
        var depth = 1
        while true {
            var next: Node? = nil
            if visit(current) {
                if let child = current.pointee.children {
                    current = child
                    depth += 1
                    continue
                }
                leave(current)
            }
            next = current.pointee.next
            while next == nil {
                guard depth > 1, let parent = current.pointee.parent else { return }
                depth -= 1
                current = parent
                leave(current)
                next = current.pointee.next
            }
            current = next!
        }
    }
}

/// Accumulates UTF-8 text, folding runs of ASCII white space into one space as HTML does.
struct WhitespaceCollapsingBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    var count: Int { bytes.count }
    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        for byte in chunk {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                pendingSpace = true
            default:
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
            }
        }
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Marks a break between words (as a block boundary inside a cell would).
    mutating func appendSpace() { pendingSpace = true }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}

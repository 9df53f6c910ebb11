/// Reads an HTML page saved from a browser into the article's readable text.
///
/// Only the article's words are kept: when the page has an `<article>` (or else a `<main>`), only
/// what is inside it; scripts, styles, navigation, forms, page headers and footers never. Block
/// elements become paragraphs, headings get a `# ` marker and list items a number or bullet,
/// so that sentence segmentation sees the structure; entities are decoded; whitespace is folded
/// as a browser would. A tolerant scanner, not a validating parser: broken markup is read on.
enum HTMLReader {
    /// Elements whose content is never article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form", "button",
        "select", "iframe", "object", "canvas", "math", "title",
    ]
    /// Elements that end a paragraph.
    static let blocks: Set<String> = [
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "table", "tr", "td", "th",
        "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "dl", "dt", "dd", "address", "details",
        "summary", "header",
    ]
    /// Words of class and id names that mark site furniture: comment areas, newsletter and share
    /// boxes, related and recent posts, sidebars and widgets, cookie notices, footers.
    static let furnitureNames: Set<String> = [
        "comment", "comments", "respond", "newsletter", "subscribe", "subscription", "signup", "related", "recent", "share",
        "sharing", "sharedaddy", "social", "sidebar", "widget", "footer", "copyright", "cookie", "cookies", "consent", "gdpr",
        "promo", "advert", "advertisement", "ad", "ads", "breadcrumb", "breadcrumbs", "menu", "popular", "trending", "disqus",
    ]
    static let void: Set<String> = ["br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed", "param", "track"]

    static func read(_ input: String, into builder: inout ReadableTextBuilder) {
        let lowered = input.lowercased()
        let container = lowered.contains("<article") ? "article" : lowered.contains("<main") ? "main" : nil
        var input = input
        input.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes, container: container)
            scanner.run(into: &builder)
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let container: String?
        var containerDepth = 0
        var skipDepth = 0
        var preDepth = 0
        /// For each open list: whether it is ordered, and its item counter.
        var lists: [(ordered: Bool, count: Int)] = []
        var openLink: (start: Int, url: String)?
        var pendingSpace = false
        /// The open elements whose class or id names site furniture: each one's name, how deep
        /// tags of that name are nested inside it, and where its readable text began.
        var furniture: [(name: String, depth: Int, start: Int)] = []

        init(bytes: UnsafeBufferPointer<UInt8>, container: String?) {
            self.bytes = bytes
            self.container = container
        }

        var isShowing: Bool { skipDepth == 0 && (container == nil || containerDepth > 0) }

        mutating func run(into builder: inout ReadableTextBuilder) {
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "<"), let end = markupEnd(at: i) {
                    handleMarkup(i..<end, into: &builder)
                    i = end
                    continue
                }
                if bytes[i] == UInt8(ascii: "&"), let (scalar, end) = entity(at: i) {
                    if isShowing { appendText(Array(String(scalar).utf8), from: i, into: &builder) }
                    i = end
                    continue
                }
                if isShowing { appendText([bytes[i]], from: i, into: &builder) }
                i += 1
            }
            builder.endBlock(at: bytes.count)
        }

        /// Text, with runs of whitespace folded to one space outside `<pre>`.
        mutating func appendText(_ text: [UInt8], from source: Int, into builder: inout ReadableTextBuilder) {
            for byte in text {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C
                if isSpace && preDepth == 0 {
                    pendingSpace = true
                    continue
                }
                if pendingSpace {
                    if let last = builder.last, last != 0x0A && last != 0x20 { builder.append([0x20], from: source) }
                    pendingSpace = false
                }
                builder.append([byte], from: source)
            }
        }

        /// Where the markup starting at `start` ends: a comment, declaration or tag.
        func markupEnd(at start: Int) -> Int? {
            if hasPrefix("<!--", at: start) {
                var i = start + 4
                while i + 2 < bytes.count {
                    if bytes[i] == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") && bytes[i + 2] == UInt8(ascii: ">") { return i + 3 }
                    i += 1
                }
                return bytes.count
            }
            guard start + 1 < bytes.count else { return nil }
            let next = bytes[start + 1]
            let isTagStart = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
            guard isTagStart else { return nil }
            var quote: UInt8?
            var i = start + 1
            while i < bytes.count {
                let byte = bytes[i]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return i + 1
                }
                i += 1
            }
            return bytes.count
        }

        func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
            let prefix = Array(prefix.utf8)
            return offset + prefix.count <= bytes.count && prefix.indices.allSatisfy { bytes[offset + $0] == prefix[$0] }
        }

        mutating func handleMarkup(_ range: Range<Int>, into builder: inout ReadableTextBuilder) {
            let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            guard raw.hasPrefix("<") && !raw.hasPrefix("<!") && !raw.hasPrefix("<?") else { return }
            let isClosing = raw.hasPrefix("</")
            let body = raw.dropFirst(isClosing ? 2 : 1)
            let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
            guard !name.isEmpty else { return }
            let selfClosing = raw.hasSuffix("/>") || HTMLReader.void.contains(name)
            let source = range.lowerBound

            trackFurniture(name, raw: raw, isClosing: isClosing, selfClosing: selfClosing, into: &builder)
            if name == container {
                containerDepth += isClosing ? -1 : (selfClosing ? 0 : 1)
                containerDepth = max(containerDepth, 0)
            }
            // A page header outside the article is site furniture; inside it, the title.
            let skips = HTMLReader.skipped.contains(name) || (name == "header" && container == nil)
            if skips && !selfClosing {
                skipDepth = max(0, skipDepth + (isClosing ? -1 : 1))
                return
            }
            guard skipDepth == 0 else { return }
            if name == "pre" { preDepth = max(0, preDepth + (isClosing ? -1 : 1)) }
            if name == "ol" || name == "ul" {
                if isClosing { _ = lists.popLast() } else { lists.append((name == "ol", 0)) }
            }
            if name == "a" {
                if isClosing, let link = openLink {
                    builder.addLink(link.start..<builder.count, url: link.url)
                    openLink = nil
                } else if !isClosing, let href = Self.attribute("href", in: raw) {
                    openLink = (builder.count, href)
                }
            }
            guard isShowing else { return }
            if name == "br" {
                builder.append([0x0A], from: source)
                pendingSpace = false
                return
            }
            guard HTMLReader.blocks.contains(name) else { return }
            builder.endBlock(at: source)
            pendingSpace = false
            guard !isClosing else { return }
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                builder.append(Array((String(repeating: "#", count: level) + " ").utf8), from: source)
            } else if name == "li" {
                if var list = lists.popLast() {
                    list.count += 1
                    lists.append(list)
                    builder.append(Array((list.ordered ? "\(list.count). " : "- ").utf8), from: source)
                } else {
                    builder.append(Array("- ".utf8), from: source)
                }
            }
        }

        /// Records the readable text of each element whose class or id names site furniture
        /// (`class="comment-respond"`, `id="newsletter"`) for `Article` to skip; each open one
        /// counts the tags of its own name to find its end.
        mutating func trackFurniture(_ name: String, raw: String, isClosing: Bool, selfClosing: Bool, into builder: inout ReadableTextBuilder) {
            guard !selfClosing else { return }
            for index in furniture.indices.reversed() where furniture[index].name == name {
                furniture[index].depth += isClosing ? -1 : 1
                if furniture[index].depth == 0 {
                    builder.addFurniture(furniture[index].start..<builder.count)
                    furniture.remove(at: index)
                }
            }
            guard !isClosing, !["html", "body", "article", "main"].contains(name) else { return }
            let names = [Self.attribute("class", in: raw), Self.attribute("id", in: raw)].compactMap { $0 }.joined(separator: " ").lowercased()
            let parts = names.split { !$0.isLetter }.map(String.init)
            if parts.contains(where: HTMLReader.furnitureNames.contains) { furniture.append((name, 1, builder.count)) }
        }

        /// The value of attribute `name` in a start tag, entities decoded.
        static func attribute(_ name: String, in tag: String) -> String? {
            let lowered = tag.lowercased()
            guard let found = lowered.range(of: " \(name)=") ?? lowered.range(of: "\n\(name)=") else { return nil }
            let offset = lowered.distance(from: lowered.startIndex, to: found.upperBound)
            let rest = tag.dropFirst(offset)
            if let quote = rest.first, quote == "\"" || quote == "'" {
                return String(rest.dropFirst().prefix { $0 != quote }).replacingOccurrences(of: "&amp;", with: "&")
            }
            return String(rest.prefix { !$0.isWhitespace && $0 != ">" })
        }

        /// A character reference at `start`: `&amp;`, `&#20013;`, `&#x4E2D;`.
        func entity(at start: Int) -> (Unicode.Scalar, Int)? {
            var end = start + 1
            while end < bytes.count && end - start < 12 && bytes[end] != UInt8(ascii: ";") { end += 1 }
            guard end < bytes.count && bytes[end] == UInt8(ascii: ";") else { return nil }
            let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                guard let value = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else { return nil }
                return (scalar, end + 1)
            }
            if name.hasPrefix("#") {
                guard let value = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(value) else { return nil }
                return (scalar, end + 1)
            }
            guard let scalar = HTMLReader.entities[name] else { return nil }
            return (scalar, end + 1)
        }
    }

    static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}",
        "emsp": "\u{2003}", "thinsp": "\u{2009}", "mdash": "—", "ndash": "–", "hellip": "…", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "laquo": "«", "raquo": "»", "copy": "©", "reg": "®", "trade": "™", "middot": "·",
        "bull": "•", "deg": "°", "times": "×", "divide": "÷", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢",
        "sect": "§", "para": "¶", "shy": "\u{AD}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "eacute": "é",
    ]
}

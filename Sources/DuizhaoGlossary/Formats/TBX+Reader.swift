import DuizhaoText
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension TBX {
    /// What a language section holds, by its `xml:lang`.
    enum LanguageRole: Equatable {
        case english, simplified, traditional, pinyin, other

        init(tag: String) {
            switch GlossaryLanguage(name: tag)?.column {
            case .english: self = .english
            case .simplified: self = .simplified
            case .traditional: self = .traditional
            case .pinyin: self = .pinyin
            default: self = .other
            }
        }
    }

    /// The checks made on the raw bytes before any XML parser sees them.
    enum Prolog {
        /// How much of the file is scanned; a prolog longer than this is refused.
        static let scanLimit = 65_536

        static let declarationMessage =
            "DTDs and entity declarations are not accepted (a TBX file needs none, and their entities can expand without bound or read local files)"

        /// Encodings, by name prefix, that keep ASCII bytes as they are, so that scanning bytes
        /// for `<!DOCTYPE` sees what the parser will.
        static let asciiCompatibleEncodings = [
            "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-", "iso8859-", "iso_8859-", "latin", "windows-125", "cp125",
            "gbk", "gb2312", "gb18030", "big5",
        ]

        /// A refusal of a file whose prolog declares a DTD or an entity, is longer than the
        /// scanned head, or is in an encoding the scan cannot read; nil for a file to parse.
        /// - Parameters:
        ///   - head: the first `scanLimit` bytes (or all, when shorter).
        ///   - isWhole: whether `head` is the whole document.
        static func check(_ head: Data, isWhole: Bool, file: String) -> GlossaryDiagnostic? {
            let bytes = [UInt8](head)
            func refusal(at offset: Int, _ message: String) -> GlossaryDiagnostic {
                let (line, column) = position(of: offset, in: bytes)
                return GlossaryDiagnostic(file: file, line: line, column: column, message: message)
            }
            func starts(with prefix: String, at offset: Int, caseInsensitive: Bool = false) -> Bool {
                let pattern = Array(prefix.utf8)
                guard offset + pattern.count <= bytes.count else { return false }
                return zip(bytes[offset...], pattern).allSatisfy { caseInsensitive ? lowered($0) == lowered($1) : $0 == $1 }
            }
            func find(_ terminator: String, from offset: Int) -> Int? {
                var index = offset
                while index < bytes.count {
                    if starts(with: terminator, at: index) { return index }
                    index += 1
                }
                return nil
            }
            let tooLong = "the XML prolog (before the root element) is longer than \(scanLimit / 1024) KB"
            if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.first == 0 || (bytes.count > 1 && bytes[1] == 0)
                || bytes.starts(with: [0x4C, 0x6F, 0xA7, 0x94])
            {
                return refusal(at: 0, "only UTF-8 TBX files are read (this one looks like UTF-16, UTF-32 or EBCDIC)")
            }
            var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var seenDoctype = false
            while true {
                while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
                guard index < bytes.count else { return isWhole ? nil : refusal(at: index, tooLong) }
                // Near the end of a partial head, a declaration may be cut short: too long to tell.
                if !isWhole, bytes.count - index < 16 { return refusal(at: index, tooLong) }
                // Anything but markup is the parser's to report.
                guard bytes[index] == UInt8(ascii: "<") else { return nil }
                if starts(with: "<?", at: index) {
                    guard let end = find("?>", from: index + 2) else { return isWhole ? nil : refusal(at: index, tooLong) }
                    if starts(with: "<?xml", at: index), let encoding = encodingName(in: bytes[index..<end]) {
                        let name = encoding.lowercased()
                        if !asciiCompatibleEncodings.contains(where: { name.hasPrefix($0) }) {
                            return refusal(at: index, "only UTF-8 TBX files are read (this one declares encoding '\(encoding)')")
                        }
                    }
                    index = end + 2
                } else if starts(with: "<!--", at: index) {
                    guard let end = find("-->", from: index + 4) else { return isWhole ? nil : refusal(at: index, tooLong) }
                    index = end + 3
                } else if starts(with: "<!DOCTYPE", at: index) && !seenDoctype {
                    // TBX v2 tools write <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">. An
                    // external identifier alone is harmless, since the parser never loads it; an
                    // internal subset ([ … ]) can declare entities, and is refused.
                    switch doctypeEnd(in: bytes, from: index) {
                    case .end(let end):
                        seenDoctype = true
                        index = end
                    case .cutShort:
                        return isWhole ? refusal(at: index, declarationMessage) : refusal(at: index, tooLong)
                    case .declares:
                        return refusal(at: index, declarationMessage)
                    }
                } else if starts(with: "<!", at: index) {
                    // A DOCTYPE with an internal subset, or a declaration (<!ENTITY, <!ELEMENT …).
                    return refusal(at: index, declarationMessage)
                } else {
                    return nil  // the root element's start tag
                }
            }
        }

        /// How a `<!DOCTYPE` declaration ends.
        enum DoctypeEnd: Equatable {
            /// After its `>`, having named the root and at most an external identifier.
            case end(Int)
            /// The bytes end inside it.
            case cutShort
            /// It has an internal subset, or is not well formed.
            case declares
        }

        /// Where the `<!DOCTYPE` at `start` ends, when it is `<!DOCTYPE name>`, `<!DOCTYPE name
        /// SYSTEM "uri">` or `<!DOCTYPE name PUBLIC "id" "uri">` and no more.
        static func doctypeEnd(in bytes: [UInt8], from start: Int) -> DoctypeEnd {
            var index = start + "<!DOCTYPE".utf8.count
            func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0D].contains(byte) }
            func skipSpaces() -> Bool {
                let before = index
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                return index > before
            }
            func word() -> String {
                let begin = index
                while index < bytes.count, !isSpace(bytes[index]), ![UInt8(ascii: ">"), UInt8(ascii: "["), 0x22, 0x27].contains(bytes[index]) {
                    index += 1
                }
                return String(decoding: bytes[begin..<index], as: UTF8.self)
            }
            /// Skips a quoted literal; false when there is none, or it is not closed.
            func literal() -> Bool {
                guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { return false }
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote { index += 1 }
                guard index < bytes.count else { return false }
                index += 1
                return true
            }
            guard skipSpaces(), !word().isEmpty else { return index >= bytes.count ? .cutShort : .declares }
            _ = skipSpaces()
            let keyword = index < bytes.count && bytes[index] != UInt8(ascii: ">") ? word() : ""
            switch keyword {
            case "":
                break
            case "SYSTEM":
                guard skipSpaces(), literal() else { return index >= bytes.count ? .cutShort : .declares }
            case "PUBLIC":
                guard skipSpaces(), literal(), skipSpaces(), literal() else { return index >= bytes.count ? .cutShort : .declares }
            default:
                return index >= bytes.count ? .cutShort : .declares
            }
            _ = skipSpaces()
            guard index < bytes.count else { return .cutShort }
            return bytes[index] == UInt8(ascii: ">") ? .end(index + 1) : .declares
        }

        /// The `encoding` pseudo-attribute of an XML declaration.
        static func encodingName(in declaration: ArraySlice<UInt8>) -> String? {
            let text = String(decoding: declaration, as: UTF8.self)
            guard let key = text.range(of: "encoding") else { return nil }
            var rest = text[key.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
            rest = rest.dropFirst()
            return String(rest.prefix { $0 != quote })
        }

        private static func lowered(_ byte: UInt8) -> UInt8 {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
        }

        /// The refusal of a whole document that the checks before parsing find: its prolog
        /// (`check`), then its processing instructions (`checkInstructions`); nil to parse it.
        static func refusal(of document: Data, file: String) -> GlossaryDiagnostic? {
            if let refusal = check(document.prefix(scanLimit), isWhole: document.count <= scanLimit, file: file) { return refusal }
            return document.withUnsafeBytes { checkInstructions($0, file: file) }
        }

        static let emptyInstructionMessage =
            "a processing instruction without data (<?name?>) cannot be read: Foundation's XML parser on Linux crashes on it; write <?name ?> or leave it out"

        /// A refusal of a document holding a processing instruction with a target and nothing
        /// else (`<?x?>`), anywhere: Foundation's parser on Linux reads its missing data through a
        /// null pointer. Comments and CDATA sections are skipped (text elsewhere cannot hold `<`).
        /// - Parameter bytes: the whole document.
        static func checkInstructions(_ bytes: UnsafeRawBufferPointer, file: String) -> GlossaryDiagnostic? {
            func starts(with prefix: StaticString, at offset: Int) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard offset + count <= bytes.count else { return false }
                for k in 0..<count where bytes[offset + k] != prefix.utf8Start[k] { return false }
                return true
            }
            func skip(past terminator: StaticString, from offset: Int) -> Int {
                var index = offset
                while index < bytes.count && !starts(with: terminator, at: index) { index += 1 }
                return index + terminator.utf8CodeUnitCount
            }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if starts(with: "<!--", at: index) {
                    index = skip(past: "-->", from: index + 4)
                } else if starts(with: "<![CDATA[", at: index) {
                    index = skip(past: "]]>", from: index + 9)
                } else if starts(with: "<?", at: index) {
                    var end = index + 2
                    while end < bytes.count && ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "?")].contains(bytes[end]) { end += 1 }
                    if starts(with: "?>", at: end) {
                        let (line, column) = position(of: index, in: Array(bytes.prefix(index)))
                        return GlossaryDiagnostic(file: file, line: line, column: column, message: emptyInstructionMessage)
                    }
                    index = skip(past: "?>", from: end)
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// The 1-based line and column (in Unicode scalars) of a byte offset.
        static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
            var line = 1
            var column = 1
            var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            while index < min(offset, bytes.count) {
                let byte = bytes[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) {
                    line += 1
                    column = 1
                } else if byte != 0x0D && byte & 0xC0 != 0x80 {
                    column += 1
                }
                index += 1
            }
            return (line, column)
        }
    }

    /// The delegate of one streamed parse, turning concept entries into glossary entries as
    /// their end tags arrive.
    final class Reader: NSObject, XMLParserDelegate {
        let file: String
        let layer: GlossaryLayer
        /// Converts a Traditional-only concept's term into the Simplified form entries carry.
        let toSimplified: ChineseScriptConverter?
        private(set) var entries: [GlossaryEntry] = []
        private(set) var diagnostics: [GlossaryDiagnostic] = []

        /// Set once the parse has failed or been refused; later callbacks are ignored.
        private var stopped = false
        private var depth = 0
        private var rootDepth: Int?
        /// `langSec` in TBX v3, `langSet` in v2 (`martif`), for messages.
        private var languageSectionName = "langSec"
        /// The `xml:lang` values met, in order, for a file with no Chinese or no English.
        private var languagesSeen: [String] = []
        private var conceptCount = 0
        /// How many concepts lacked a Chinese term, and how many an English one.
        private var conceptsWithoutChinese = 0
        private var conceptsWithoutEnglish = 0
        private var rootClosed = false
        private var concept: Concept?
        /// The role of the open language section, nil outside one.
        private var language: LanguageRole?
        private var inTermSection = false
        private var capture: Capture?

        /// A concept entry being read.
        struct Concept {
            var element: String
            var id: String?
            var line: Int
            var column: Int
            var english: [String] = []
            var simplified: [String] = []
            var traditional: [String] = []
            var pinyin: [String] = []
            /// Notes and definitions at the concept, language-section and term level.
            var notes: [Level: [String]] = [:]
            var type: TermType?
            var isProperNoun = false
        }

        enum Level: CaseIterable { case concept, language, term }

        /// Text being collected from an element and its children.
        struct Capture {
            enum Kind { case term, note(Level), customerSubset, partOfSpeech }
            var kind: Kind
            var depth: Int
            var text = ""
        }

        init(file: String, layer: GlossaryLayer, toSimplified: ChineseScriptConverter? = nil) {
            self.file = file
            self.layer = layer
            self.toSimplified = toSimplified
        }

        func read(with parser: XMLParser) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
            parser.delegate = self
            parser.shouldProcessNamespaces = true
            parser.shouldReportNamespacePrefixes = false
            parser.shouldResolveExternalEntities = false
            parser.externalEntityResolvingPolicy = .never
            let succeeded = parser.parse()
            if !stopped {
                if rootDepth == nil {
                    fail("no root element: the file is empty or not XML", line: 1, column: 1, parser: nil)
                } else if !rootClosed {
                    fail("the file ends before the root element is closed", line: parser.lineNumber, column: parser.columnNumber, parser: nil)
                } else if !succeeded {
                    let code = (parser.parserError as NSError?)?.code ?? 0
                    fail("malformed XML: \(Self.describe(code))", line: parser.lineNumber, column: parser.columnNumber, parser: nil)
                }
            }
            parser.delegate = nil
            summarizeMissingLanguages()
            return (entries, diagnostics)
        }

        private func fail(_ message: String, line: Int, column: Int, parser: XMLParser?) {
            diagnostics.append(GlossaryDiagnostic(file: file, line: max(line, 1), column: max(column, 1), message: message))
            stopped = true
            concept = nil
            parser?.abortParsing()
        }

        // MARK: Elements

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String]
        ) {
            guard !stopped else { return }
            depth += 1
            guard rootDepth != nil else {
                guard elementName == "tbx" || elementName == "martif" else {
                    fail(
                        "not a TBX file: the root element is <\(elementName)>, not <tbx> (TBX v3) or <martif> (TBX v2)",
                        line: parser.lineNumber, column: parser.columnNumber, parser: parser)
                    return
                }
                rootDepth = depth
                if elementName == "martif" { languageSectionName = "langSet" }
                return
            }
            guard concept != nil else {
                if elementName == "conceptEntry" || elementName == "termEntry" {
                    concept = Concept(element: elementName, id: attributeDict["id"], line: parser.lineNumber, column: parser.columnNumber)
                    language = nil
                    inTermSection = false
                }
                return
            }
            guard capture == nil else { return }  // markup inside a term or note: its text counts
            let level: Level = inTermSection ? .term : language != nil ? .language : .concept
            let type = attributeDict["type"]
            switch elementName {
            case "langSec", "langSet":
                let tag = attributeDict["xml:lang"] ?? attributeDict["lang"] ?? ""
                language = LanguageRole(tag: tag)
                if languagesSeen.count < 20, !languagesSeen.contains(tag) { languagesSeen.append(tag) }
            case "termSec", "tig", "ntig":
                inTermSection = true
            case "term" where inTermSection:
                capture = Capture(kind: .term, depth: depth)
            case "note", "definition":
                capture = Capture(kind: .note(level), depth: depth)
            case "descrip" where type == "definition":
                capture = Capture(kind: .note(level), depth: depth)
            case "customerSubset":
                capture = Capture(kind: .customerSubset, depth: depth)
            case "admin" where type == "customerSubset":
                capture = Capture(kind: .customerSubset, depth: depth)
            case "partOfSpeech":
                capture = Capture(kind: .partOfSpeech, depth: depth)
            case "termNote" where type == "partOfSpeech":
                capture = Capture(kind: .partOfSpeech, depth: depth)
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stopped, capture != nil else { return }
            capture?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stopped, capture != nil else { return }
            capture?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard !stopped else { return }
            defer { depth -= 1 }
            if depth == rootDepth {
                rootClosed = true
                return
            }
            guard var concept else { return }
            if let current = capture {
                guard current.depth == depth else { return }
                capture = nil
                finish(current, in: &concept)
                self.concept = concept
                return
            }
            switch elementName {
            case "termSec", "tig", "ntig":
                inTermSection = false
            case "langSec", "langSet":
                language = nil
            case "conceptEntry", "termEntry":
                self.concept = nil
                language = nil
                inTermSection = false
                add(concept)
            default:
                break
            }
        }

        /// Files a captured text in the concept.
        private func finish(_ capture: Capture, in concept: inout Concept) {
            let text = capture.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return }
            switch capture.kind {
            case .term:
                switch language {
                case .english: concept.english.append(text)
                case .simplified: concept.simplified.append(text)
                case .traditional: concept.traditional.append(text)
                case .pinyin: concept.pinyin.append(text)
                case .other, nil: break
                }
            case .note(let level):
                // Notes of other languages' sections would be in those languages.
                guard level == .concept || (language != nil && language != .other) else { return }
                concept.notes[level, default: []].append(text)
            case .customerSubset:
                if concept.type == nil, let type = TermType(rawValue: text) { concept.type = type }
            case .partOfSpeech:
                if text.lowercased().filter({ $0.isLetter }) == "propernoun" { concept.isProperNoun = true }
            }
        }

        /// Adds the entry a finished concept makes, or a diagnostic for what it lacks.
        ///
        /// A concept with only a Traditional term gets ICU's Simplified form of it, marked
        /// derived: the term keeps the script its `xml:lang` declares.
        private func add(_ concept: Concept) {
            conceptCount += 1
            let name = concept.id.map { "\(concept.element) '\($0)'" } ?? "\(concept.element) without an id"
            func problem(_ message: String) {
                diagnostics.append(GlossaryDiagnostic(file: file, line: concept.line, column: concept.column, extent: .entry, message: message))
            }
            if concept.simplified.isEmpty && concept.traditional.isEmpty { conceptsWithoutChinese += 1 }
            if concept.english.isEmpty { conceptsWithoutEnglish += 1 }
            let isDerived = concept.simplified.isEmpty
            guard let chinese = concept.simplified.first ?? concept.traditional.first else {
                problem("\(name) has no Chinese term (a \(languageSectionName) with xml:lang zh, zh-Hans or zh-Hant)")
                return
            }
            guard let english = concept.english.first else {
                problem("\(name) has no English term (a \(languageSectionName) with xml:lang en)")
                return
            }
            let simplified = isDerived ? ((try? toSimplified?.convert(chinese)) ?? chinese) : chinese
            let note = Level.allCases.lazy.compactMap { concept.notes[$0] }.first.map { $0.joined(separator: "; ") }
            entries.append(
                GlossaryEntry(
                    english: english, englishVariants: Array(concept.english.dropFirst()),
                    simplified: simplified, traditional: concept.traditional.first,
                    chineseVariants: Array(concept.simplified.dropFirst()) + Array(concept.traditional.dropFirst()),
                    pinyin: concept.pinyin.first,
                    type: concept.type ?? (concept.isProperNoun ? .other : .term),
                    note: note, simplifiedIsDerived: isDerived,
                    origin: EntryOrigin(file: file, line: concept.line, layer: layer)))
        }

        /// One line, naming the languages found, instead of one per concept, when no concept
        /// has a Chinese term (or none an English one): the file is in other languages.
        private func summarizeMissingLanguages() {
            let missing: String
            if conceptCount > 0 && conceptsWithoutChinese == conceptCount {
                missing = "Chinese (xml:lang zh, zh-CN, zh-Hans, zh-TW, zh-Hant …)"
            } else if conceptCount > 0 && conceptsWithoutEnglish == conceptCount {
                missing = "English (xml:lang en, en-US …)"
            } else {
                return
            }
            let first = diagnostics.first { $0.extent == .entry }
            diagnostics.removeAll { $0.extent == .entry && $0.severity == .error }
            let found = languagesSeen.isEmpty ? "none" : languagesSeen.map { $0.isEmpty ? "(no xml:lang)" : $0 }.joined(separator: ", ")
            diagnostics.insert(
                GlossaryDiagnostic(
                    file: file, line: first?.line ?? 1, column: first?.column ?? 1,
                    message: "no \(languageSectionName) in \(missing) in any of the \(conceptCount) entries; the languages found: \(found)"),
                at: 0)
        }

        // MARK: Errors and declarations

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            guard !stopped else { return }
            let code = (parseError as NSError).code
            // libxml2 reports warnings through the same channel; they do not stop a parse.
            guard !Self.warningCodes.contains(code) else { return }
            fail("malformed XML: \(Self.describe(code))", line: parser.lineNumber, column: parser.columnNumber, parser: parser)
        }

        func parser(_ parser: XMLParser, validationErrorOccurred validationError: Error) {}

        private func refuseDeclaration(_ parser: XMLParser) {
            guard !stopped else { return }
            fail(Prolog.declarationMessage, line: parser.lineNumber, column: parser.columnNumber, parser: parser)
        }

        func parser(_ parser: XMLParser, foundNotationDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuseDeclaration(parser)
        }

        func parser(
            _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?, systemID: String?,
            notationName: String?
        ) {
            refuseDeclaration(parser)
        }

        func parser(
            _ parser: XMLParser, foundAttributeDeclarationWithName attributeName: String, forElement elementName: String, type: String?,
            defaultValue: String?
        ) {
            refuseDeclaration(parser)
        }

        func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
            refuseDeclaration(parser)
        }

        func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
            refuseDeclaration(parser)
        }

        func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
            refuseDeclaration(parser)
        }

        /// Entities are never resolved: an undeclared one is then a parse error.
        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }

        // MARK: libxml2's error codes

        /// libxml2's warnings (`XML_WAR_*`), which `XMLParser` reports as errors.
        /// Not 27, an undeclared entity in a file with a DOCTYPE: the DTD that might declare it
        /// is never read, and going on would leave the reference out of the term.
        static let warningCodes: Set<Int> = [93, 97, 98, 99, 100, 102, 106, 107]

        /// libxml2's error code (`xmlParserErrors`, which `XMLParser` passes on as the error's
        /// code without a message) in words.
        static func describe(_ code: Int) -> String {
            let text: String
            switch code {
            case 3: text = "the document does not start with a tag"
            case 4: text = "no start tag: the file is empty or not XML"
            case 5: text = "the file ends inside an element, or has content after the root element"
            case 6, 7, 8: text = "invalid character reference"
            case 9: text = "a character XML does not allow, or bytes that are not valid UTF-8"
            case 23: text = "entity reference without its ';'"
            case 26: text = "undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"
            case 27:
                text = "an entity the DTD would declare (the DTD is never read: only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"
            case 31, 32: text = "unknown or unsupported encoding"
            case 33, 34: text = "quoted string expected"
            case 38: text = "'<' in an attribute value, or an attribute value not closed"
            case 39: text = "attribute value not in quotes"
            case 40: text = "attribute value not closed"
            case 41: text = "attribute without a value"
            case 42, 203: text = "attribute given twice"
            case 45: text = "comment not closed"
            case 46, 47: text = "processing instruction not closed"
            case 56, 57, 96: text = "malformed XML declaration"
            case 61: text = "DOCTYPE not closed"
            case 62: text = "']]>' outside a CDATA section"
            case 63: text = "CDATA section not closed"
            case 64: text = "XML declaration not at the start of the file"
            case 65: text = "space required"
            case 68: text = "name expected (a '&' or '<' in text is written &amp; or &lt;)"
            case 73: text = "'>' expected"
            case 74: text = "'</' expected"
            case 76: text = "opening and ending tag mismatch"
            case 77: text = "tag not closed"
            case 80: text = "'--' inside a comment"
            case 81: text = "bytes not valid in the file's encoding"
            case 89: text = "entity reference loop"
            case 201: text = "undefined namespace prefix"
            case 202: text = "malformed qualified name"
            default: text = "XML error"
            }
            return "\(text) (libxml2 error \(code))"
        }
    }
}

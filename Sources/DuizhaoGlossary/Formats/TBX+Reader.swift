import DuizhaoText
import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension TBX {
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
        /// `langSec` in TBX v3, `langSet` in v2 (`martif`), `languageGrp` in MultiTerm XML, for messages.
        private var languageSectionName = "langSec"
        /// Whether the file is MultiTerm XML (`mtf`), SDL MultiTerm's own export, which TBX
        /// readers are often handed: `conceptGrp/languageGrp/termGrp/term`.
        private var isMultiTerm = false
        /// The `xml:lang` values met, in order, for a file with no Chinese or no English.
        private var languagesSeen: [String] = []
        private var conceptCount = 0
        /// How many concepts lacked a Chinese term, and how many an English one.
        private var conceptsWithoutChinese = 0
        private var conceptsWithoutEnglish = 0
        /// The entries whose Chinese came from `zh` sections alone, whose script the terms tell.
        private var undeclared: [Int] = []
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
            /// The roles of concept-level notes that start `role:` (`TBX.rolePrefix`).
            var roles: [GlossaryEntry.Role] = []
            /// The first role note that could not be read, and where it starts.
            var roleProblem: (message: String, line: Int, column: Int)?
            var type: TermType?
            var isProperNoun = false
            /// Whether a section said which script (zh-Hans, zh-CN, zh-Hant …), rather than zh alone.
            var declaresScript = false
        }

        enum Level: CaseIterable { case concept, language, term }

        /// Text being collected from an element and its children.
        struct Capture {
            enum Kind { case term, note(Level), customerSubset, partOfSpeech }
            var kind: Kind
            var depth: Int
            var text = ""
            /// Where the element starts, for messages.
            var line = 0
            var column = 0
            /// Whether it is a `<note>`, which alone may hold a role.
            var isNoteElement = false
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
            takeTraditionalIfTheTermsAre()
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
                guard elementName == "tbx" || elementName == "martif" || elementName == "mtf" else {
                    fail(
                        "not a TBX file: the root element is <\(elementName)>, not <tbx> (TBX v3), <martif> (TBX v2) or <mtf> (MultiTerm XML)",
                        line: parser.lineNumber, column: parser.columnNumber, parser: parser)
                    return
                }
                rootDepth = depth
                if elementName == "martif" { languageSectionName = "langSet" }
                if elementName == "mtf" {
                    languageSectionName = "languageGrp"
                    isMultiTerm = true
                }
                return
            }
            guard concept != nil else {
                if elementName == "conceptEntry" || elementName == "termEntry" || (isMultiTerm && elementName == "conceptGrp") {
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
            case "languageGrp" where isMultiTerm:
                language = .other  // until its <language lang="…" type="…"/>
            case "language" where isMultiTerm && language != nil && !inTermSection:
                // lang="ZH" says less than type="Chinese (Taiwan)": the one that names a script decides.
                let tags = [attributeDict["lang"], attributeDict["type"]].compactMap { $0 }
                let tag = tags.first { GlossaryLanguage(name: $0)?.declaresScript == true } ?? tags.first ?? ""
                language = LanguageRole(tag: tag)
                if languagesSeen.count < 20, !languagesSeen.contains(tag) { languagesSeen.append(tag) }
            case "termGrp" where isMultiTerm:
                inTermSection = true
            case "term" where inTermSection:
                capture = Capture(kind: .term, depth: depth)
            case "note", "definition":
                capture = Capture(
                    kind: .note(level), depth: depth, line: parser.lineNumber, column: parser.columnNumber, isNoteElement: elementName == "note")
            case "descrip" where type?.lowercased() == "definition" || (isMultiTerm && type?.lowercased() == "note"):
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
            case "termGrp" where isMultiTerm:
                inTermSection = false
            case "langSec", "langSet":
                language = nil
            case "languageGrp" where isMultiTerm:
                language = nil
            case "conceptEntry", "termEntry", "conceptGrp":
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
                case .simplified:
                    concept.simplified.append(text)
                    concept.declaresScript = true
                case .chinese: concept.simplified.append(text)
                case .traditional:
                    concept.traditional.append(text)
                    concept.declaresScript = true
                case .pinyin: concept.pinyin.append(text)
                case .other, nil: break
                }
            case .note(let level):
                // Notes of other languages' sections would be in those languages.
                guard level == .concept || (language != nil && language != .other) else { return }
                if level == .concept, capture.isNoteElement, let roles = TBX.roleNoteText(text) {
                    do {
                        concept.roles += try GlossaryEntry.Role.parse(roles)
                    } catch {
                        if concept.roleProblem == nil { concept.roleProblem = (error.message, capture.line, capture.column) }
                    }
                    return
                }
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
            if let (message, line, column) = concept.roleProblem {
                diagnostics.append(GlossaryDiagnostic(file: file, line: max(line, 1), column: max(column, 1), extent: .entry, message: "\(name): \(message)"))
                return
            }
            let simplified = isDerived ? ((try? toSimplified?.convert(chinese)) ?? chinese) : chinese
            let note = Level.allCases.lazy.compactMap { concept.notes[$0] }.first.map { $0.joined(separator: "; ") }
            if !concept.declaresScript { undeclared.append(entries.count) }
            entries.append(
                GlossaryEntry(
                    english: english, englishVariants: Array(concept.english.dropFirst()),
                    simplified: simplified, traditional: concept.traditional.first,
                    chineseVariants: Array(concept.simplified.dropFirst()) + Array(concept.traditional.dropFirst()),
                    pinyin: concept.pinyin.first,
                    type: concept.type ?? (concept.isProperNoun ? .other : .term),
                    note: note, roles: concept.roles, simplifiedIsDerived: isDerived,
                    origin: EntryOrigin(file: file, line: concept.line, layer: layer)))
        }

        /// Moves the terms of sections that did not say their script to `traditional` when they
        /// are Traditional (`[GlossaryEntry].takeTraditionalIfTheTermsAre`).
        private func takeTraditionalIfTheTermsAre() {
            guard let toSimplified, !undeclared.isEmpty else { return }
            entries.takeTraditionalIfTheTermsAre(at: undeclared, toSimplified: toSimplified)
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

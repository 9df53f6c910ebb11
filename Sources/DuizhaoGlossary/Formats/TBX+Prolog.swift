import Foundation

extension TBX {
    /// What a language section holds, by its `xml:lang`.
    enum LanguageRole: Equatable {
        /// `chinese` is `zh` without a script or region: read as Simplified unless the file's
        /// terms show Traditional.
        case english, simplified, traditional, chinese, pinyin, other

        init(tag: String) {
            let language = GlossaryLanguage(name: tag)
            switch language?.column {
            case .english: self = .english
            case .simplified: self = language?.declaresScript == false ? .chinese : .simplified
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
}

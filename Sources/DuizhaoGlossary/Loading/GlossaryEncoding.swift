import DuizhaoText
import Foundation

/// The encodings glossary files come in: UTF-8 (with or without a byte order mark) and UTF-16
/// with one (Excel's "Unicode Text", MultiTerm's XML). GB18030 and Big5 files are told apart
/// from broken UTF-8 so that the error says how to convert them, rather than only where the
/// first bad byte is.
enum GlossaryEncoding {
    /// What decoding gave: the text, or the one problem that stopped it.
    enum Decoded {
        case success(String)
        case failure(GlossaryDiagnostic)
    }

    /// Whether bytes start as UTF-16 does: a byte order mark, or (XML without one) `<` and a
    /// zero byte.
    static func isUTF16(_ head: some Collection<UInt8>) -> Bool {
        let bytes = Array(head.prefix(2))
        guard bytes.count == 2 else { return false }
        return bytes == [0xFF, 0xFE] || bytes == [0xFE, 0xFF] || bytes == [0x3C, 0x00] || bytes == [0x00, 0x3C]
    }

    /// A glossary file's text.
    /// - Parameter file: the name for messages.
    static func decode(_ data: Data, file: String) -> Decoded {
        let bytes = [UInt8](data)
        if isUTF16(bytes) { return decodeUTF16(bytes, file: file) }
        do {
            return .success(try InputText(decoding: bytes, origin: file).text)
        } catch {
            guard case .invalidUTF8(_, let offset, let line, let column) = error else {
                return .failure(GlossaryDiagnostic(file: file, line: 1, column: 1, message: error.description))
            }
            if let legacy = legacyChineseEncoding(bytes) {
                let ext = URL(fileURLWithPath: file).pathExtension
                let converted = ext.isEmpty ? file + "-utf8" : String(file.dropLast(ext.count + 1)) + "-utf8." + ext
                return .failure(
                    GlossaryDiagnostic(
                        file: file, line: line, column: column,
                        message: "not UTF-8: the file looks like \(legacy.name); convert it to UTF-8 first: "
                            + "iconv -f \(legacy.iconv) -t UTF-8 '\(file)' > '\(converted)'"))
            }
            return .failure(GlossaryDiagnostic(file: file, line: line, column: column, message: "invalid UTF-8 at byte offset \(offset)"))
        }
    }

    /// UTF-16 by its byte order mark (big-endian without one, as XML's rules say when a file
    /// starts `00 3C`).
    private static func decodeUTF16(_ bytes: [UInt8], file: String) -> Decoded {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0x3C, 0x00])
        let hasMark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = hasMark ? 2 : 0
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        if let text = String(validating: units, as: UTF16.self), bytes.count % 2 == 0 { return .success(text) }
        // The first code unit that is not part of a character, and its line and column.
        var line = 1
        var column = 1
        var unit = 0
        while unit < units.count {
            let value = units[unit]
            if (0xD800...0xDBFF).contains(value), unit + 1 < units.count, (0xDC00...0xDFFF).contains(units[unit + 1]) {
                unit += 2
                column += 1
                continue
            }
            if (0xD800...0xDFFF).contains(value) { break }
            if value == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            unit += 1
        }
        let message = unit < units.count ? "invalid UTF-16: a lone surrogate at byte offset \(unit * 2 + (hasMark ? 2 : 0))" : "invalid UTF-16: an odd number of bytes"
        return .failure(GlossaryDiagnostic(file: file, line: line, column: column, message: message))
    }

    /// The legacy Chinese encoding bytes that are not UTF-8 are in, when every byte above ASCII
    /// belongs to a well-formed GB18030 or Big5 sequence: Big5 when many second bytes are below
    /// 0x7F (as Big5's common characters' are, and GB2312's never), else GB18030.
    static func legacyChineseEncoding(_ bytes: [UInt8]) -> (name: String, iconv: String)? {
        var index = 0
        var pairs = 0
        var lowTrails = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x80 else {
                index += 1
                continue
            }
            guard (0x81...0xFE).contains(byte), index + 1 < bytes.count else { return nil }
            let trail = bytes[index + 1]
            if (0x30...0x39).contains(trail) {
                // GB18030's four-byte form.
                guard index + 3 < bytes.count, (0x81...0xFE).contains(bytes[index + 2]), (0x30...0x39).contains(bytes[index + 3]) else { return nil }
                pairs += 1
                index += 4
                continue
            }
            guard (0x40...0xFE).contains(trail), trail != 0x7F else { return nil }
            pairs += 1
            if trail < 0x7F { lowTrails += 1 }
            index += 2
        }
        guard pairs > 0 else { return nil }
        return lowTrails * 4 > pairs
            ? ("Big5 (Traditional Chinese; or GB18030)", "BIG5")
            : ("GB18030 (GBK, GB2312; or Big5 for Traditional Chinese)", "GB18030")
    }

    /// XML text whose declaration says UTF-8, for text decoded from another encoding: the
    /// parser is given its UTF-8 bytes. Only the declaration's `encoding` changes, so lines and
    /// (past the first line) columns stay where they were.
    static func declaringUTF8(_ text: String) -> String {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        guard body.hasPrefix("<?xml"), let end = body.range(of: "?>"),
            let key = body.range(of: "encoding", range: body.startIndex..<end.lowerBound)
        else { return body }
        var index = key.upperBound
        while index < end.lowerBound, body[index] == " " || body[index] == "=" || body[index] == "\t" { index = body.index(after: index) }
        guard index < end.lowerBound, body[index] == "\"" || body[index] == "'" else { return body }
        let quote = body[index]
        let valueStart = body.index(after: index)
        guard let valueEnd = body[valueStart..<end.lowerBound].firstIndex(of: quote) else { return body }
        return String(body[..<valueStart]) + "UTF-8" + String(body[valueEnd...])
    }
}

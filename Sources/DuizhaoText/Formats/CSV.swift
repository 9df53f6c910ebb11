/// Comma-separated values as RFC 4180 defines them: a reader that keeps where each field
/// starts, and a writer that spreadsheets open safely.
///
/// Both work on UTF-8 bytes, not `Character`s: Swift treats "\r\n" as one `Character`, so a
/// reader splitting characters on "\n" would miss every CRLF record end.
///
/// Shared by glossaries (`GlossaryCSV`) and every other CSV the tool reads or writes.
public enum CSV {
    /// Parses RFC 4180 text: fields separated by commas, records by CRLF, LF or a lone CR;
    /// quoted fields may hold commas, quotes (written `""`) and line breaks, kept as they are.
    ///
    /// A byte order mark at the start is skipped. A final line break does not start another
    /// record; an empty line inside the text is a record of one empty field. Spaces are part
    /// of a field (RFC 4180 §2.4).
    /// - Returns: the records, each field with its text and the 1-based line and column
    ///   (in Unicode scalars) where it starts, for messages.
    /// - Throws: `CSVError` at the opening quote of a quoted field that is never closed, at a
    ///   quote inside an unquoted field, or at whatever follows a closing quote other than a
    ///   comma or a line break.
    public static func parse(_ text: String) throws(CSVError) -> [[CSVField]] {
        var copy = text
        return try copy.withUTF8Bytes { (bytes) throws(CSVError) -> [[CSVField]] in
            var parser = Parser(bytes: bytes)
            return try parser.records()
        }
    }

    /// How `write` protects the cells it writes.
    public struct WriterOptions: Sendable, Hashable {
        /// Start the output with U+FEFF, so that Excel reads it as UTF-8 rather than the
        /// system's legacy code page.
        public var byteOrderMark: Bool
        /// Prefix `'` to a cell starting with `=`, `+`, `-`, `@`, tab or CR, which a spreadsheet
        /// would otherwise run as a formula (OWASP's advice against CSV injection). Turn it off
        /// for data meant to be read back by tools, where the `'` would change the value.
        public var neutralizeFormulas: Bool

        public init(byteOrderMark: Bool = true, neutralizeFormulas: Bool = true) {
            self.byteOrderMark = byteOrderMark
            self.neutralizeFormulas = neutralizeFormulas
        }
    }

    /// Writes records per RFC 4180, each ended by CRLF.
    ///
    /// A field is quoted when it holds a comma, a quote, CR or LF, starts or ends with a space
    /// or tab (which some readers trim), or starts with U+FEFF (which would read as a byte order
    /// mark at the start of the text); quotes inside are doubled. A record of a single
    /// empty field is written `""` so that readers skipping blank lines keep it; a record of no
    /// fields is an empty line, which reads back as one empty field.
    public static func write(_ records: [[String]], options: WriterOptions = .init()) -> String {
        var output = options.byteOrderMark ? "\u{FEFF}" : ""
        for record in records {
            if record.count == 1 && record[0].isEmpty {
                output += "\"\""
            } else {
                for (index, field) in record.enumerated() {
                    if index > 0 { output += "," }
                    output += escaped(field, neutralizeFormulas: options.neutralizeFormulas)
                }
            }
            output += "\r\n"
        }
        return output
    }

    /// One field as written: neutralized if asked, then quoted if needed.
    static func escaped(_ field: String, neutralizeFormulas: Bool) -> String {
        var value = field
        if neutralizeFormulas, let first = value.unicodeScalars.first, formulaTriggers.contains(first) {
            value = "'" + value
        }
        let scalars = value.unicodeScalars
        let needsQuotes =
            scalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || scalars.first.map(isBlank) == true || scalars.last.map(isBlank) == true
            || scalars.first == "\u{FEFF}"
        guard needsQuotes else { return value }
        var quoted = "\""
        quoted.unicodeScalars.reserveCapacity(scalars.count + 2)
        for scalar in scalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted += "\""
        return quoted
    }

    /// The first characters that make a spreadsheet read a cell as a formula.
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

    /// The state of one parse over UTF-8 bytes.
    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// The line and column (in scalars) of `bytes[index]`.
        var line = 1
        var column = 1

        static let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        var atEnd: Bool { index >= bytes.count }

        /// Moves past one byte that is not a line break; a UTF-8 continuation byte does not
        /// start a new column.
        mutating func advance() {
            index += 1
            if index < bytes.count, bytes[index] & 0xC0 == 0x80 { return }
            column += 1
        }

        /// Moves past a line break (CRLF, LF or CR) at `index`.
        mutating func advanceOverLineBreak() {
            if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { index += 1 }
            index += 1
            line += 1
            column = 1
        }

        func isLineBreak(_ byte: UInt8) -> Bool { byte == Self.cr || byte == Self.lf }

        mutating func records() throws(CSVError) -> [[CSVField]] {
            var records: [[CSVField]] = []
            var record: [CSVField] = []
            guard !atEnd else { return [] }
            while true {
                record.append(try field())
                if atEnd {
                    records.append(record)
                    return records
                }
                if bytes[index] == Self.comma {
                    advance()
                    continue
                }
                // Otherwise a line break, which `field()` stopped at.
                advanceOverLineBreak()
                records.append(record)
                record = []
                if atEnd { return records }
            }
        }

        /// Reads one field, stopping at the comma, line break or end after it.
        mutating func field() throws(CSVError) -> CSVField {
            let startLine = line, startColumn = column
            var buffer: [UInt8] = []
            if !atEnd, bytes[index] == Self.quote {
                advance()
                while true {
                    guard !atEnd else {
                        throw CSVError(line: startLine, column: startColumn, message: "quoted field is not closed")
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        advance()
                        if !atEnd, bytes[index] == Self.quote {
                            buffer.append(Self.quote)
                            advance()
                            continue
                        }
                        break
                    }
                    if isLineBreak(byte) {
                        // Kept as written: CRLF stays CRLF.
                        buffer.append(byte)
                        if byte == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf { buffer.append(Self.lf) }
                        advanceOverLineBreak()
                        continue
                    }
                    buffer.append(byte)
                    advance()
                }
                if !atEnd, bytes[index] != Self.comma, !isLineBreak(bytes[index]) {
                    throw CSVError(
                        line: line, column: column,
                        message: "expected a comma or a line break after the closing quote (a quote inside a quoted field is written \"\")")
                }
            } else {
                while !atEnd {
                    let byte = bytes[index]
                    if byte == Self.comma || isLineBreak(byte) { break }
                    if byte == Self.quote {
                        throw CSVError(
                            line: line, column: column,
                            message: "quote inside an unquoted field (quote the whole field and write the quote as \"\")")
                    }
                    buffer.append(byte)
                    advance()
                }
            }
            return CSVField(text: String(decoding: buffer, as: UTF8.self), line: startLine, column: startColumn)
        }
    }
}

/// One field of a CSV record, with where it starts.
public struct CSVField: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    /// 1-based line of the field's first character (its opening quote, if quoted).
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(text.debugDescription)" }
}

/// CSV text that does not follow RFC 4180, with where the problem is.
public struct CSVError: Error, CustomStringConvertible, Sendable, Equatable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

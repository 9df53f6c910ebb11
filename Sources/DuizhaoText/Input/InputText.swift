import Foundation

/// Text read from a file or standard input, checked and decoded.
public struct InputText: Sendable {
    /// The decoded text, without a byte order mark.
    public var text: String
    /// Where it came from: a path, or "<stdin>".
    public var origin: String
    /// Whether a UTF-8 byte order mark was skipped. Offsets count from after it.
    public var hadByteOrderMark: Bool

    /// Decodes UTF-8 bytes, skipping a byte order mark.
    /// - Parameters:
    ///   - bytes: the raw input.
    ///   - origin: the file name for messages.
    /// - Throws: `InputError.invalidUTF8` with the offset, line and column of the first bad byte.
    public init(decoding bytes: some Collection<UInt8>, origin: String) throws(InputError) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let hasBOM = bytes.starts(with: bom)
        let body = bytes.dropFirst(hasBOM ? 3 : 0)
        // Validation decodes without copying; only a bad file is copied, to place its error.
        guard let text = String(validating: body, as: UTF8.self) else {
            let array = Array(body)[...]
            let offset = Self.firstInvalidUTF8(array) ?? 0
            let (line, column) = Self.lineAndColumn(of: offset, in: array)
            throw .invalidUTF8(origin: origin, byteOffset: offset + (hasBOM ? 3 : 0), line: line, column: column)
        }
        self.text = text
        self.origin = origin
        self.hadByteOrderMark = hasBOM
    }

    /// Reads and decodes a file, or standard input when `path` is nil or "-".
    /// - Throws: `InputError` when the file is missing or unreadable, or not UTF-8.
    public static func read(path: String?) throws(InputError) -> InputText {
        guard let path, path != "-" else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try InputText(decoding: data, origin: "<stdin>")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .missing(path: path)
        }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        return try InputText(decoding: data, origin: path)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all are.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// 1-based line and column (in characters) of a byte offset into valid-until-there UTF-8.
    static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let prefix = bytes.prefix(offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        let column = String(decoding: bytes[lineStart..<(bytes.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
        return (line, column)
    }
}

/// Why input could not be read.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case invalidUTF8(origin: String, byteOffset: Int, line: Int, column: Int)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .invalidUTF8(let origin, let offset, let line, let column):
            "\(origin):\(line):\(column): invalid UTF-8 at byte offset \(offset)"
        }
    }
}

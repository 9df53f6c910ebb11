import Foundation

/// One line of JSON Lines input, as read: its place and its bytes.
public struct JobLine: Sendable {
    /// Its line number, from 1.
    public var number: Int
    /// The byte offset of its first byte in the input.
    public var offset: Int
    /// Its bytes, without the line end; nil when the line was longer than the reader keeps
    /// (its first bytes when the reader keeps prefixes).
    public var bytes: [UInt8]?
    /// Its length in bytes, without the line end (counted even when `bytes` is nil).
    public var length: Int
}

/// Reads a file or standard input line by line in pieces, holding one line at a time.
///
/// A line longer than `limit` is read to its end and counted but not kept (`bytes` is nil), so a
/// runaway line costs no memory and the lines after it are read as usual. Blank lines are
/// skipped (their numbers still count); a CR before the LF is dropped.
public final class JobLineReader {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let limit: Int
    private let keepsPrefix: Bool
    private let origin: String
    private var buffer: [UInt8] = []
    private var start = 0
    private var bufferOffset = 0
    private var atEnd = false
    private var lineNumber = 0
    /// The offset just past the last line end read: everything before it is whole lines.
    public private(set) var endOfLastCompleteLine = 0
    /// Whether the input ended with bytes after its last line end (a line cut short).
    public private(set) var endsWithUnterminatedLine = false

    static let pieceSize = 1 << 20

    /// Reads `path`, or standard input when it is nil or "-".
    /// - Parameters:
    ///   - limit: the longest line kept, in bytes.
    ///   - keepsPrefix: whether a longer line keeps its first `limit` bytes rather than none.
    /// - Throws: `BatchError` when the file is missing or cannot be opened.
    public init(path: String?, limit: Int, keepsPrefix: Bool = false) throws(BatchError) {
        self.limit = limit
        self.keepsPrefix = keepsPrefix
        if let path, path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BatchError(message: "\(path): no such file", exit: .missingInput)
            }
            let descriptor = isDirectory.boolValue ? -1 : open(path, O_RDONLY)
            guard descriptor >= 0 else {
                throw BatchError(message: "\(path): cannot read: \(isDirectory.boolValue ? "is a directory" : String(cString: strerror(errno)))", exit: .missingInput)
            }
            self.descriptor = descriptor
            ownsDescriptor = true
            origin = path
        } else {
            descriptor = STDIN_FILENO
            ownsDescriptor = false
            origin = "standard input"
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The next line that is not blank, or nil at the end of the input.
    /// - Throws: `BatchError` (status 74) when reading fails.
    public func next() throws(BatchError) -> JobLine? {
        while true {
            guard let line = try nextLine() else { return nil }
            if let bytes = line.bytes, bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            return line
        }
    }

    private func nextLine() throws(BatchError) -> JobLine? {
        var kept: [UInt8]? = []
        var length = 0
        let lineOffset = bufferOffset + start
        while true {
            if start == buffer.count {
                if atEnd {
                    guard length > 0 else { return nil }
                    endsWithUnterminatedLine = true
                    lineNumber += 1
                    return JobLine(number: lineNumber, offset: lineOffset, bytes: kept, length: length)
                }
                try fill()
                continue
            }
            let end = buffer[start...].firstIndex(of: 0x0A)
            let piece = buffer[start..<(end ?? buffer.count)]
            length += piece.count
            if kept != nil {
                if length <= limit {
                    kept!.append(contentsOf: piece)
                } else if keepsPrefix {
                    kept!.append(contentsOf: piece.prefix(max(0, limit - kept!.count)))
                } else {
                    kept = nil
                }
            }
            if let end {
                start = end + 1
                endOfLastCompleteLine = bufferOffset + start
                lineNumber += 1
                if kept?.last == 0x0D && kept!.count == length {
                    kept!.removeLast()
                    length -= 1
                }
                return JobLine(number: lineNumber, offset: lineOffset, bytes: kept, length: length)
            }
            start = buffer.count
        }
    }

    private func fill() throws(BatchError) {
        bufferOffset += buffer.count
        buffer = [UInt8](repeating: 0, count: Self.pieceSize)
        start = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, Self.pieceSize) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else {
                throw BatchError(message: "\(origin): cannot read: \(String(cString: strerror(errno)))", exit: .ioError)
            }
            buffer.removeLast(Self.pieceSize - count)
            if count == 0 { atEnd = true }
            return
        }
    }

    /// The number of lines that are not blank in `path`, read once through in pieces (for the
    /// progress line's total); nil for standard input or a file that cannot be read.
    public static func countLines(path: String?) -> Int? {
        // Short lines are kept to tell blank ones; a longer one is not blank, or not worth telling.
        guard let path, path != "-", let reader = try? JobLineReader(path: path, limit: 64) else { return nil }
        var count = 0
        while (try? reader.next()) != nil { count += 1 }
        return count
    }
}

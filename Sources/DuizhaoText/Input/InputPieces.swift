import Foundation

/// A file or standard input read and decoded piece by piece, in bounded memory.
///
/// Pieces end exactly where `TextChunks` would cut the whole text (a paragraph end; for words
/// also a line end), so that segmenting them one by one gives what segmenting the whole would.
/// Each piece is checked as UTF-8 as it arrives: an error names the line, column and byte offset
/// in the whole input, as `InputText` does. A byte order mark at the start is skipped, and
/// offsets count from after it.
public final class InputPieces {
    /// Where the input comes from: a path, or "<stdin>".
    public let origin: String
    /// Whether a byte order mark was skipped.
    public private(set) var hadByteOrderMark = false
    private let handle: FileHandle
    private let closesHandle: Bool
    private let limit: Int
    private let boundary: TextChunks.Boundary
    private let blockSize: Int
    /// Bytes read and not yet handed out.
    private var buffer: [UInt8] = []
    private var atEnd = false
    private var started = false
    /// The offset in the input (after any BOM) of `buffer[0]`.
    private var offset = 0
    /// Lines before `buffer[0]`, and characters on the line before it.
    private var line = 1
    private var column = 1

    /// Opens `path` (standard input when nil or "-").
    /// - Parameters:
    ///   - limit: the size a piece grows to before a cut is looked for (`TextChunks`).
    ///   - boundary: where pieces may end.
    ///   - blockSize: how much is read at a time.
    /// - Throws: `InputError` when the file is missing or cannot be opened.
    public init(path: String?, limit: Int = 1 << 20, at boundary: TextChunks.Boundary, blockSize: Int = 1 << 20) throws(InputError) {
        self.limit = max(limit, 1)
        self.boundary = boundary
        self.blockSize = max(blockSize, 1)
        guard let path, path != "-" else {
            origin = "<stdin>"
            handle = FileHandle.standardInput
            closesHandle = false
            return
        }
        origin = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open it") }
        self.handle = handle
        closesHandle = true
    }

    deinit {
        if closesHandle { try? handle.close() }
    }

    /// The next piece and the offset of its first byte in the input; nil at the end.
    /// - Throws: `InputError.invalidUTF8` at the first bad byte, `.unreadable` on a read error.
    public func next() throws(InputError) -> (text: String, offset: Int)? {
        while true {
            // The first three bytes decide whether there is a BOM before anything is cut.
            if !started && !atEnd && buffer.count < 3 {
                try read(blockSize)
                continue
            }
            let cut: Int? = buffer.withUnsafeBufferPointer { bytes in
                bytes.isEmpty ? nil : TextChunks.firstCut(in: bytes, from: 0, limit: limit, boundary: boundary, complete: atEnd)
            }
            if let cut { return try take(cut) }
            if atEnd { return nil }
            // Read at least as much again as is waiting, so that a long stretch without a cut is
            // scanned a bounded number of times.
            try read(max(blockSize, buffer.count))
        }
    }

    private func read(_ count: Int) throws(InputError) {
        let data: Data?
        do {
            data = try handle.read(upToCount: count)
        } catch {
            throw .unreadable(path: origin, reason: (error as NSError).localizedDescription)
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        buffer.append(contentsOf: data)
        if !started && (buffer.count >= 3 || atEnd) {
            started = true
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
                buffer.removeFirst(3)
                hadByteOrderMark = true
            }
        }
    }

    private func take(_ cut: Int) throws(InputError) -> (text: String, offset: Int) {
        // Fewer than three bytes in all: there is no BOM to skip.
        started = true
        let piece = buffer[0..<cut]
        guard let text = String(validating: piece, as: UTF8.self) else {
            let local = InputText.firstInvalidUTF8(piece) ?? 0
            let (lines, columns) = InputText.lineAndColumn(of: local, in: piece)
            throw .invalidUTF8(
                origin: origin, byteOffset: offset + local + (hadByteOrderMark ? 3 : 0), line: line + lines - 1,
                column: lines == 1 ? column + columns - 1 : columns)
        }
        // Where the next piece starts: count its lines and the characters after the last break.
        let breaks = piece.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        if breaks > 0 {
            line += breaks
            let lastBreak = piece.lastIndex(of: 0x0A)!
            column = 1 + String(decoding: piece[(lastBreak + 1)...], as: UTF8.self).unicodeScalars.count
        } else {
            column += text.unicodeScalars.count
        }
        let result = (text, offset)
        offset += cut
        buffer.removeFirst(cut)
        return result
    }
}

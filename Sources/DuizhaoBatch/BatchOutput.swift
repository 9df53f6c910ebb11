import Foundation

/// Where a batch writes its results: standard output or a file, one whole line per write.
///
/// Each result goes out in one `write` of its line and line end, so a run that is killed leaves
/// whole lines and at most one cut short at the end, which `--resume` drops (`resuming`).
public final class BatchOutput {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    /// The file, or "standard output".
    public let name: String

    /// Standard output.
    public init() {
        descriptor = STDOUT_FILENO
        ownsDescriptor = false
        name = "standard output"
    }

    /// `path`, created or emptied.
    /// - Throws: `BatchError` (status 73) when it cannot be created.
    public init(creating path: String) throws(BatchError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError(message: "cannot write \(path): \(String(cString: strerror(errno)))", exit: .cannotCreate)
        }
        ownsDescriptor = true
        name = path
    }

    /// What an earlier run left in an output file.
    public struct Resumed: Sendable {
        /// The ids of the jobs it holds results for, done or failed.
        public var done: Set<JobID>
        /// The bytes of a last line cut short (a run killed while writing it), dropped from the file.
        public var droppedBytes: Int
    }

    /// `path` opened to append to, with the ids it already holds; created when missing.
    ///
    /// What is there is never rewritten. The one exception is a last line without its line end:
    /// a run was killed while writing it, so it is no whole result; it is cut off (the file is
    /// truncated to its last line end) and that job runs again, so the file stays JSON Lines.
    /// - Throws: `BatchError`: status 65 for a line batch did not write (the file is left as it
    ///   is), 73 when the file cannot be opened, 74 when it cannot be read.
    public static func resuming(_ path: String) throws(BatchError) -> (output: BatchOutput, resumed: Resumed) {
        var done = Set<JobID>()
        var dropped = 0
        if FileManager.default.fileExists(atPath: path) {
            // Only each line's start is kept: the id comes first.
            let reader = try JobLineReader(path: path, limit: 4096, keepsPrefix: true)
            while let line = try reader.next() {
                guard let id = Self.leadingID(line) else {
                    // A cut-short last line may have been cut anywhere.
                    if reader.endsWithUnterminatedLine { break }
                    throw BatchError(
                        message: "\(path):\(line.number): not a result of 'duizhao batch'; --resume only appends to its own output",
                        exit: .dataError)
                }
                if !reader.endsWithUnterminatedLine, let id { done.insert(id) }
            }
            if reader.endsWithUnterminatedLine {
                let keep = reader.endOfLastCompleteLine
                let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber
                dropped = (size?.intValue ?? keep) - keep
                guard truncate(path, off_t(keep)) == 0 else {
                    throw BatchError(message: "cannot write \(path): \(String(cString: strerror(errno)))", exit: .cannotCreate)
                }
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError(message: "cannot write \(path): \(String(cString: strerror(errno)))", exit: .cannotCreate)
        }
        return (BatchOutput(descriptor: descriptor, name: path), Resumed(done: done, droppedBytes: dropped))
    }

    private init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        ownsDescriptor = true
        self.name = name
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    /// The id a result line starts with (`{"id":"a",…` or `{"id":12,…`): .some(nil) for a
    /// line whose id is null (a job line that could not be read), nil for no result line.
    static func leadingID(_ line: JobLine) -> JobID?? {
        guard let bytes = line.bytes else { return nil }
        let prefix = Array(#"{"id":"#.utf8)
        guard bytes.starts(with: prefix) else { return nil }
        var index = prefix.count
        if bytes[index...].starts(with: Array("null,".utf8)) { return .some(nil) }
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
            guard index < bytes.count else { return nil }
            index += 1
        } else {
            while index < bytes.count, bytes[index] == UInt8(ascii: "-") || (0x30...0x39).contains(bytes[index]) { index += 1 }
        }
        guard index > start, index < bytes.count, bytes[index] == UInt8(ascii: ","),
            let json = String(validating: bytes[start..<index], as: UTF8.self)
        else { return nil }
        return .some(JobID(json: json))
    }

    /// Writes `line` and a line end, in one write.
    /// - Throws: `BatchError` (status 74) when writing fails.
    public func append(line: String) throws(BatchError) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                throw BatchError(message: "cannot write \(name): \(String(cString: strerror(errno)))", exit: .ioError)
            }
            written += count
        }
    }
}

import Foundation

/// What a long run is doing, on one line of standard error, only when that is a terminal.
///
/// Each phase overwrites the last (carriage return and erase-line); `finish` clears the line, so
/// nothing is left behind in the terminal and nothing ever reaches a pipe or a log file.
final class Progress {
    private let prefix: String

    private init(prefix: String) { self.prefix = prefix }

    /// A reporter, or nil when standard error is not a terminal or the work is short.
    static func onTerminal(prefix: String, enabled: Bool) -> Progress? {
        guard enabled, isatty(STDERR_FILENO) == 1 else { return nil }
        return Progress(prefix: prefix)
    }

    func say(_ phase: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(prefix)\(phase)…".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

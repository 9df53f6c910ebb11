/// ANSI styling for text shown on a terminal, and none anywhere else.
///
/// Colour is on only when the stream is a terminal, `NO_COLOR` is unset or empty
/// (https://no-color.org) and `TERM` is not `dumb`; files, pipes and tests get plain text.
public struct TerminalStyle: Sendable, Hashable {
    /// Whether escapes are written at all.
    public let enabled: Bool

    /// No styling.
    public static let plain = TerminalStyle(enabled: false)

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// The style for a stream.
    /// - Parameters:
    ///   - isTerminal: whether the stream is a terminal (`isatty`).
    ///   - environment: the process environment, for `NO_COLOR` and `TERM`.
    public static func detect(isTerminal: Bool, environment: [String: String]) -> TerminalStyle {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return TerminalStyle(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func green(_ text: String) -> String { wrap(text, "32") }

    /// A diagnostic with its first `error:` in red and its first `warning:` in yellow on each
    /// line; the words and everything else as they were.
    public func diagnostic(_ text: String) -> String {
        guard enabled else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            for (word, colour) in [("error:", red), ("warning:", yellow)] {
                if let range = line.range(of: word) {
                    line.replaceSubrange(range, with: colour(word))
                    break
                }
            }
            return line
        }.joined(separator: "\n")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension GlossaryEntry {
    /// A position that names a person, as Chinese texts write it, with its English when known.
    ///
    /// Written in a `roles` cell as `360集团创办人=founder of 360 Group`, several joined by `|`
    /// (`Role.cell`, `Role.parse`).
    public struct Role: Sendable, Hashable {
        /// The role in Chinese ("360集团创办人").
        public var chinese: String
        /// The role in English ("founder of 360 Group"); nil when the glossary gave none.
        public var english: String?

        public init(chinese: String, english: String? = nil) {
            self.chinese = chinese
            self.english = english
        }

        /// `chinese=english`, or the Chinese alone.
        public var description: String { english.map { "\(chinese)=\($0)" } ?? chinese }

        /// The text of a `roles` cell for `roles`.
        public static func cell(_ roles: [Role]) -> String { roles.map(\.description).joined(separator: "|") }

        /// Why one role of a cell cannot be read.
        public struct Problem: Error, Hashable {
            public var message: String
            /// Where in the cell the bad role starts (0-based, in characters).
            public var offset: Int
        }

        /// The roles of a `roles` cell: `中文=English` or `中文` alone, joined by `|`; spaces
        /// around each part are dropped and empty parts between two `|` skipped.
        /// - Throws: `Problem` for a role without Chinese characters, or with an English part
        ///   that is empty, Chinese or holds a second `=`. A role given twice is kept twice
        ///   (`GlossaryChecker` warns): nothing a cell says is lost.
        public static func parse(_ cell: some StringProtocol) throws(Problem) -> [Role] {
            var roles: [Role] = []
            var offset = 0
            for piece in String(cell).split(separator: "|", omittingEmptySubsequences: false) {
                defer { offset += piece.count + 1 }
                let trimmed = piece.trimmingWhitespace()
                guard !trimmed.isEmpty else { continue }
                let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let chinese = parts[0].trimmingWhitespace()
                let english = parts.count > 1 ? parts[1].trimmingWhitespace() : nil
                func problem(_ message: String) -> Problem { Problem(message: message, offset: offset + (piece.count - piece.drop { $0.isWhitespace }.count)) }
                guard !chinese.isEmpty else { throw problem("role '\(trimmed)' has no Chinese before '='") }
                guard chinese.containsHan else {
                    throw problem("role '\(chinese)' has no Chinese characters (write 中文=English, several joined by '|')")
                }
                if let english {
                    guard !english.isEmpty else { throw problem("role '\(chinese)' has '=' but no English after it") }
                    guard !english.contains("=") else { throw problem("role '\(trimmed)' has more than one '='") }
                    guard !GlossaryEntry.isChineseNotEnglish(english) else { throw problem("the English of role '\(chinese)' is Chinese: '\(english)'") }
                }
                roles.append(Role(chinese: String(chinese), english: english.map(String.init)))
            }
            return roles
        }
    }
}

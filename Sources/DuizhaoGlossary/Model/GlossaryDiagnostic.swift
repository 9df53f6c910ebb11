/// A problem found in a glossary file, at a file, line and column.
public struct GlossaryDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: error: message`, the form editors and CI logs link to.
    public var description: String { "\(file):\(line):\(column): \(severity.rawValue): \(message)" }
}

/// A glossary that could not be loaded, with every problem found in it.
public struct GlossaryError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [GlossaryDiagnostic]

    public init(diagnostics: [GlossaryDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A problem found in a glossary file, at a file, line and column.
public struct GlossaryDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// What an error costs: one entry (its row or concept is left out, the rest is read) or the
    /// whole file (it cannot be read, or not as the format it was taken for).
    public enum Extent: Sendable, Hashable { case entry, file }

    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in characters.
    public var column: Int
    public var severity: Severity
    public var extent: Extent
    public var message: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, extent: Extent = .file, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.extent = extent
        self.message = message
    }

    /// This error as the warning a loader gives when it leaves the row out and reads on.
    var leftOut: GlossaryDiagnostic {
        var warning = self
        warning.severity = .warning
        warning.message += "; left out"
        return warning
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

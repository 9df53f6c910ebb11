import DuizhaoText

/// Reviews a glossary beyond what reading it checks: duplicates, conflicts, missing forms.
public struct GlossaryChecker {
    private let toSimplified: ChineseScriptConverter
    private let toTraditional: ChineseScriptConverter

    /// Creates a checker.
    /// - Throws: `ICUError` when ICU's script transforms are missing.
    public init() throws(ICUError) {
        toSimplified = try ChineseScriptConverter(to: .simplified)
        toTraditional = try ChineseScriptConverter(to: .traditional)
    }

    /// Problems among `entries` of one glossary file, in line order:
    /// - a row repeating an earlier one (same English and Chinese): warning;
    /// - one Chinese term given two English renderings: error (make one a variant);
    /// - no Traditional form where the Simplified has characters ICU would change: warning,
    ///   with ICU's suggestion.
    /// - Throws: `ICUError` when ICU fails.
    public func check(_ entries: [GlossaryEntry]) throws(ICUError) -> [GlossaryDiagnostic] {
        var diagnostics: [GlossaryDiagnostic] = []
        var firstByPair: [String: Int] = [:]
        var firstByChinese: [String: GlossaryEntry] = [:]
        for entry in entries {
            let origin = entry.origin
            let chinese = try toSimplified.convert(entry.simplified)
            let pair = entry.english.lowercased() + "\t" + chinese
            if let line = firstByPair[pair] {
                diagnostics.append(
                    GlossaryDiagnostic(
                        file: origin.file, line: origin.line, column: 1, severity: .warning,
                        message: "duplicate of line \(line): \(entry.english) = \(entry.simplified)"))
                continue
            }
            firstByPair[pair] = origin.line
            if let earlier = firstByChinese[chinese], earlier.english.lowercased() != entry.english.lowercased(),
                !earlier.englishVariants.contains(where: { $0.lowercased() == entry.english.lowercased() })
            {
                diagnostics.append(
                    GlossaryDiagnostic(
                        file: origin.file, line: origin.line, column: 1,
                        message: "\(entry.simplified) is rendered '\(entry.english)' here but '\(earlier.english)' on line \(earlier.origin.line); make one a variant of the other"))
            } else if firstByChinese[chinese] == nil {
                firstByChinese[chinese] = entry
            }
            if entry.traditional == nil {
                let suggestion = try toTraditional.convert(entry.simplified)
                if suggestion != entry.simplified {
                    diagnostics.append(
                        GlossaryDiagnostic(
                            file: origin.file, line: origin.line, column: 1, severity: .warning,
                            message: "no Traditional form for \(entry.simplified) (ICU suggests \(suggestion); check it)"))
                }
            }
        }
        return diagnostics
    }
}

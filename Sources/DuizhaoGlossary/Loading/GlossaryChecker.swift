import DuizhaoText

/// Reviews a glossary beyond what reading it checks: duplicates, conflicts, missing forms.
///
/// Every finding is a warning. A conflict (one term, two renderings) is what a glossary with
/// several hands or a dictionary has by nature, and no glossary format Duizhao reads can say
/// that it is the one authority whose conflicts would be mistakes; so `glossary check` fails
/// only on what cannot be read.
public struct GlossaryChecker {
    private let toSimplified: ChineseScriptConverter
    private let toTraditional: ChineseScriptConverter

    /// Creates a checker.
    /// - Throws: `ICUError` when ICU's script transforms are missing.
    public init() throws(ICUError) {
        toSimplified = try ChineseScriptConverter(to: .simplified)
        toTraditional = try ChineseScriptConverter(to: .traditional)
    }

    /// Problems among `entries` of one glossary file, in line order, every one a warning (a
    /// glossary is still usable with any of them, and real ones have them: action/actions,
    /// Tileset/tile set):
    /// - a row repeating an earlier one (same English and Chinese);
    /// - one Chinese term given two English renderings (make one a variant);
    /// - one English term given two different Chinese terms (make one a variant);
    ///   neither conflict is looked for in a dictionary (CC-CEDICT), whose entries for one
    ///   headword are its readings and senses;
    /// - no Traditional form where the Simplified has characters ICU would change: one line for
    ///   the file, with ICU's suggestion for the first such entry;
    /// - roles (`GlossaryEntry.roles`) on an entry that is not a person; a role that is another
    ///   entry's Chinese term (it matches as that term, never as the role); one role given to two
    ///   people (a text naming it names both), or twice to one.
    /// - Throws: `ICUError` when ICU fails.
    public func check(_ entries: [GlossaryEntry]) throws(ICUError) -> [GlossaryDiagnostic] {
        var diagnostics: [GlossaryDiagnostic] = []
        // Entries by index, not copies: a glossary may have a million rows.
        var firstByPair: [String: Int] = [:]
        var firstByChinese: [String: Int] = [:]
        var firstByEnglish: [String: Int] = [:]
        var withoutTraditional = 0
        var firstWithoutTraditional: (index: Int, suggestion: String)?
        func warning(_ origin: EntryOrigin, _ message: String) {
            diagnostics.append(GlossaryDiagnostic(file: origin.file, line: origin.line, column: 1, severity: .warning, message: message))
        }
        for (index, entry) in entries.enumerated() {
            let origin = entry.origin
            let chinese = try toSimplified.convert(entry.simplified)
            let english = entry.english.lowercased()
            let pair = english + "\t" + chinese
            if let first = firstByPair[pair] {
                warning(origin, "duplicate of line \(entries[first].origin.line): \(entry.english) = \(entry.simplified)")
                continue
            }
            firstByPair[pair] = index
            // A dictionary lists a headword's readings and senses, not rival renderings.
            if origin.layer != .dictionary {
                if let first = firstByChinese[chinese] {
                    let earlier = entries[first]
                    if earlier.english.lowercased() != english, !earlier.englishVariants.contains(where: { $0.lowercased() == english }) {
                        warning(
                            origin,
                            "\(entry.simplified) is rendered '\(entry.english)' here but '\(earlier.english)' on line \(earlier.origin.line); "
                                + "make one a variant of the other")
                    }
                } else {
                    firstByChinese[chinese] = index
                }
                if let first = firstByEnglish[english] {
                    let earlier = entries[first]
                    var isSame = try toSimplified.convert(earlier.simplified) == chinese
                    for variant in earlier.chineseVariants where !isSame { isSame = try toSimplified.convert(variant) == chinese }
                    if !isSame {
                        warning(
                            origin,
                            "'\(entry.english)' is \(entry.simplified) here but \(earlier.simplified) on line \(earlier.origin.line); "
                                + "make one a variant of the other")
                    }
                } else {
                    firstByEnglish[english] = index
                }
            }
            if entry.traditional == nil {
                let suggestion = try toTraditional.convert(entry.simplified)
                if suggestion != entry.simplified {
                    withoutTraditional += 1
                    if firstWithoutTraditional == nil { firstWithoutTraditional = (index, suggestion) }
                }
            }
        }
        try checkRoles(entries, warning: warning)
        // One line for the file: a Simplified-only glossary lacks every Traditional form.
        if let (index, suggestion) = firstWithoutTraditional {
            let first = entries[index]
            warning(
                first.origin,
                withoutTraditional == 1
                    ? "no Traditional form for \(first.simplified) (ICU suggests \(suggestion); check it)"
                    : "\(withoutTraditional) entries have no Traditional form, from \(first.simplified) here (ICU suggests \(suggestion)) on; "
                        + "add a zh-Hant column if the glossary is to serve Traditional text too")
        }
        return diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The role findings of `check`.
    private func checkRoles(_ entries: [GlossaryEntry], warning: (EntryOrigin, String) -> Void) throws(ICUError) {
        guard entries.contains(where: { !$0.roles.isEmpty }) else { return }
        var terms: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for term in entry.chineseTerms {
                let key = try toSimplified.convert(term)
                if terms[key] == nil { terms[key] = index }
            }
        }
        var holders: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where !entry.roles.isEmpty {
            if entry.type != .person {
                warning(entry.origin, "roles are for people, but \(entry.simplified) is of type \(entry.type.rawValue)")
            }
            var own = Set<String>()
            for role in entry.roles {
                let key = try toSimplified.convert(role.chinese)
                guard own.insert(key).inserted else {
                    warning(entry.origin, "role \(role.chinese) of \(entry.simplified) is given twice")
                    continue
                }
                if let other = terms[key] {
                    warning(
                        entry.origin,
                        "role \(role.chinese) of \(entry.simplified) is the term of \(entries[other].simplified) on line \(entries[other].origin.line); "
                            + "it will match as that term, not as the role")
                }
                if let other = holders[key], entries[other].simplified != entry.simplified {
                    warning(
                        entry.origin,
                        "role \(role.chinese) is given to \(entries[other].simplified) on line \(entries[other].origin.line) too; "
                            + "a text naming it would name both")
                } else {
                    holders[key] = index
                }
            }
        }
    }
}

import DuizhaoGlossary
import DuizhaoText

/// How `duizhao lookup` prints what it found.
public enum LookupFormat: String, CaseIterable, Sendable {
    /// An aligned table for people.
    case table
    /// One JSON object per line, for programs.
    case json
    /// Tab-separated, with a header, in Duizhao's glossary columns plus origin.
    case tsv
}

/// Writes lookup matches.
public enum LookupReport {
    /// The matches in `format`; `style` colours the table on a terminal.
    public static func render(_ matches: [TermBase.Match], format: LookupFormat, style: TerminalStyle = .plain) -> String {
        switch format {
        case .table:
            let rows = matches.map { match -> [String] in
                let entry = match.entry
                return [
                    entry.english, entry.simplified, entry.traditional ?? "", entry.pinyin ?? "", entry.type.rawValue,
                    origins(match),
                ]
            }
            var output = TextTable(header: ["English", "简体", "繁體", "Pinyin", "Type", "From"], rows: rows).rendered(style: style)
            for match in matches
            where match.entry.note != nil || !match.entry.englishVariants.isEmpty || match.entry.simplifiedIsDerived || !match.entry.roles.isEmpty {
                let entry = match.entry
                var details: [String] = []
                // The source gave only the Traditional term.
                if entry.simplifiedIsDerived { details.append("简体 by ICU from 繁體") }
                if !entry.englishVariants.isEmpty { details.append("also: " + entry.englishVariants.prefix(6).joined(separator: "; ")) }
                if let note = entry.note { details.append(note) }
                if !entry.roles.isEmpty {
                    details.append("roles: " + entry.roles.map { role in role.english.map { "\(role.chinese) (\($0))" } ?? role.chinese }.joined(separator: "; "))
                }
                output += "  \(style.bold(entry.simplified)): \(details.joined(separator: " — "))\n"
            }
            return output
        case .json:
            return matches.map { match in
                let entry = match.entry
                var object = JSONLine()
                object.add("en", entry.english)
                object.add("en_variants", json: jsonArray(entry.englishVariants))
                object.add("zh", entry.simplified)
                if entry.simplifiedIsDerived { object.add("zh_derived", true) }
                if let traditional = entry.traditional { object.add("zh_hant", traditional) }
                object.add("zh_variants", json: jsonArray(entry.chineseVariants))
                if let pinyin = entry.pinyin { object.add("pinyin", pinyin) }
                object.add("type", entry.type.rawValue)
                if let note = entry.note { object.add("note", note) }
                if !entry.roles.isEmpty { object.add("roles", json: rolesArray(entry.roles)) }
                object.add("layer", entry.origin.layer.description)
                object.add("origin", entry.origin.description)
                if !match.also.isEmpty {
                    // The other layers that give the same answer.
                    object.add("also", json: jsonArray(match.also.map { "\($0.layer) \($0.description)" }))
                }
                object.add("match", match.kind.rawValue)
                object.add("field", match.field)
                return object.finished + "\n"
            }.joined()
        case .tsv:
            var output = (DuizhaoTSV.header + ["origin"]).joined(separator: "\t") + "\n"
            for match in matches {
                output += DuizhaoTSV.row(match.entry) + "\t" + origins(match) + "\n"
            }
            return output
        }
    }

    static func origin(_ entry: GlossaryEntry) -> String {
        origin(entry.origin)
    }

    static func origin(_ origin: EntryOrigin) -> String {
        let file = origin.file.split(separator: "/").last.map(String.init) ?? origin.file
        return "\(origin.layer) \(file):\(origin.line)"
    }

    /// Where a match's answer comes from: its entry's origin, then the other layers that agree.
    static func origins(_ match: TermBase.Match) -> String {
        ([match.entry.origin] + match.also).map(origin).joined(separator: "; ")
    }

    /// Roles as a JSON array of `{"zh": …, "en": …}` (`en` only when known).
    static func rolesArray(_ roles: [GlossaryEntry.Role]) -> String {
        "[" + roles.map { role in
            var object = JSONLine()
            object.add("zh", role.chinese)
            if let english = role.english { object.add("en", english) }
            return object.finished
        }.joined(separator: ",") + "]"
    }

    static func jsonArray(_ values: [String]) -> String {
        var output = "["
        for (index, value) in values.enumerated() {
            if index > 0 { output += "," }
            JSONLine.appendQuoted(value, to: &output)
        }
        return output + "]"
    }
}

import Foundation

/// The term base's entries, stored flat (strings back to back, fields in columns of integers) in
/// the compiled cache's bytes, each made a `GlossaryEntry` only when asked for: a lookup that
/// reads ten entries of 200,000 builds ten.
public struct GlossaryEntries: RandomAccessCollection, Sendable {
    let strings: FlatStrings
    /// The files entries were read from, by index.
    let files: [String]
    /// Per entry: string ids (-1 for none where a field is optional), the line, and `flags`
    /// (type, layer, whether the Simplified form is derived, the file's index).
    let english, simplified, traditional, pinyin, note, line, flags: Int32Column
    /// Per entry, where its variable parts start in `extras` (one more than entries): English
    /// variants, Chinese variants and roles, each a count and then string ids (a role two: its
    /// Chinese and its English or -1).
    let extraStart, extras: Int32Column

    public var startIndex: Int { 0 }
    public var endIndex: Int { english.count }

    public subscript(position: Int) -> GlossaryEntry {
        var cursor = Int(extraStart[position])
        /// A count, then that many strings.
        func strings() -> [String] {
            let count = Int(extras[cursor])
            defer { cursor += 1 + count }
            return ((cursor + 1)..<(cursor + 1 + count)).map { self.strings.string(extras[$0]) }
        }
        let englishVariants = strings()
        let chineseVariants = strings()
        let roles = (0..<Int(extras[cursor])).map { k in
            GlossaryEntry.Role(chinese: self.strings.string(extras[cursor + 1 + 2 * k]), english: self.strings.optionalString(extras[cursor + 2 + 2 * k]))
        }
        let flags = self.flags[position]
        return GlossaryEntry(
            english: self.strings.string(english[position]), englishVariants: englishVariants,
            simplified: self.strings.string(simplified[position]), traditional: self.strings.optionalString(traditional[position]),
            chineseVariants: chineseVariants, pinyin: self.strings.optionalString(pinyin[position]),
            type: TermType.allCases[Int(flags & 0xF)], note: self.strings.optionalString(note[position]), roles: roles,
            simplifiedIsDerived: flags & 0x100 != 0,
            origin: EntryOrigin(file: files[Int(flags >> 9)], line: Int(line[position]), layer: Self.layer(flags)))
    }

    /// Entry `position`'s layer, without building the entry.
    func layer(at position: Int) -> GlossaryLayer { Self.layer(flags[position]) }

    /// Entry `position`'s pinyin, without building the entry.
    func pinyin(at position: Int) -> String? { strings.optionalString(pinyin[position]) }

    private static func layer(_ flags: Int32) -> GlossaryLayer { GlossaryLayer(rawValue: Int((flags >> 4) & 0xF))! }

    /// Lays out `entries` with their strings in `table`, into `writer`.
    static func write(_ entries: [GlossaryEntry], table: inout StringTableBuilder, into writer: inout BinaryWriter) {
        var files: [String] = []
        var fileIndex: [String: Int32] = [:]
        var columns = Array(repeating: [Int32](), count: 7)
        var extraStart: [Int32] = [0]
        var extras: [Int32] = []
        for entry in entries {
            let file = fileIndex[entry.origin.file] ?? {
                fileIndex[entry.origin.file] = Int32(files.count)
                files.append(entry.origin.file)
                return Int32(files.count - 1)
            }()
            let type = Int32(TermType.allCases.firstIndex(of: entry.type)!)
            let values: [Int32] = [
                table.add(entry.english), table.add(entry.simplified), table.add(entry.traditional), table.add(entry.pinyin),
                table.add(entry.note), Int32(clamping: entry.origin.line),
                type | Int32(entry.origin.layer.rawValue) << 4 | (entry.simplifiedIsDerived ? 0x100 : 0) | file << 9,
            ]
            for (k, value) in values.enumerated() { columns[k].append(value) }
            extras.append(Int32(entry.englishVariants.count))
            for variant in entry.englishVariants { extras.append(table.add(variant)) }
            extras.append(Int32(entry.chineseVariants.count))
            for variant in entry.chineseVariants { extras.append(table.add(variant)) }
            extras.append(Int32(entry.roles.count))
            for role in entry.roles {
                extras.append(table.add(role.chinese))
                extras.append(table.add(role.english))
            }
            extraStart.append(Int32(extras.count))
        }
        writer.write(files)
        for column in columns { writer.writeColumn(column) }
        writer.writeColumn(extraStart)
        writer.writeColumn(extras)
    }

    /// Reads what `write` wrote, checking every id and count, so that a damaged cache is
    /// refused here rather than read out of bounds later; nil when damaged.
    static func read(from reader: inout BinaryReader, strings: FlatStrings) -> GlossaryEntries? {
        guard let files = reader.readStrings(), files.count < 1 << 22 else { return nil }
        var columns: [Int32Column] = []
        for _ in 0..<9 {
            guard let column = reader.readColumn() else { return nil }
            columns.append(column)
        }
        let count = columns[0].count
        let last = Int32(strings.count - 1)
        let ids = strings.count
        let (english, simplified, traditional, pinyin, note, line, flags, extraStart, extras) = (
            columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6], columns[7], columns[8]
        )
        guard columns[1...6].allSatisfy({ $0.count == count }), extraStart.count == count + 1,
            english.all(from: 0, below: ids), simplified.all(from: 0, below: ids), traditional.all(from: -1, below: ids),
            pinyin.all(from: -1, below: ids), note.all(from: -1, below: ids), extraStart.ascends(from: 0, to: extras.count)
        else { return nil }
        let typeCount = Int32(TermType.allCases.count)
        for value in flags.values {
            guard value >= 0, value & 0xF < typeCount, (value >> 4) & 0xF <= 3, Int(value >> 9) < files.count
            else { return nil }
        }
        // Each entry's extras: three counts, each followed by that many ids, ending where the next entry's start.
        for position in 0..<count {
            var cursor = Int(extraStart[position])
            let end = Int(extraStart[position + 1])
            for group in 0..<3 {
                // English variants, Chinese variants, roles (pairs whose English may be none).
                let (width, allowsNone) = group == 2 ? (2, true) : (1, false)
                guard cursor < end else { return nil }
                let items = Int(extras[cursor]) * width
                cursor += 1
                guard items >= 0, cursor + items <= end else { return nil }
                for k in cursor..<(cursor + items) {
                    let id = extras[k]
                    guard id <= last, id >= 0 || (allowsNone && (k - cursor) % 2 == 1 && id == -1) else { return nil }
                }
                cursor += items
            }
            guard cursor == end else { return nil }
        }
        return GlossaryEntries(
            strings: strings, files: files, english: english, simplified: simplified, traditional: traditional, pinyin: pinyin,
            note: note, line: line, flags: flags, extraStart: extraStart, extras: extras)
    }
}

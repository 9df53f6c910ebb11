import DuizhaoText
import Foundation

/// Finds and reads glossary files: the user's, the shipped ones and the dictionary.
public enum GlossaryLoader {
    /// The environment variable naming the CC-CEDICT file to use.
    public static let dictionaryVariable = "DUIZHAO_DICTIONARY"
    /// The environment variable naming the folder of shipped glossaries.
    public static let glossariesVariable = "DUIZHAO_GLOSSARIES"
    /// The environment variable naming the word-frequency list (see `frequenciesPath`).
    public static let frequenciesVariable = "DUIZHAO_FREQUENCIES"

    /// Reads one glossary file (see `read(path:layer:name:options:)`) and gives its entries,
    /// leaving out bad rows.
    /// - Throws: `InputError` when it cannot be read; `GlossaryError` when it cannot be read as
    ///   a glossary at all.
    public static func load(path: String, layer: GlossaryLayer, name: String? = nil, options: GlossaryReadOptions = .init()) throws -> [GlossaryEntry] {
        try read(path: path, layer: layer, name: name, options: options).entries
    }

    /// Reads one glossary file, its format told by `options.format`, else by its extension
    /// (`.tsv`, `.csv`, `.tbx`/`.xml`, `.u8`/`.cedict` for CC-CEDICT), else (`.txt`, `.utf8`,
    /// any other) by its content.
    ///
    /// A bad row (or TBX concept, or CC-CEDICT line) is left out with a warning, and the rest
    /// read: one mistake does not cost a translator the glossary. A file that cannot be read as
    /// a glossary at all, or has no good row, is an error.
    /// - Parameters:
    ///   - path: the file.
    ///   - layer: the layer its entries belong to.
    ///   - name: the name entries give as their origin; the path by default. Shipped glossaries
    ///     and the dictionary go by their file name, so output does not depend on where
    ///     Duizhao is installed.
    /// - Returns: the entries, and a warning (naming the path) for each row left out.
    /// - Throws: `InputError` when it cannot be read; `GlossaryError` listing the problems when
    ///   it cannot be read as a glossary.
    public static func read(
        path: String, layer: GlossaryLayer, name: String? = nil, options: GlossaryReadOptions = .init()
    ) throws -> (entries: [GlossaryEntry], skipped: [GlossaryDiagnostic]) {
        try entries(contents(of: path, options: options), path: path, name: name ?? path, layer: layer, options: options)
    }

    /// Reads a glossary file with every diagnostic, errors included, for `glossary check`.
    /// - Throws: `InputError` when the file is missing or unreadable.
    public static func check(path: String, options: GlossaryReadOptions = .init()) throws(InputError) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        read(try contents(of: path, options: options), path: path, file: path, layer: .user, options: options)
    }

    /// A glossary file's bytes. A TBX file's are read only when `evenTBX` (to hash them): its
    /// reader streams it from disk.
    /// - Throws: `InputError` when the file is missing or unreadable.
    static func contents(of path: String, options: GlossaryReadOptions = .init(), evenTBX: Bool = false) throws(InputError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
        if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a directory") }
        if !evenTBX && (options.format ?? format(ofName: path)) == .tbx { return Data() }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "cannot read") }
        return data
    }

    /// The entries of a glossary file's bytes, bad rows left out.
    /// - Throws: `GlossaryError` listing every problem when the file cannot be read as a
    ///   glossary or has no good row, the messages naming the file where it is, for the person
    ///   who must fix it.
    static func entries(
        _ data: Data, path: String, name: String, layer: GlossaryLayer, options: GlossaryReadOptions = .init()
    ) throws(GlossaryError) -> (entries: [GlossaryEntry], skipped: [GlossaryDiagnostic]) {
        let (entries, diagnostics) = read(data, path: path, file: name, layer: layer, options: options)
        let errors = diagnostics.filter { $0.severity == .error }.map { var d = $0; d.file = path; return d }
        if errors.contains(where: { $0.extent == .file }) || (entries.isEmpty && !errors.isEmpty) {
            throw GlossaryError(diagnostics: diagnostics.map { var d = $0; d.file = path; return d })
        }
        return (entries, errors.map(\.leftOut))
    }

    /// Parses a glossary file's bytes; a TBX file in UTF-8 (or another encoding its declaration
    /// names) is streamed from `path` instead, since XML can be large.
    static func read(
        _ data: Data, path: String, file: String, layer: GlossaryLayer, options: GlossaryReadOptions = .init()
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        let named = options.format ?? format(ofName: path)
        if named == .tbx || (named == nil && data.first(where: { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }) == UInt8(ascii: "<")) {
            let head = data.isEmpty ? fileHead(path) : data.prefix(4)
            guard GlossaryEncoding.isUTF16(head) else {
                let read = TBX.read(contentsOf: URL(fileURLWithPath: path), file: file, layer: layer, toSimplified: try? ChineseScriptConverter(to: .simplified))
                // XML without an encoding declaration is UTF-8; GB18030 bytes there get the hint text files get.
                if read.diagnostics.contains(where: { $0.extent == .file && $0.message.contains("not valid UTF-8") }),
                    case .failure(let problem) = GlossaryEncoding.decode(data.isEmpty ? (FileManager.default.contents(atPath: path) ?? Data()) : data, file: file),
                    problem.message.hasPrefix("not UTF-8")
                {
                    return (read.entries, [problem])
                }
                return read
            }
            // UTF-16 XML (MultiTerm writes it): read whole, as UTF-8 for the parser.
            let bytes = data.isEmpty ? (FileManager.default.contents(atPath: path) ?? Data()) : data
            switch GlossaryEncoding.decode(bytes, file: file) {
            case .success(let text):
                return TBX.read(
                    data: Data(GlossaryEncoding.declaringUTF8(text).utf8), file: file, layer: layer,
                    toSimplified: try? ChineseScriptConverter(to: .simplified))
            case .failure(let problem):
                return ([], [problem])
            }
        }
        switch GlossaryEncoding.decode(data, file: file) {
        case .success(let text):
            return read(text, file: file, layer: layer, options: options, path: path)
        case .failure(let problem):
            return ([], [problem])
        }
    }

    /// The first four bytes of a file, to tell its encoding.
    private static func fileHead(_ path: String) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else { return Data() }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4)) ?? Data()
    }

    /// Parses glossary text of the format `options` name, or else `path`'s name or the
    /// content show (`path` is `file` unless given).
    /// - Parameter toSimplified: ICU's Traditional → Simplified transform, made when not given.
    public static func read(
        _ text: String, file: String, layer: GlossaryLayer, options: GlossaryReadOptions = .init(), path: String? = nil,
        toSimplified: ChineseScriptConverter? = nil
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        let named = options.format ?? format(ofName: path ?? file)
        let sniffed = sniffedFormat(text)
        let format = named ?? sniffed
        // CC-CEDICT gives both scripts; the others may need ICU to tell and convert Traditional.
        let converter = format == .cedict ? nil : toSimplified ?? (try? ChineseScriptConverter(to: .simplified))
        let (entries, diagnostics) = read(text, as: format, file: file, layer: layer, languages: options.languages, toSimplified: converter)
        // Named one thing, shaped as another: say so, rather than list every row's complaint.
        if options.format == nil, sniffed != format, diagnostics.contains(where: { $0.severity == .error }) {
            let hint = GlossaryDiagnostic(
                file: file, line: 1, column: 1,
                message: "read as \(format.name) for its name, but it looks like \(sniffed.name); name it .\(sniffed.fileExtension) or pass \(options.formatOption) \(sniffed.rawValue)")
            return (entries, [hint] + diagnostics.filter { $0.severity == .error }.prefix(3))
        }
        return (entries, diagnostics)
    }

    private static func read(
        _ text: String, as format: GlossaryFormat, file: String, layer: GlossaryLayer, languages: [GlossaryLanguage]?,
        toSimplified: ChineseScriptConverter?
    ) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        switch format {
        case .cedict:
            // ICU's reading of a single character is Unihan's usual one (说 shuō, 了 le).
            guard let converter = try? PinyinConverter() else { return CEDICT.read(text, file: file) }
            return CEDICT.read(text, file: file) { character in try? converter.pinyin(character) }
        case .tsv:
            return DuizhaoTSV.read(text, file: file, layer: layer, languages: languages, toSimplified: toSimplified)
        case .csv:
            return GlossaryCSV.read(text, file: file, layer: layer, languages: languages, toSimplified: toSimplified)
        case .tbx:
            // Decoded already: whatever encoding the declaration names, the bytes are UTF-8 now.
            return TBX.read(data: Data(GlossaryEncoding.declaringUTF8(text).utf8), file: file, layer: layer, toSimplified: toSimplified)
        }
    }

    /// The format a file's extension names, or nil for `.txt`, `.utf8` and any other, whose
    /// content tells.
    static func format(ofName file: String) -> GlossaryFormat? {
        switch URL(fileURLWithPath: file).pathExtension.lowercased() {
        case "tsv", "tab": .tsv
        case "csv": .csv
        case "tbx", "xml": .tbx
        case "u8", "cedict": .cedict
        default: nil
        }
    }

    /// The format text looks like: XML is TBX; lines `TRAD SIMP [pin1 yin1] /gloss/` are
    /// CC-CEDICT; lines with tabs are TSV, lines with commas and no tab (among the first 20)
    /// CSV.
    static func sniffedFormat(_ text: String) -> GlossaryFormat {
        if text.unicodeScalars.first(where: { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }) == "<" { return .tbx }
        let lines = text.lineSlices().lazy.filter { !$0.hasPrefix("#") && !$0.trimmingWhitespace().isEmpty }.prefix(20)
        guard let line = lines.first else { return .tsv }
        if line.contains(" ["), line.contains("] /"), !line.contains("\t") { return .cedict }
        if !lines.contains(where: { $0.contains("\t") }) && line.contains(",") { return .csv }
        return .tsv
    }

    /// The folder of shipped glossaries: `$DUIZHAO_GLOSSARIES`, else `share/duizhao/glossaries`
    /// beside the executable's folder (an installed layout), else the `Glossaries/` of the
    /// source checkout the executable was built in.
    public static func shippedDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment[glossariesVariable], !path.isEmpty { return path }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var directory = executable.deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent("share/duizhao/glossaries")
        if FileManager.default.fileExists(atPath: installed.path) { return installed.path }
        // From .build/<triple>/debug/duizhao up to the checkout holding Package.swift.
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("Glossaries")
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
                FileManager.default.fileExists(atPath: candidate.path)
            {
                return candidate.path
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// The shipped glossary files, sorted by name.
    public static func shippedFiles(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let directory = shippedDirectory(environment: environment),
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return [] }
        let extensions = [".tsv", ".csv", ".tbx"]
        return names.filter { name in extensions.contains { name.hasSuffix($0) } }.sorted().map { directory + "/" + $0 }
    }

    /// Where CC-CEDICT is looked for: `$DUIZHAO_DICTIONARY`, else
    /// `$XDG_DATA_HOME/duizhao/cedict_ts.u8` (`~/.local/share/duizhao/cedict_ts.u8`).
    public static func dictionaryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[dictionaryVariable], !path.isEmpty { return path }
        return UserDirectories.data(environment) + "/cedict_ts.u8"
    }

    /// The environment variable naming the English → Chinese dictionary.
    public static let englishDictionaryVariable = "DUIZHAO_ECDICT"

    /// Where ECDICT's frequent words are looked for: `$DUIZHAO_ECDICT`, else
    /// `ecdict/ecdict-frequent.tsv` in the shipped glossaries' folder; nil when neither is known.
    public static func englishDictionaryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment[englishDictionaryVariable], !path.isEmpty { return path }
        return shippedDirectory(environment: environment).map { $0 + "/ecdict/ecdict-frequent.tsv" }
    }

    /// Where the word-frequency list is looked for: `$DUIZHAO_FREQUENCIES`, else
    /// `$XDG_DATA_HOME/duizhao/word-frequencies.txt` (`~/.local/share/duizhao/word-frequencies.txt`).
    public static func frequenciesPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[frequenciesVariable], !path.isEmpty { return path }
        return UserDirectories.data(environment) + "/word-frequencies.txt"
    }
}

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

    /// Reads one glossary file, its format told by its extension (`.tsv`, `.csv`, `.tbx`/`.xml`,
    /// `.u8`/`.cedict` for CC-CEDICT) or else by its first lines.
    /// - Parameters:
    ///   - path: the file.
    ///   - layer: the layer its entries belong to.
    ///   - name: the name entries give as their origin; the path by default. Shipped glossaries
    ///     and the dictionary go by their file name, so output does not depend on where
    ///     Duizhao is installed.
    /// - Throws: `InputError` when it cannot be read; `GlossaryError` listing every bad row.
    public static func load(path: String, layer: GlossaryLayer, name: String? = nil) throws -> [GlossaryEntry] {
        try entries(contents(of: path), path: path, name: name ?? path, layer: layer)
    }

    /// Reads a glossary file with every diagnostic, errors included, for `glossary check`.
    /// - Throws: `InputError` when the file is missing, unreadable or not UTF-8.
    public static func check(path: String) throws(InputError) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        try read(contents(of: path), path: path, file: path, layer: .user)
    }

    /// A glossary file's bytes. A TBX file's are read only when `evenTBX` (to hash them): its
    /// reader streams it from disk.
    /// - Throws: `InputError` when the file is missing or unreadable.
    static func contents(of path: String, evenTBX: Bool = false) throws(InputError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        if !evenTBX && format(of: path, text: "") == .tbx { return Data() }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path, reason: "cannot read") }
        return data
    }

    /// The entries of a glossary file's bytes.
    /// - Throws: `InputError` for bytes that are not UTF-8; `GlossaryError` listing every bad
    ///   row, the messages naming the file where it is, for the person who must fix it.
    static func entries(_ data: Data, path: String, name: String, layer: GlossaryLayer) throws -> [GlossaryEntry] {
        let (entries, diagnostics) = try read(data, path: path, file: name, layer: layer)
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw GlossaryError(diagnostics: diagnostics.map { var d = $0; d.file = path; return d })
        }
        return entries
    }

    /// Parses a glossary file's bytes; a TBX file is streamed from `path` instead, since XML can
    /// be large and names its own encoding.
    /// - Throws: `InputError` when the bytes are not UTF-8.
    static func read(_ data: Data, path: String, file: String, layer: GlossaryLayer) throws(InputError) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        if format(of: path, text: "") == .tbx || data.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) == UInt8(ascii: "<") {
            return TBX.read(contentsOf: URL(fileURLWithPath: path), file: file, layer: layer)
        }
        let input = try InputText(decoding: data, origin: path)
        return read(input.text, file: file, layer: layer)
    }

    /// Parses glossary text of the format `file`'s name or content shows.
    public static func read(_ text: String, file: String, layer: GlossaryLayer) -> (entries: [GlossaryEntry], diagnostics: [GlossaryDiagnostic]) {
        switch format(of: file, text: text) {
        case .cedict:
            // ICU's reading of a single character is Unihan's usual one (说 shuō, 了 le).
            if let converter = try? PinyinConverter() {
                CEDICT.read(text, file: file) { character in try? converter.pinyin(character) }
            } else {
                CEDICT.read(text, file: file)
            }
        case .tsv: DuizhaoTSV.read(text, file: file, layer: layer)
        case .csv: GlossaryCSV.read(text, file: file, layer: layer)
        case .tbx: TBX.read(data: Data(text.utf8), file: file, layer: layer)
        }
    }

    enum Format { case tsv, cedict, csv, tbx }

    static func format(of file: String, text: String) -> Format {
        let lowered = file.lowercased()
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".tbx") || lowered.hasSuffix(".xml") { return .tbx }
        if lowered.hasSuffix(".u8") || lowered.hasSuffix(".cedict") || lowered.contains("cedict") { return .cedict }
        if lowered.hasSuffix(".tsv") { return .tsv }
        // Sniff: XML starts with '<' (after a byte order mark and blanks).
        if text.unicodeScalars.first(where: { $0 != "\u{FEFF}" && !$0.properties.isWhitespace }) == "<" { return .tbx }
        // Sniff: CC-CEDICT lines look like "TRAD SIMP [pin1 yin1] /gloss/".
        let firstEntry = text.split(separator: "\n").first { !$0.hasPrefix("#") && !$0.isEmpty }
        if let line = firstEntry, line.contains(" ["), line.contains("] /"), !line.contains("\t") { return .cedict }
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
        return dataDirectory(environment) + "/cedict_ts.u8"
    }

    /// Where the word-frequency list is looked for: `$DUIZHAO_FREQUENCIES`, else
    /// `$XDG_DATA_HOME/duizhao/word-frequencies.txt` (`~/.local/share/duizhao/word-frequencies.txt`).
    public static func frequenciesPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[frequenciesVariable], !path.isEmpty { return path }
        return dataDirectory(environment) + "/word-frequencies.txt"
    }

    /// `$XDG_DATA_HOME/duizhao`, else `~/.local/share/duizhao`.
    private static func dataDirectory(_ environment: [String: String]) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/duizhao"
    }
}

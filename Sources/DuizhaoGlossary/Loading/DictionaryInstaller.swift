import DuizhaoText
import Foundation

/// Installs CC-CEDICT, and a word-frequency list, where Duizhao looks for them, after checking them.
public enum DictionaryInstaller {
    /// What was installed.
    public struct Summary: Sendable {
        /// Dictionary entries, or words of a frequency list.
        public var entries: Int
    }

    /// Why installing failed.
    public enum Failure: Error, CustomStringConvertible {
        case input(InputError)
        case malformed(path: String, diagnostics: [GlossaryDiagnostic], entries: Int)
        case malformedFrequencies(path: String, diagnostics: [GlossaryDiagnostic], words: Int)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .input(let error): error.description
            case .malformed(let path, let diagnostics, let entries):
                "\(path) does not look like CC-CEDICT (\(entries) entries, \(diagnostics.count) malformed lines):\n"
                    + diagnostics.prefix(5).map(\.description).joined(separator: "\n")
            case .malformedFrequencies(let path, let diagnostics, let words) where diagnostics.isEmpty:
                "\(path) lists no Chinese word (\(words) words): a word-frequency list for Duizhao counts Chinese words"
            case .malformedFrequencies(let path, let diagnostics, let words):
                "\(path) is not a word-frequency list of lines 'word count' (\(words) words, \(diagnostics.count) malformed lines):\n"
                    + diagnostics.prefix(5).map(\.description).joined(separator: "\n")
            case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// Reads CC-CEDICT from `source` (plain or gzip-compressed), checks it, and writes it to
    /// `destination` atomically, so that a failed install leaves the old dictionary in place.
    /// - Throws: `Failure` when the source is unreadable, not CC-CEDICT, or cannot be written.
    public static func install(from source: String, to destination: String) throws(Failure) -> Summary {
        let bytes: Data
        do {
            bytes = try readPossiblyCompressed(source)
        } catch {
            throw .input(error)
        }
        let input: InputText
        do {
            input = try InputText(decoding: bytes, origin: source)
        } catch {
            throw .input(error)
        }
        let (entries, diagnostics) = CEDICT.read(input.text, file: source)
        // A few odd lines are tolerated (CC-CEDICT has some); a file of another kind is not.
        guard entries.count >= 1000, diagnostics.count * 100 <= entries.count else {
            throw .malformed(path: source, diagnostics: diagnostics, entries: entries.count)
        }
        try write(input.text, to: destination)
        return Summary(entries: entries.count)
    }

    /// Reads a word-frequency list (`WordFrequencies`; plain or gzip-compressed) from `source`,
    /// checks it, and writes it to `destination` atomically.
    /// - Throws: `Failure` when the source is unreadable, has a malformed line or no Chinese
    ///   word, or cannot be written. Every line must be well formed: loading refuses a list that
    ///   is not.
    public static func installFrequencies(from source: String, to destination: String) throws(Failure) -> Summary {
        let input: InputText
        do {
            input = try InputText(decoding: try readPossiblyCompressed(source), origin: source)
        } catch {
            throw .input(error)
        }
        let (frequencies, diagnostics) = WordFrequencies.read(input.text, file: source)
        let hasChinese = frequencies.counts.keys.contains { $0.unicodeScalars.contains { ScriptClass($0) == .han } }
        guard diagnostics.isEmpty, hasChinese else {
            throw .malformedFrequencies(path: source, diagnostics: diagnostics, words: frequencies.counts.count)
        }
        try write(input.text, to: destination)
        return Summary(entries: frequencies.counts.count)
    }

    private static func write(_ text: String, to destination: String) throws(Failure) {
        let url = URL(fileURLWithPath: destination)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: destination, reason: (error as NSError).localizedDescription)
        }
    }

    /// The file's bytes, gunzipped (by the system's gzip) when they start with gzip's magic number.
    static func readPossiblyCompressed(_ path: String) throws(InputError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw .missing(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read")
        }
        guard data.starts(with: [0x1F, 0x8B]) else { return data }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec gzip -dc -- \"$0\"", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .unreadable(path: path, reason: "cannot run gzip: \(error)")
        }
        let decompressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .unreadable(path: path, reason: "gzip could not decompress it") }
        return decompressed
    }
}

import DuizhaoText
import Foundation

/// The largest text read by the commands that hold a whole input in memory: 32 MB for each
/// file `annotate`, `export` and `align` read, 64 MB for `gloss`.
///
/// `annotate` needs up to about 60 times its article's size (with `--format json`) and some
/// five seconds a megabyte, `gloss` up to about 36 times (docs/BENCHMARKS.md, "Hostile and
/// large input"): the limits keep both under about 3 GB, where a 1 GB article would need tens of
/// gigabytes. A larger file is refused before it is read, with status 65 and a message that
/// points to `segment`, which reads any size in pieces.
enum InputLimit {
    /// For the article and each source of `annotate` and `export`.
    static let crossReference = 32_000_000
    /// For each of the two texts `align` pairs: it needs about 21 times their size (a pair of
    /// 8.6 and 11.7 MB, 100,000 and 135,000 sentences, took 425 MB and 23 s).
    static let align = 32_000_000
    /// For the text `gloss` marks.
    static let gloss = 64_000_000

    /// Reads and decodes `path` (standard input when nil or "-") unless it is larger than `limit` bytes.
    /// - Parameter command: the command's name, for the message.
    /// - Throws: `CommandFailure`: status 65 for a file over the limit, else as `InputText.read` fails.
    static func read(path: String?, limit: Int, command: String) throws -> InputText {
        guard let path, path != "-" else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            try check(size: data.count, limit: limit, name: "standard input", command: command)
            do {
                return try InputText(decoding: data, origin: "<stdin>")
            } catch {
                throw CommandFailure(error)
            }
        }
        // A file that cannot be inspected is left to the read, which says why.
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber {
            try check(size: size.intValue, limit: limit, name: path, command: command)
        }
        do {
            return try InputText.read(path: path)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Fails when `size` bytes are more than `limit`.
    static func check(size: Int, limit: Int, name: String, command: String) throws {
        guard size > limit else { return }
        throw CommandFailure(
            message: "\(name): \(describe(size)) is more than \(command) reads at once (\(describe(limit))); "
                + "split it into smaller files, or use 'duizhao segment', which reads any size in pieces",
            exitCode: .dataError)
    }

    /// A size in (decimal) MB, or GB from 1,000 MB, with one decimal unless whole: "64 MB", "1.0 GB".
    static func describe(_ size: Int) -> String {
        let megabytes = Double(size) / 1_000_000
        if megabytes >= 1000 { return String(format: "%.1f GB", megabytes / 1000) }
        if megabytes == megabytes.rounded() { return "\(Int(megabytes)) MB" }
        return String(format: "%.1f MB", megabytes)
    }
}

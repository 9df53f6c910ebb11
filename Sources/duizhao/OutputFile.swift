import Foundation

/// Writes a command's output to standard output, or atomically to a file.
enum OutputFile {
    /// Writes `text` to `path` through a temporary file and a rename, so that an interrupted run
    /// never leaves half a file in place of a good one; to standard output when `path` is nil or "-".
    /// - Throws: `CommandFailure` (exit 73) when the file cannot be created.
    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "cannot write \(path): \((error as NSError).localizedDescription)", exitCode: .cannotCreate)
        }
    }
}

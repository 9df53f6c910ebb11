import Foundation

/// The source files a list of paths names: files as they are, folders as their files of known kinds.
public enum SourceFiles {
    /// The extensions of the files a source folder contributes.
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "html", "htm", "xhtml"]

    /// `paths` with each folder replaced by its files of known kinds (by name, hidden ones left
    /// out), in order.
    /// - Throws: `BatchError` (status 66) naming the first path that does not exist.
    public static func expand(_ paths: [String]) throws(BatchError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw BatchError(message: "\(path): no such file or folder", exit: .missingInput)
            }
            if isDirectory.boolValue {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
                    .filter { !$0.hasPrefix(".") && extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
                    .sorted()
                let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
                files += names.map { "\(folder)/\($0)" }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

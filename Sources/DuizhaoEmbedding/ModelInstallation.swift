import DuizhaoText
import Foundation

/// An installed model: the folder holding the engine, its OpenMP runtime, the model file and a
/// manifest saying what they are.
public struct ModelInstallation: Sendable, Hashable {
    /// The environment variable naming the folder.
    public static let variable = "DUIZHAO_MODEL"
    /// File names inside the folder.
    public static let engineName = "libe5engine.so"
    public static let modelName = "e5-small-q4.bin"
    public static let manifestName = "manifest.json"

    /// The folder.
    public var directory: String
    /// What the manifest says.
    public var manifest: Manifest

    /// What an installation records about itself.
    public struct Manifest: Codable, Sendable, Hashable {
        /// A human name: the model and the package it came from.
        public var model: String
        /// SHA-256 of the model file, in hex: embeddings cached under another digest are not used.
        public var digest: String
        /// The model file's size in bytes, checked at every load.
        public var size: Int
        public var dimension: Int
        /// The OpenMP runtime's file name in the folder (its soname), or nil when the engine needs none.
        public var runtime: String?
    }

    public var enginePath: String { directory + "/" + Self.engineName }
    public var modelPath: String { directory + "/" + Self.modelName }
    public var runtimePath: String? { manifest.runtime.map { directory + "/" + $0 } }

    /// `$DUIZHAO_MODEL`, else `$XDG_DATA_HOME/duizhao/model` (`~/.local/share/duizhao/model`).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let path = environment[variable], !path.isEmpty { return path }
        return UserDirectories.data(environment) + "/model"
    }

    /// The installation in `directory`, or nil when nothing is installed there (no manifest).
    /// - Throws: `EmbeddingError.unreadableModel` for a manifest that cannot be read.
    public static func find(in directory: String) throws(EmbeddingError) -> ModelInstallation? {
        let path = directory + "/" + manifestName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
            return ModelInstallation(directory: directory, manifest: manifest)
        } catch {
            throw .unreadableModel(path: path, reason: "its manifest cannot be read (\(error)); install the model again")
        }
    }

    /// Loads the engine and the model.
    /// - Throws: `EmbeddingError` for any file that is missing, of the wrong kind, or changed
    ///   since it was installed (another size than the manifest's).
    public func load() throws(EmbeddingError) -> EmbeddingEngine {
        let size = (try? FileManager.default.attributesOfItem(atPath: modelPath)[.size] as? Int) ?? nil
        if let size, size != manifest.size {
            throw .unreadableModel(path: modelPath, reason: "it has \(size) bytes, not the \(manifest.size) installed: install the model again")
        }
        return try EmbeddingEngine(runtime: runtimePath, engine: enginePath, model: modelPath)
    }
}

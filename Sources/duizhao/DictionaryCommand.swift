import ArgumentParser

struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dictionary",
        abstract: "Install the CC-CEDICT dictionary Duizhao uses for words outside the glossaries.",
        subcommands: [DictionaryInstallCommand.self]
    )
}

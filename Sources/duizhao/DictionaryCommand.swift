import ArgumentParser

struct DictionaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dictionary",
        abstract: "Install CC-CEDICT, for words outside the glossaries, and a word-frequency list, for word segmentation.",
        subcommands: [DictionaryInstallCommand.self]
    )
}

import ArgumentParser

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check glossary files.",
        subcommands: [GlossaryCheckCommand.self]
    )
}

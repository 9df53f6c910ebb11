import ArgumentParser

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check and convert glossary files.",
        subcommands: [GlossaryCheckCommand.self, GlossaryConvertCommand.self]
    )
}

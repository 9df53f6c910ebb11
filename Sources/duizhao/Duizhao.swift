import ArgumentParser
import DuizhaoText

@main
struct Duizhao: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duizhao",
        abstract: "对照 Check English writing about China against its Chinese sources, side by side.",
        version: "0.1.0 (ICU \(ICULibrary.version))",
        subcommands: [SegmentCommand.self, LookupCommand.self, GlossCommand.self, GlossaryCommand.self, DictionaryCommand.self, ModelCommand.self, AlignCommand.self, AnnotateCommand.self, ExportCommand.self, BatchCommand.self, ServeCommand.self]
    )
}

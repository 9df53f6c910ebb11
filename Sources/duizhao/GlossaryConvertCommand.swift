import ArgumentParser
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

/// The formats `glossary convert` writes.
enum GlossaryFileFormat: String, CaseIterable, ExpressibleByArgument {
    case tsv, csv, tbx
}

struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a glossary between Duizhao TSV, CSV and TBX.",
        discussion: """
            The input format is told by --format, else by the file's extension (.tsv, .csv, \
            .tbx/.xml, .u8 for CC-CEDICT), else (.txt, .utf8 …) by its content. A malformed \
            row is left out with a warning on standard error. TBX is written as TBX-Basic v3; \
            CSV as RFC 4180 with a byte order mark.

            Examples:
              duizhao glossary convert Glossaries/china-tech.tsv --to tbx -o china-tech.tbx
              duizhao glossary convert terms.csv --to tsv > terms.tsv
            """
    )

    @Argument(help: "The glossary to convert.")
    var file: String

    @Option(help: "The format to write: \(GlossaryFileFormat.allValueStrings.joined(separator: ", ")).")
    var to: GlossaryFileFormat

    @Option(help: "The format to read: \(GlossaryFormat.allValueStrings.joined(separator: ", ")) (by default told by the extension or the content).")
    var format: GlossaryFormat?

    @Option(help: ArgumentHelp("The languages of the first two columns, whatever a header says (en,zh; zh-TW,en).", valueName: "en,zh"))
    var languages: GlossaryLanguages?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write here (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingFailures {
            let entries: [GlossaryEntry]
            do {
                let options = GlossaryReadOptions(format: format, languages: languages?.languages)
                let read = try GlossaryLoader.read(path: file, layer: .user, options: options)
                reportSkipped(read.skipped)
                entries = read.entries
            } catch let error as GlossaryError {
                throw CommandFailure(message: error.description, exitCode: .dataError)
            }
            let text: String
            switch to {
            case .tsv: text = DuizhaoTSV.write(entries)
            case .csv: text = GlossaryCSV.write(entries)
            case .tbx: text = TBX.write(entries)
            }
            try OutputFile.write(text, to: output)
        }
    }
}

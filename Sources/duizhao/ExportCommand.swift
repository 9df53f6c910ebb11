import ArgumentParser
import DuizhaoReports
import DuizhaoText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an article's claim–source links as CSV.",
        discussion: """
            One row per claim–source link and one per unsupported claim (source columns empty, \
            flag 'unsupported'). Columns: claim_id, claim, source_file, source_id, source, score, \
            terms, numbers, flags; terms and numbers are en=zh pairs joined by '; '. RFC 4180 with \
            CRLF, UTF-8 with a byte order mark; a cell starting with =, +, -, @, tab or CR gets a \
            leading ' so that spreadsheets do not run it.

            Examples:
              duizhao export Samples/article.md --source Samples/sources -o pairs.csv
            """
    )

    @OptionGroup var inputs: CrossReferenceInputs

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Leave out the byte order mark.")
    var noBom = false

    @Flag(help: "Write cells as they are, without the ' that keeps spreadsheets from running formulas.")
    var raw = false

    func run() throws {
        try reportingFailures {
            let run = try inputs.run(command: "export")
            run.progress?.finish()
            let options = CSV.WriterOptions(byteOrderMark: !noBom, neutralizeFormulas: !raw)
            try OutputFile.write(PairsCSV.render(run.result, options: options), to: output)
        }
    }
}

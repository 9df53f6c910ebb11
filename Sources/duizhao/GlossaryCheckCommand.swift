import ArgumentParser
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText

struct GlossaryCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate glossaries: malformed rows, duplicates, conflicts, missing Traditional forms.",
        discussion: """
            Every problem is listed as FILE:LINE:COLUMN: error|warning: message, the whole file \
            checked. Errors are what cannot be read (a malformed row, which other commands leave \
            out with a warning); duplicates, conflicting renderings and missing Traditional forms \
            are warnings. Exits 65 when any file has an error, 0 when there are only warnings.

            Example:
              duizhao glossary check Glossaries/china-tech.tsv my-terms.tsv
            """
    )

    @Argument(help: "The glossary files (TSV, CSV, TBX or CC-CEDICT).")
    var files: [String]

    @Option(help: "The format to read: \(GlossaryFormat.allValueStrings.joined(separator: ", ")) (by default told by the extension or the content).")
    var format: GlossaryFormat?

    @Option(help: ArgumentHelp("The languages of the first two columns, whatever a header says (en,zh; zh-TW,en).", valueName: "en,zh"))
    var languages: GlossaryLanguages?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one glossary file.") }
    }

    func run() throws {
        try reportingFailures {
            let checker = try GlossaryChecker()
            let sink = OutputSink()
            let style = TerminalStyle.standardOutput
            var errors = 0
            var warnings = 0
            for file in files {
                let diagnostics: [GlossaryDiagnostic]
                var entryCount = 0
                do {
                    let (entries, readProblems) = try GlossaryLoader.check(path: file, options: GlossaryReadOptions(format: format, languages: languages?.languages))
                    entryCount = entries.count
                    diagnostics = (readProblems + (try checker.check(entries))).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
                } catch let error as InputError {
                    sink.write("\(error)\n")
                    errors += 1
                    continue
                }
                for diagnostic in diagnostics {
                    sink.write(style.diagnostic("\(diagnostic)") + "\n")
                    if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
                }
                sink.write("\(file): \(entryCount) \(entryCount == 1 ? "entry" : "entries") read\n")
            }
            sink.write("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            sink.flush()
            if errors > 0 { throw CommandFailure(message: "the glossaries have errors", exitCode: .dataError) }
        }
    }
}

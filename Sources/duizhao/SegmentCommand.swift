import ArgumentParser
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

extension SegmentationUnit: ExpressibleByArgument {}
extension SegmentationFormat: ExpressibleByArgument {}

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split mixed Chinese/English text into sentences or words.",
        discussion: """
            Offsets in jsonl output are UTF-8 byte offsets into the input (after a byte order mark, \
            if any).

            Examples:
              duizhao segment Samples/article.md
              duizhao segment --unit word --format jsonl source.txt
              echo '周鸿祎说：“两年内赶上。”' | duizhao segment --unit word
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "What to split into: \(SegmentationUnit.allValueStrings.joined(separator: ", ")).")
    var unit: SegmentationUnit = .sentence

    @Option(help: "Output format: \(SegmentationFormat.allValueStrings.joined(separator: ", ")).")
    var format: SegmentationFormat = .text

    @Flag(help: "Split words with ICU alone, ignoring glossaries and the dictionary.")
    var icuOnly = false

    @OptionGroup var glossaryOptions: GlossaryOptions

    /// Input (bytes) from which a run says on a terminal how far it has got: about a second's work.
    static let progressThreshold = 8_000_000

    func run() throws {
        try reportingFailures {
            var words: (any WordTokenizer)?
            var lexicon: (any PinyinLexicon)?
            if unit == .word && !icuOnly {
                let glossaries = try glossaryOptions.load()
                words = try GlossarySegmenter(glossaries: glossaries)
                if format == .jsonl { lexicon = glossaries.termBase.pinyinLexicon() }
            }
            let report = try SegmentationReport(unit: unit, format: format, words: words, lexicon: lexicon)
            // Read in pieces, each segmented as it arrives: memory stays bounded by the longest
            // stretch without a place to cut (a paragraph end; for words a line end), not the input.
            let pieces: InputPieces
            do throws(InputError) {
                pieces = try InputPieces(path: input.file, at: report.boundary)
            } catch {
                throw CommandFailure(error)
            }
            let sink = OutputSink()
            var state = SegmentationReport.PieceState()
            let size = input.file.flatMap { $0 == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: $0))?[.size] as? NSNumber }?.intValue
            // Shown once the input is known to be long (from the start for a large file, after the
            // first 8 MB of standard input), and only when the segments go elsewhere than the
            // terminal, where they would scroll over it.
            var progress: Progress?
            var progressChecked = false
            defer { progress?.finish() }
            while true {
                let piece: (text: String, offset: Int)?
                do throws(InputError) {
                    piece = try pieces.next()
                } catch {
                    sink.flush()
                    throw CommandFailure(error)
                }
                guard let piece else { break }
                if !progressChecked && (size ?? piece.offset) >= Self.progressThreshold {
                    progressChecked = true
                    progress = Progress.onTerminal(prefix: "duizhao: ", enabled: isatty(STDOUT_FILENO) == 0)
                }
                if let progress {
                    let done = InputLimit.describe(piece.offset)
                    progress.say(size.map { "segmenting: \(done) of \(InputLimit.describe($0)) (\(piece.offset * 100 / max($0, 1))%)" } ?? "segmenting: \(done) read")
                }
                try report.write(piece: piece.text, at: piece.offset, state: &state, to: sink)
            }
            report.finish(state, to: sink)
            sink.flush()
        }
    }
}

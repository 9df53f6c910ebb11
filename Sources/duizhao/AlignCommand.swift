import ArgumentParser
import DuizhaoAlign
import DuizhaoGlossary
import DuizhaoReports
import DuizhaoText
import Foundation

extension AlignmentFormat: ExpressibleByArgument {}

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Pair the sentences of a Chinese text and its English translation (either direction).",
        discussion: """
            Beads join up to four sentences on one side (1-1, 1-2, 2-1, 1-3, 2-2, 1-4, 2-3 …); a \
            sentence with no counterpart is a bead of its own (1-0, 0-1). Every sentence of both \
            texts appears exactly once, in order. Sentence numbers are 0-based, SOURCE's first.

            Given two folders, aligns the files of the same name in them and writes one output file \
            per pair into the folder named by -o.

            Examples:
              duizhao align zh.txt en.txt
              duizhao align --presegmented --format tmx -o pair.tmx zh.lines en.lines
              duizhao align --presegmented --format ladder -o out/ zh/ en/
            """
    )

    @Argument(help: "The source text (a file, or a folder of files).")
    var source: String

    @Argument(help: "Its translation (a file, or a folder of files of the same names).")
    var target: String

    @Flag(help: "Take the inputs as one sentence per line, as they are.")
    var presegmented = false

    @Option(help: "Output format: \(AlignmentFormat.allValueStrings.joined(separator: ", ")).")
    var format: AlignmentFormat = .ladder

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (a folder for folder inputs) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Say on standard error how many sentences and beads each pair has, and how confident the alignment is.")
    var verbose = false

    @Option(help: .hidden)
    var parameters: String?

    /// Hidden, for experiments (Benchmarks/eval/align_fusion.py): writes into this folder, for
    /// each pair, the beads the search weighs (NAME.tsv) and with the model both sides' window
    /// embeddings (NAME.zh.f32, NAME.en.f32, raw little-endian floats, 384 a row).
    @Option(help: .hidden)
    var candidates: String?

    @OptionGroup var glossaryOptions: GlossaryOptions

    /// Hidden: align weighs meaning only where --parameters gives it a weight (experiments).
    @OptionGroup(visibility: .hidden) var modelOptions: ModelOptions

    func validate() throws {
        if let parameters, AlignmentParameters(assignments: parameters) == nil {
            throw ValidationError("bad --parameters '\(parameters)'")
        }
    }

    /// Sentences (both sides) from which a run says on a terminal what it is doing.
    static let progressThreshold = 5_000

    func run() throws {
        try reportingFailures {
            let pairs = try inputPairs()
            let glossaries = try glossaryOptions.load()
            let settings = parameters.flatMap(AlignmentParameters.init(assignments:)) ?? AlignmentParameters()
            // Weighed as measured so far, meaning does not help alignment: the model is loaded
            // only where --parameters gives it a weight (the aligner embeds nothing otherwise).
            let embedder = settings.meaning != 0 || candidates != nil ? try modelOptions.load() : nil
            let aligner = try SentenceAligner(glossaries: glossaries, parameters: settings, embedder: embedder)
            let version = String(Duizhao.configuration.version.split(separator: " ").first ?? "")
            for pair in pairs {
                let job = try AlignmentJob(source: try read(pair.source), target: try read(pair.target), presegmented: presegmented)
                let (sourceSentences, targetSentences) = (job.sourceSentences, job.targetSentences)
                let name = pairs.count > 1 || pair.output != output ? " (\(URL(fileURLWithPath: pair.source).lastPathComponent))" : ""
                let progress = Progress.onTerminal(prefix: "duizhao\(name): ", enabled: sourceSentences.count + targetSentences.count >= Self.progressThreshold || pairs.count > 1)
                if let candidates {
                    try writeCandidates(
                        try aligner.candidates(source: sourceSentences, target: targetSentences), into: candidates,
                        name: URL(fileURLWithPath: pair.source).lastPathComponent)
                }
                let alignment = try job.run(aligner: aligner, evidence: format == .jsonl, progress: progress?.say)
                progress?.finish()
                for warning in alignment.warnings {
                    FileHandle.standardError.write(Data(CommandFailure.styled("duizhao\(name): warning: \(warning)\n").utf8))
                }
                if verbose {
                    let summary = "\(sourceSentences.count) + \(targetSentences.count) sentences, \(alignment.beads.count) beads, "
                        + "confidence \(AlignmentReport.score(alignment.confidence))"
                    FileHandle.standardError.write(Data("duizhao\(name): \(summary)\n".utf8))
                }
                let report = AlignmentReport(alignment: alignment, source: sourceSentences, target: targetSentences, toolVersion: version)
                let text = report.render(format)
                if let path = pair.output {
                    do {
                        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                    } catch {
                        throw CommandFailure(message: "cannot write \(path): \((error as NSError).localizedDescription)", exitCode: .cannotCreate)
                    }
                } else {
                    let sink = OutputSink()
                    sink.write(text)
                    sink.flush()
                }
            }
        }
    }

    /// Writes the candidate beads of one pair as text and its embeddings as raw floats.
    private func writeCandidates(_ candidates: AlignmentCandidates, into folder: String, name: String) throws {
        var text = "# chineseIsTarget=\(candidates.chineseIsTarget) chinese=\(candidates.chineseCount) english=\(candidates.englishCount)\n"
        text += "# zhStart\tzhEnd\tenStart\tenEnd\toverlap\tlength\tcues\tpenalty\tvalue\n"
        for c in candidates.candidates {
            text += "\(c.chinese.lowerBound)\t\(c.chinese.upperBound)\t\(c.english.lowerBound)\t\(c.english.upperBound)\t"
            text += "\(c.overlap)\t\(c.lengthLogProbability)\t\(c.cues)\t\(c.penalty)\t\(c.value)\n"
        }
        var files = [("\(name).tsv", Data(text.utf8))]
        for (suffix, matrix) in [("zh", candidates.chineseWindows), ("en", candidates.englishWindows)] {
            guard let matrix else { continue }
            files.append(("\(name).\(suffix).f32", matrix.values.withUnsafeBufferPointer { Data(buffer: $0) }))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (file, data) in files { try data.write(to: URL(fileURLWithPath: "\(folder)/\(file)"), options: .atomic) }
        } catch {
            throw CommandFailure(message: "cannot write into \(folder): \((error as NSError).localizedDescription)", exitCode: .cannotCreate)
        }
    }

    private func read(_ path: String) throws -> String {
        try InputLimit.read(path: path, limit: InputLimit.align, command: "align").text
    }

    /// The files to align and where each result goes: one pair, or the files two folders share.
    private func inputPairs() throws -> [(source: String, target: String, output: String?)] {
        func isDirectory(_ path: String) -> Bool {
            var flag: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
        }
        switch (isDirectory(source), isDirectory(target)) {
        case (false, false):
            if source == "-" && target == "-" {
                throw CommandFailure(message: "only one of SOURCE and TARGET can be standard input", exitCode: .validationFailure)
            }
            return [(source, target, output)]
        case (true, true):
            guard let output else {
                throw CommandFailure(message: "aligning folders needs -o FOLDER for the results", exitCode: .validationFailure)
            }
            let names = Set((try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [])
                .intersection((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? [])
                .filter { !$0.hasPrefix(".") }
                .sorted()
            guard !names.isEmpty else {
                throw CommandFailure(message: "\(source) and \(target) have no files of the same name", exitCode: .missingInput)
            }
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(message: "cannot create \(output): \((error as NSError).localizedDescription)", exitCode: .cannotCreate)
            }
            let suffix = format == .ladder ? "align" : format.rawValue
            return names.map { ("\(source)/\($0)", "\(target)/\($0)", "\(output)/\($0).\(suffix)") }
        default:
            throw CommandFailure(message: "SOURCE and TARGET must be both files or both folders", exitCode: .validationFailure)
        }
    }
}

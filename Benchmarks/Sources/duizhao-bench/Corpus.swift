import DuizhaoText

/// The text every variant of a benchmark runs over, held in memory.
struct Corpus {
    var text: String
    /// What it is made of, for the report.
    var description: String

    var byteCount: Int { text.utf8.count }

    /// Builds a corpus of at least `options.targetBytes` bytes of UTF-8.
    static func build(_ options: BenchOptions) throws -> Corpus {
        if options.inputs.isEmpty {
            var generator = SyntheticCorpus(seed: options.seed)
            let text = generator.text(minimumBytes: options.targetBytes)
            return Corpus(
                text: text,
                description: "synthetic mixed Chinese/English news-like text (SyntheticCorpus, seed \(options.seed))")
        }
        // The files are read at run time and only held in memory: evaluation texts stay out of
        // the repository.
        var pieces: [String] = []
        for path in options.inputs {
            var text = try InputText.read(path: path).text
            if text.utf8.isEmpty { continue }
            // Each file ends its last paragraph, so that repetitions do not run into each other.
            while text.hasSuffix("\n\n") == false { text += "\n" }
            pieces.append(text)
        }
        guard !pieces.isEmpty else { throw CorpusError.emptyInputs }
        let unit = pieces.joined()
        var text = ""
        text.reserveCapacity(options.targetBytes + unit.utf8.count)
        var copies = 0
        while text.utf8.count < options.targetBytes {
            text += unit
            copies += 1
        }
        let names = options.inputs.joined(separator: " + ")
        return Corpus(
            text: text,
            description: "\(names) (\(unit.utf8.count) bytes together), concatenated \(copies) times")
    }
}

enum CorpusError: Error, CustomStringConvertible {
    case emptyInputs

    var description: String { "the input files are empty" }
}

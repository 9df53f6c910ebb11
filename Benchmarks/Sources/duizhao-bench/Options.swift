/// The parsed command line.
struct BenchOptions {
    enum Command: String {
        case words
        case sentences
        /// Writes the corpus to standard output, to look at or to feed other tools.
        case corpus
        /// Glossary loading, lookups and glossary-aware segmentation.
        case glossary
        /// Sentence embedding through Duizhao against the engine's own batch call.
        case embedding
        /// The dictionaries' reach: English words of sentence pairs covered by their Chinese.
        case coverage
    }

    enum ParseError: Error, CustomStringConvertible {
        case help
        case message(String)

        var description: String {
            switch self {
            case .help: "help requested"
            case .message(let message): message
            }
        }
    }

    var command: Command
    var megabytes: Double = 50
    var repetitions: Int = 3
    var inputs: [String] = []
    var seed: UInt64 = SyntheticCorpus.defaultSeed
    /// CC-CEDICT for `glossary`; `$DUIZHAO_DICTIONARY` by default.
    var dictionary: String?
    /// A word-frequency list for `glossary`; `$DUIZHAO_FREQUENCIES` by default, none when unset.
    var frequencies: String?
    /// For `glossary`: time the segmentation alone.
    var segmentationOnly = false
    /// For `embedding`: how many sentences, and the installed model's folder.
    var sentences = 1000
    var model: String?
    /// For `coverage`: files of `english<TAB>chinese` pairs.
    var pairs: [String] = []

    /// The corpus size in bytes.
    var targetBytes: Int { Int((megabytes * 1_000_000).rounded(.up)) }

    init(arguments: [String]) throws(ParseError) {
        var arguments = arguments[...]
        guard let first = arguments.popFirst() else { throw .message("missing subcommand") }
        if first == "--help" || first == "-h" { throw .help }
        guard let command = Command(rawValue: first) else { throw .message("unknown subcommand '\(first)'") }
        self.command = command
        func value(of option: String) throws(ParseError) -> String {
            guard let value = arguments.popFirst() else { throw .message("\(option) needs a value") }
            return value
        }
        while let argument = arguments.popFirst() {
            switch argument {
            case "--megabytes":
                let text = try value(of: argument)
                guard let megabytes = Double(text), megabytes > 0, megabytes < 2000 else {
                    throw .message("--megabytes must be a number in (0, 2000), not '\(text)'")
                }
                self.megabytes = megabytes
            case "--repeat":
                let text = try value(of: argument)
                guard let repetitions = Int(text), repetitions > 0 else {
                    throw .message("--repeat must be a positive integer, not '\(text)'")
                }
                self.repetitions = repetitions
            case "--input":
                inputs.append(try value(of: argument))
            case "--seed":
                let text = try value(of: argument)
                guard let seed = UInt64(text) else { throw .message("--seed must be an unsigned integer, not '\(text)'") }
                self.seed = seed
            case "--dictionary":
                dictionary = try value(of: argument)
            case "--frequencies":
                frequencies = try value(of: argument)
            case "--segmentation-only":
                segmentationOnly = true
            case "--sentences":
                let text = try value(of: argument)
                guard let count = Int(text), count > 0 else { throw .message("--sentences must be a positive integer, not '\(text)'") }
                sentences = count
            case "--model":
                model = try value(of: argument)
            case "--pairs":
                pairs.append(try value(of: argument))
            case "--help", "-h":
                throw .help
            default:
                throw .message("unknown option '\(argument)'")
            }
        }
    }
}

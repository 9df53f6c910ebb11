/// The language a side of a document is written in, judged from its letters.
public enum DocumentLanguage: String, Sendable, Hashable {
    case chinese = "zh"
    case english = "en"
    /// No letters to judge by (empty, or numbers and punctuation only).
    case unknown = "und"

    /// Han characters against Latin letters; a Chinese text quoting English stays Chinese.
    public init(sentences: [String]) {
        var han = 0
        var latin = 0
        for sentence in sentences {
            for scalar in sentence.unicodeScalars {
                if scalar.isASCII {
                    let v = scalar.value | 0x20
                    if v >= 0x61 && v <= 0x7A { latin += 1 }
                } else if scalar.properties.isIdeographic {
                    han += 1
                } else if scalar.properties.isAlphabetic {
                    latin += 1
                }
            }
        }
        if han == 0 && latin == 0 {
            self = .unknown
        } else {
            // An English word is about five letters, a Chinese one about 1.5 characters.
            self = Double(han) * 3 >= Double(latin) ? .chinese : .english
        }
    }
}

/// One bead: consecutive sentences of the source and the target that translate each other,
/// either side possibly empty (a sentence left untranslated).
public struct Bead: Sendable, Hashable {
    /// The source's sentence numbers, 0-based.
    public var source: Range<Int>
    /// The target's sentence numbers, 0-based.
    public var target: Range<Int>
    /// Translation overlap of the bead, from 0 (none, or an empty side) to 1.
    public var score: Double
    /// What links the two sides, when asked for.
    public var evidence: BeadEvidence?

    public init(source: Range<Int>, target: Range<Int>, score: Double, evidence: BeadEvidence? = nil) {
        self.source = source
        self.target = target
        self.score = score
        self.evidence = evidence
    }

    /// The bead's shape, source first: "2-1", "1-0".
    public var shape: String { "\(source.count)-\(target.count)" }
}

/// The words, numbers and names a bead's two sides share, each written `chinese=english`.
public struct BeadEvidence: Sendable, Hashable {
    /// Words linked through the glossaries and the dictionary, and Latin tokens on both sides.
    public var terms: [String] = []
    /// Numbers and dates with the same value.
    public var numbers: [String] = []
    /// Names linked through pinyin.
    public var names: [String] = []

    public init(terms: [String] = [], numbers: [String] = [], names: [String] = []) {
        self.terms = terms
        self.numbers = numbers
        self.names = names
    }
}

/// The alignment of two documents.
public struct Alignment: Sendable {
    /// Every sentence of both documents in exactly one bead, in order.
    public var beads: [Bead]
    public var sourceLanguage: DocumentLanguage
    public var targetLanguage: DocumentLanguage
    /// How sure the alignment is as a whole, from 0 (the texts look unrelated) to 1.
    public var confidence: Double
    /// English characters per Chinese character, as estimated from the documents.
    public var lengthRatio: Double
    /// Problems a person should know about: an empty side, a side in the wrong language,
    /// texts that look unrelated.
    public var warnings: [String]

    public init(
        beads: [Bead], sourceLanguage: DocumentLanguage, targetLanguage: DocumentLanguage, confidence: Double, lengthRatio: Double,
        warnings: [String]
    ) {
        self.beads = beads
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.confidence = confidence
        self.lengthRatio = lengthRatio
        self.warnings = warnings
    }
}

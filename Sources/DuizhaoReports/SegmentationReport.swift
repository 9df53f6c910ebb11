import DuizhaoText

/// What `duizhao segment` splits text into.
public enum SegmentationUnit: String, CaseIterable, Sendable {
    case sentence
    case word
}

/// How `duizhao segment` writes its segments.
public enum SegmentationFormat: String, CaseIterable, Sendable {
    /// Sentences one per line; words space-separated, one output line per input line (SIGHAN).
    case text
    /// One JSON object per segment, with UTF-8 byte offsets.
    case jsonl
}

/// Writes the segments of a text in one of the `segment` command's formats.
public final class SegmentationReport {
    private let unit: SegmentationUnit
    private let format: SegmentationFormat
    private let sentences: SentenceSegmenter
    private let words: WordSegmenter
    private let normalizer: TextNormalizer
    private let pinyin: PinyinConverter

    /// Creates a report writer.
    /// - Throws: `ICUError` when ICU's services cannot be opened.
    public init(unit: SegmentationUnit, format: SegmentationFormat) throws(ICUError) {
        self.unit = unit
        self.format = format
        sentences = try SentenceSegmenter()
        words = try WordSegmenter()
        normalizer = try TextNormalizer()
        pinyin = try PinyinConverter()
    }

    /// Segments `input` and writes the result to `sink`.
    /// - Throws: `ICUError` when ICU fails.
    public func write(_ input: InputText, to sink: OutputSink) throws(ICUError) {
        let text = input.text
        switch (unit, format) {
        case (.sentence, .text):
            for sentence in try sentences.sentences(in: text) where sentence.kind != .blank {
                sink.write(Self.oneLine(text[sentence.contentRange]))
                sink.write("\n")
            }
        case (.sentence, .jsonl):
            for sentence in try sentences.sentences(in: text) where sentence.kind != .blank {
                var object = JSONLine()
                object.add("text", String(text[sentence.contentRange]))
                let offsets = sentence.contentRange.utf8Offsets(in: text)
                object.add("start", offsets.lowerBound)
                object.add("end", offsets.upperBound)
                object.add("kind", sentence.kind.rawValue)
                object.add("language", sentence.language.rawValue)
                sink.write(object.finished)
                sink.write("\n")
            }
        case (.word, .text):
            try writeWordsAsText(text, to: sink)
        case (.word, .jsonl):
            var failure: ICUError?
            try words.forEachToken(in: text) { token in
                guard token.kind != .whitespace, failure == nil else { return }
                do throws(ICUError) {
                    sink.write(try wordObject(token, in: text))
                    sink.write("\n")
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Words separated by single spaces, one output line per input line, whitespace dropped:
    /// the SIGHAN bakeoff convention that its scorer reads.
    private func writeWordsAsText(_ text: String, to sink: OutputSink) throws(ICUError) {
        var lineHasWords = false
        var endsWithLineBreak = false
        try words.forEachToken(in: text) { token in
            let word = text[token.range]
            if token.kind == .whitespace {
                let breaks = Self.lineBreakCount(word)
                if breaks > 0 {
                    sink.write(String(repeating: "\n", count: breaks))
                    lineHasWords = false
                    endsWithLineBreak = true
                }
                return
            }
            if lineHasWords { sink.write(" ") }
            sink.write(word)
            lineHasWords = true
            endsWithLineBreak = false
        }
        if !text.isEmpty && !endsWithLineBreak { sink.write("\n") }
    }

    private func wordObject(_ token: Token, in text: String) throws(ICUError) -> String {
        let word = text[token.range]
        var object = JSONLine()
        object.add("text", String(word))
        let offsets = token.range.utf8Offsets(in: text)
        object.add("start", offsets.lowerBound)
        object.add("end", offsets.upperBound)
        object.add("kind", token.kind.rawValue)
        object.add("normalized", try normalizer.normalize(word))
        if token.kind == .han {
            object.add("pinyin", try pinyin.pinyin(word))
        }
        return object.finished
    }

    /// Line breaks in a run of whitespace; CRLF counts once.
    static func lineBreakCount(_ whitespace: Substring) -> Int {
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in whitespace.unicodeScalars {
            if scalar == "\n" && previous != "\r" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                count += 1
            }
            previous = scalar
        }
        return count
    }

    /// A segment's text on one line: a line break between two Han characters disappears (Chinese
    /// is written without spaces), any other run of whitespace with a line break becomes one space.
    static func oneLine(_ text: Substring) -> String {
        guard text.contains(where: \.isNewline) else { return String(text) }
        var result = ""
        var pendingBreak = false
        var pendingWhitespace = ""
        for character in text {
            if character.isWhitespace {
                if character.isNewline { pendingBreak = true }
                pendingWhitespace.append(character)
                continue
            }
            if !pendingWhitespace.isEmpty {
                if !pendingBreak {
                    result += pendingWhitespace
                } else if !(Self.isHan(result.last) && Self.isHan(character)) {
                    result += " "
                }
                pendingWhitespace = ""
                pendingBreak = false
            }
            result.append(character)
        }
        return result
    }

    private static func isHan(_ character: Character?) -> Bool {
        guard let scalar = character?.unicodeScalars.first else { return false }
        return ScriptClass(scalar) == .han || (0x3000...0x303F).contains(scalar.value) || (0xFF00...0xFF65).contains(scalar.value)
    }
}

import DuizhaoText

/// The English → Chinese layer: ECDICT's frequent English words, each with its inflected forms
/// and its Chinese renderings in ECDICT's order (`ECDICT.read`).
///
/// Kept apart from the term base: its renderings are answers for an English word, not terms to
/// find and keep whole in Chinese text, so they never reach the matcher or the segmenter.
public struct EnglishDictionary: Sendable {
    /// One Chinese rendering of a headword.
    public struct Rendering: Sendable, Hashable {
        /// The Chinese, Simplified as ECDICT writes it (政府).
        public var chinese: String
        /// ECDICT's part of speech for the line it stands on (`n.`, `vt.`), or empty.
        public var partOfSpeech: String
        /// ECDICT's domain label (经 for `[经]`, economics), or empty.
        public var domain: String

        public init(chinese: String, partOfSpeech: String = "", domain: String = "") {
            self.chinese = chinese
            self.partOfSpeech = partOfSpeech
            self.domain = domain
        }
    }

    /// An English headword with its forms and renderings.
    public struct Headword: Sendable, Hashable {
        public var word: String
        /// Its inflected forms (governments; caught, catching, catches), from ECDICT's lemma list.
        public var forms: [String]
        /// Its renderings, without repeats, in ECDICT's order: the usual sense first.
        public var renderings: [Rendering]
        /// The line of the file it was read from.
        public var line: Int

        public init(word: String, forms: [String], renderings: [Rendering], line: Int) {
            self.word = word
            self.forms = forms
            self.renderings = renderings
            self.line = line
        }
    }

    /// The file it was read from, for origins.
    public let file: String
    /// Every headword, in file order.
    public let headwords: [Headword]
    /// Headwords and forms, lower case → headword index.
    let formIndex: SortedKeyIndex
    /// Renderings → headword index.
    let renderingIndex: SortedKeyIndex

    /// Indexes `headwords`.
    public init(file: String, headwords: [Headword]) {
        self.file = file
        self.headwords = headwords
        var forms: [(String, Int32)] = []
        var renderings: [(String, Int32)] = []
        forms.reserveCapacity(headwords.count * 2)
        renderings.reserveCapacity(headwords.count * 6)
        for (index, headword) in headwords.enumerated() {
            let id = Int32(index)
            var seen = Set<String>()
            for form in [headword.word] + headword.forms where seen.insert(LookupKey.english(form)).inserted {
                forms.append((LookupKey.english(form), id))
            }
            var seenChinese = Set<String>()
            for rendering in headword.renderings where seenChinese.insert(rendering.chinese).inserted {
                renderings.append((rendering.chinese, id))
            }
        }
        formIndex = SortedKeyIndex(forms)
        renderingIndex = SortedKeyIndex(renderings)
    }

    /// Parts already indexed (read back from the compiled cache).
    init(file: String, headwords: [Headword], formIndex: SortedKeyIndex, renderingIndex: SortedKeyIndex) {
        self.file = file
        self.headwords = headwords
        self.formIndex = formIndex
        self.renderingIndex = renderingIndex
    }

    /// The headwords an English word is, or is a form of: the word itself first (left), then the
    /// words it inflects (leave), in file order.
    public func headwords(for word: String) -> [Headword] {
        let key = LookupKey.english(word)
        let ids = formIndex.exact(key)
        let own = ids.filter { LookupKey.english(headwords[Int($0)].word) == key }
        return (own + ids.filter { !own.contains($0) }).map { headwords[Int($0)] }
    }

    /// The indexes of the headwords one of whose renderings `chinese` is, in file order.
    public func headwordIndexes(rendering chinese: String) -> [Int] {
        renderingIndex.exact(chinese).map(Int.init)
    }
}

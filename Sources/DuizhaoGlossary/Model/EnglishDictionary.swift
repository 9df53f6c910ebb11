import DuizhaoText

/// The English → Chinese layer: ECDICT's frequent English words, each with its inflected forms
/// and its Chinese renderings in ECDICT's order (`ECDICT.read`).
///
/// Kept apart from the term base: its renderings are answers for an English word, not terms to
/// find and keep whole in Chinese text, so they never reach the matcher or the segmenter. Stored
/// flat — every string's UTF-8 back to back, and arrays of offsets into it — so that the compiled
/// cache reads it with a handful of copies rather than 300,000 strings; `headword(at:)` builds
/// a headword's strings when asked.
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
    /// Every string's UTF-8; string `i` is `bytes[stringStart[i]..<stringStart[i + 1]]`.
    let bytes: [UInt8]
    let stringStart: [Int32]
    /// Per headword: its word (a string), its line, and where its forms and renderings start in
    /// the arrays below (one more entry than headwords).
    let word: [Int32]
    let line: [Int32]
    let formStart: [Int32]
    let renderingStart: [Int32]
    /// Per form: its string. Per rendering: its Chinese, part of speech and domain (strings).
    let form: [Int32]
    let chinese: [Int32]
    let partOfSpeech: [Int32]
    let domain: [Int32]
    /// Lookup keys of headwords and forms (lower case, strings) with their headwords, by key.
    let keys: [Int32]
    let keyOwner: [Int32]
    /// Renderings, by their Chinese (then headword).
    let renderingOrder: [Int32]
    /// Per character of `firstCharacters`: where the renderings starting with it begin in
    /// `renderingOrder` (one more entry than characters), so that finding renderings in a text
    /// costs no search over all of them for each of its characters.
    let firstCharacterRuns: [Int32]
    /// The characters `firstCharacterRuns` covers: the unified ideographs and extension A, where
    /// nearly every Chinese text's characters are.
    static let firstCharacters: ClosedRange<UInt32> = 0x3400...0x9FFF
    /// Per rendering: the headword it belongs to (`renderingStart` read backwards), as a common
    /// character is a rendering of hundreds of headwords.
    let renderingOwner: [Int32]

    /// How many headwords there are.
    public var count: Int { word.count }

    /// Lays out `headwords`.
    public init(file: String, headwords: [Headword]) {
        var table = StringTable()
        var word: [Int32] = []
        var line: [Int32] = []
        var formStart: [Int32] = [0]
        var renderingStart: [Int32] = [0]
        var form: [Int32] = []
        var chinese: [Int32] = []
        var partOfSpeech: [Int32] = []
        var domain: [Int32] = []
        var keyPairs: [(key: Int32, owner: Int32)] = []
        for (index, headword) in headwords.enumerated() {
            word.append(table.add(headword.word))
            line.append(Int32(clamping: headword.line))
            for text in headword.forms { form.append(table.add(text)) }
            formStart.append(Int32(form.count))
            var seen = Set<String>()
            for rendering in headword.renderings where seen.insert(rendering.chinese).inserted {
                chinese.append(table.add(rendering.chinese))
                partOfSpeech.append(table.add(rendering.partOfSpeech))
                domain.append(table.add(rendering.domain))
            }
            renderingStart.append(Int32(chinese.count))
            var keys = Set<String>()
            for text in [headword.word] + headword.forms where keys.insert(LookupKey.english(text)).inserted {
                keyPairs.append((table.add(LookupKey.english(text)), Int32(index)))
            }
        }
        let (bytes, stringStart) = (table.bytes, table.starts)
        func before(_ a: Int32, _ b: Int32) -> Int32 { Self.compare(bytes, stringStart, a, b) }
        keyPairs.sort { lhs, rhs in
            let order = before(lhs.key, rhs.key)
            return order != 0 ? order < 0 : lhs.owner < rhs.owner
        }
        let renderingOwner = (0..<headwords.count).flatMap { h in
            repeatElement(Int32(h), count: Int(renderingStart[h + 1] - renderingStart[h]))
        }
        let order = chinese.indices.map(Int32.init).sorted { lhs, rhs in
            let compared = before(chinese[Int(lhs)], chinese[Int(rhs)])
            return compared != 0 ? compared < 0 : renderingOwner[Int(lhs)] < renderingOwner[Int(rhs)]
        }
        self.init(
            file: file, bytes: bytes, stringStart: stringStart, word: word, line: line, formStart: formStart,
            renderingStart: renderingStart, form: form, chinese: chinese, partOfSpeech: partOfSpeech, domain: domain,
            keys: keyPairs.map(\.key), keyOwner: keyPairs.map(\.owner), renderingOrder: order)
    }

    /// Parts already laid out (read back from the compiled cache, which checks them).
    init(
        file: String, bytes: [UInt8], stringStart: [Int32], word: [Int32], line: [Int32], formStart: [Int32],
        renderingStart: [Int32], form: [Int32], chinese: [Int32], partOfSpeech: [Int32], domain: [Int32],
        keys: [Int32], keyOwner: [Int32], renderingOrder: [Int32]
    ) {
        self.file = file
        self.bytes = bytes
        self.stringStart = stringStart
        self.word = word
        self.line = line
        self.formStart = formStart
        self.renderingStart = renderingStart
        self.form = form
        self.chinese = chinese
        self.partOfSpeech = partOfSpeech
        self.domain = domain
        self.keys = keys
        self.keyOwner = keyOwner
        self.renderingOrder = renderingOrder
        var renderingOwner = [Int32](repeating: 0, count: chinese.count)
        for headword in 0..<word.count {
            for rendering in Int(renderingStart[headword])..<Int(renderingStart[headword + 1]) { renderingOwner[rendering] = Int32(headword) }
        }
        self.renderingOwner = renderingOwner
        firstCharacterRuns = Self.firstCharacterRuns(bytes: bytes, stringStart: stringStart, chinese: chinese, renderingOrder: renderingOrder)
    }

    /// `firstCharacterRuns` of renderings sorted by their UTF-8 (whose order is that of their
    /// first characters' code points).
    private static func firstCharacterRuns(bytes: [UInt8], stringStart: [Int32], chinese: [Int32], renderingOrder: [Int32]) -> [Int32] {
        let characters = firstCharacters
        var runs = [Int32](repeating: 0, count: characters.count + 1)
        var position = 0
        for (k, character) in characters.enumerated() {
            // Skip the renderings whose first character comes before this one.
            while position < renderingOrder.count {
                let start = Int(stringStart[Int(chinese[Int(renderingOrder[position])])])
                let end = Int(stringStart[Int(chinese[Int(renderingOrder[position])]) + 1])
                guard Self.firstScalar(bytes, start, end) < character else { break }
                position += 1
            }
            runs[k] = Int32(position)
        }
        // Renderings starting past the covered characters are not in the last character's run.
        var last = position
        while last < renderingOrder.count {
            let id = Int(chinese[Int(renderingOrder[last])])
            guard Self.firstScalar(bytes, Int(stringStart[id]), Int(stringStart[id + 1])) <= characters.upperBound else { break }
            last += 1
        }
        runs[characters.count] = Int32(last)
        return runs
    }

    /// The code point of the UTF-8 character at `start` (0 for an empty string).
    private static func firstScalar(_ bytes: [UInt8], _ start: Int, _ end: Int) -> UInt32 {
        guard start < end else { return 0 }
        let lead = UInt32(bytes[start])
        switch lead {
        case ..<0x80: return lead
        case ..<0xE0 where end - start >= 2: return (lead & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case ..<0xF0 where end - start >= 3:
            return (lead & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        case _ where end - start >= 4:
            return (lead & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12 | UInt32(bytes[start + 2] & 0x3F) << 6
                | UInt32(bytes[start + 3] & 0x3F)
        default: return lead
        }
    }

    /// String `id` of the table.
    func string(_ id: Int32) -> String {
        let start = Int(stringStart[Int(id)])
        let end = Int(stringStart[Int(id) + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Headword `index`, in file order.
    public func headword(at index: Int) -> Headword {
        let forms = (Int(formStart[index])..<Int(formStart[index + 1])).map { string(form[$0]) }
        let renderings = (Int(renderingStart[index])..<Int(renderingStart[index + 1])).map {
            Rendering(chinese: string(chinese[$0]), partOfSpeech: string(partOfSpeech[$0]), domain: string(domain[$0]))
        }
        return Headword(word: string(word[index]), forms: forms, renderings: renderings, line: Int(line[index]))
    }

    /// Headword `index`'s word.
    public func word(at index: Int) -> String { string(word[index]) }

    /// The headwords an English word is, or is a form of: the word itself first (left), then the
    /// words it inflects (leave), in file order.
    public func headwords(for text: String) -> [Headword] {
        headwordIndexes(for: text).map(headword(at:))
    }

    /// The indexes of `headwords(for:)`.
    public func headwordIndexes(for text: String) -> [Int] {
        let key = LookupKey.english(text)
        var owners: [Int] = []
        var position = lowerBound(keys, key)
        while position < keys.count && equals(keys[position], key) {
            owners.append(Int(keyOwner[position]))
            position += 1
        }
        let own = owners.filter { LookupKey.english(word(at: $0)) == key }
        return own + owners.filter { !own.contains($0) }
    }

    /// Where `chinese` stands among the renderings of each headword that gives it: (headword,
    /// position in its renderings, 0 for the first), headwords in file order.
    public func renderingPlaces(_ text: String) -> [(headword: Int, position: Int)] {
        var text = text
        return text.withUTF8 { probe in
            var result: [(headword: Int, position: Int)] = []
            var position = lowerBound(probe)
            while position < renderingOrder.count && compare(chinese[Int(renderingOrder[position])], probe) == 0 {
                let (headword, index) = place(of: Int(renderingOrder[position]))
                result.append((headword, index))
                position += 1
            }
            return result
        }
    }

    /// Every rendering that stands in `text`, verbatim, of up to `longest` characters: its UTF-8
    /// range in `text` and the places it has among its headwords' renderings (`renderingPlaces`).
    ///
    /// One pass over the text: from each Chinese character, the piece grows one character at a
    /// time while some rendering starts with it. The renderings starting with the piece are a
    /// run of `renderingOrder`, and each new character only narrows that run, so each step is
    /// two binary searches over the run that compare the new character's bytes alone (a source
    /// of 100,000 sentences is some three million characters).
    ///
    /// - Parameter positionsBelow: given a piece's length in characters, the positions among its
    ///   headwords' renderings worth reporting (all by default): 的 is a late rendering of
    ///   hundreds of headwords.
    public func renderingsFound(
        in text: String, longest: Int = 8, positionsBelow: (_ characters: Int) -> Int = { _ in .max }
    ) -> [(utf8Range: Range<Int>, places: [(headword: Int, position: Int)])] {
        var found: [(utf8Range: Range<Int>, places: [(headword: Int, position: Int)])] = []
        var text = text
        text.withUTF8 { utf8 in
            var starts: [Int] = []
            var isHan: [Bool] = []
            var scalars: [UInt32] = []
            var offset = 0
            for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars {
                starts.append(offset)
                isHan.append(ScriptClass(scalar) == .han)
                scalars.append(scalar.value)
                offset += UTF8.width(scalar)
            }
            starts.append(offset)
            bytes.withUnsafeBufferPointer { all in
                stringStart.withUnsafeBufferPointer { stringStart in
                    chinese.withUnsafeBufferPointer { chinese in
                        renderingOrder.withUnsafeBufferPointer { order in
                            /// Rendering `rendering`'s bytes from `skip` on, against `character`, as far as
                            /// the character goes: a rendering that ends first is less.
                            func compare(_ rendering: Int, skip: Int, _ character: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
                                let id = Int(chinese[rendering])
                                let start = Int(stringStart[id]) + skip
                                let end = Int(stringStart[id + 1])
                                for (k, byte) in character.enumerated() {
                                    guard start + k < end else { return -1 }
                                    if all[start + k] != byte { return all[start + k] < byte ? -1 : 1 }
                                }
                                return 0
                            }
                            /// The first position of `range` where `goesPast` holds (it holds from there on).
                            func partition(_ range: Range<Int>, _ goesPast: (Int) -> Bool) -> Int {
                                var low = range.lowerBound
                                var high = range.upperBound
                                while low < high {
                                    let middle = (low + high) / 2
                                    if goesPast(Int(order[middle])) { high = middle } else { low = middle + 1 }
                                }
                                return low
                            }
                            for first in isHan.indices where isHan[first] {
                                // Every rendering in `run` starts with the piece so far.
                                var run = 0..<order.count
                                var last = first
                                while last < isHan.count && isHan[last] && last - first < longest {
                                    let low: Int
                                    let high: Int
                                    if last == first, Self.firstCharacters.contains(scalars[first]) {
                                        let k = Int(scalars[first] - Self.firstCharacters.lowerBound)
                                        (low, high) = (Int(firstCharacterRuns[k]), Int(firstCharacterRuns[k + 1]))
                                    } else {
                                        let skip = starts[last] - starts[first]
                                        let character = utf8[starts[last]..<starts[last + 1]]
                                        low = partition(run) { compare($0, skip: skip, character) >= 0 }
                                        high = partition(low..<run.upperBound) { compare($0, skip: skip, character) > 0 }
                                    }
                                    guard low < high else { break }
                                    run = low..<high
                                    // The renderings that are the piece itself come first: the shortest.
                                    let length = starts[last + 1] - starts[first]
                                    let limit = positionsBelow(last - first + 1)
                                    var places: [(headword: Int, position: Int)] = []
                                    var position = low
                                    while position < high {
                                        let id = Int(chinese[Int(order[position])])
                                        guard Int(stringStart[id + 1]) - Int(stringStart[id]) == length else { break }
                                        let place = place(of: Int(order[position]))
                                        if place.1 < limit { places.append(place) }
                                        position += 1
                                    }
                                    if !places.isEmpty { found.append((starts[first]..<starts[last + 1], places)) }
                                    last += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return found
    }

    /// The headword owning rendering `index`, and the rendering's position among its renderings.
    private func place(of rendering: Int) -> (Int, Int) {
        let headword = Int(renderingOwner[rendering])
        return (headword, rendering - Int(renderingStart[headword]))
    }

    /// The first position of `renderingOrder` whose Chinese is not less than `probe`.
    private func lowerBound(_ probe: UnsafeBufferPointer<UInt8>) -> Int {
        var low = 0
        var high = renderingOrder.count
        while low < high {
            let middle = (low + high) / 2
            if compare(chinese[Int(renderingOrder[middle])], probe) < 0 { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The indexes of the headwords one of whose renderings `chinese` is, in file order.
    public func headwordIndexes(rendering text: String) -> [Int] {
        renderingPlaces(text).map(\.headword)
    }

    /// Every lookup key (lower-case headwords and forms), with its headword: for suggestions.
    func forEachKey(_ body: (String, Int) -> Void) {
        for (key, owner) in zip(keys, keyOwner) { body(string(key), Int(owner)) }
    }

    // MARK: Byte order

    /// The first position of `sorted` (string ids in byte order) whose string is not less than `key`.
    private func lowerBound(_ sorted: some RandomAccessCollection<Int32>, _ key: String) -> Int {
        var key = key
        return key.withUTF8 { probe in
            var low = 0
            var high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                let id = sorted[sorted.index(sorted.startIndex, offsetBy: middle)]
                if compare(id, probe) < 0 { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    private func equals(_ id: Int32, _ key: String) -> Bool {
        var key = key
        return key.withUTF8 { compare(id, $0) == 0 }
    }

    /// memcmp order of string `id` against `probe`.
    private func compare(_ id: Int32, _ probe: UnsafeBufferPointer<UInt8>) -> Int32 {
        let start = Int(stringStart[Int(id)])
        let length = Int(stringStart[Int(id) + 1]) - start
        return bytes.withUnsafeBufferPointer { all in
            let common = min(length, probe.count)
            for k in 0..<common where all[start + k] != probe[k] {
                return Int32(all[start + k]) - Int32(probe[k])
            }
            return Int32(length - probe.count)
        }
    }

    /// memcmp order of two strings of the table.
    static func compare(_ bytes: [UInt8], _ starts: [Int32], _ a: Int32, _ b: Int32) -> Int32 {
        let aStart = Int(starts[Int(a)])
        let aLength = Int(starts[Int(a) + 1]) - aStart
        let bStart = Int(starts[Int(b)])
        let bLength = Int(starts[Int(b) + 1]) - bStart
        for k in 0..<min(aLength, bLength) where bytes[aStart + k] != bytes[bStart + k] {
            return Int32(bytes[aStart + k]) - Int32(bytes[bStart + k])
        }
        return Int32(aLength - bLength)
    }
}

/// Strings laid out back to back, each added once.
private struct StringTable {
    var bytes: [UInt8] = []
    var starts: [Int32] = [0]
    private var ids: [String: Int32] = [:]

    mutating func add(_ text: String) -> Int32 {
        if let known = ids[text] { return known }
        let id = Int32(starts.count - 1)
        bytes.append(contentsOf: text.utf8)
        starts.append(Int32(bytes.count))
        ids[text] = id
        return id
    }
}

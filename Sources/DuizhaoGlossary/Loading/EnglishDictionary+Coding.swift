/// The English → Chinese layer in the compiled cache: headwords with their renderings, parts of
/// speech and domains as indexes into a small table (a few dozen distinct ones), and the two
/// indexes, the rendering index as positions into the renderings so that no key is read twice.
extension EnglishDictionary {
    func encode(into writer: inout BinaryWriter) {
        var labels: [String] = []
        var labelIndex: [String: Int32] = [:]
        func label(_ text: String) -> Int32 {
            if let known = labelIndex[text] { return known }
            labelIndex[text] = Int32(labels.count)
            labels.append(text)
            return Int32(labels.count - 1)
        }
        var labelIDs: [Int32] = []
        for headword in headwords {
            for rendering in headword.renderings {
                labelIDs.append(label(rendering.partOfSpeech))
                labelIDs.append(label(rendering.domain))
            }
        }
        writer.write(file)
        writer.write(labels)
        writer.write(Int32(headwords.count))
        var firstRendering: [Int32] = []
        var total: Int32 = 0
        for headword in headwords {
            writer.write(headword.word)
            writer.write(headword.forms)
            writer.write(Int32(headword.line))
            writer.write(headword.renderings.map(\.chinese))
            firstRendering.append(total)
            total += Int32(headword.renderings.count)
        }
        writer.write(labelIDs)
        writer.write(Int32(formIndex.pairs.count))
        for (key, id) in formIndex.pairs {
            writer.write(key)
            writer.write(id)
        }
        let positions = renderingIndex.pairs.map { key, id -> Int32 in
            let offset = headwords[Int(id)].renderings.firstIndex { $0.chinese == key } ?? 0
            return firstRendering[Int(id)] + Int32(offset)
        }
        writer.write(positions)
    }

    static func decode(from reader: inout BinaryReader) -> EnglishDictionary? {
        guard let file = reader.readString(), let labels = reader.readStrings(), let count = reader.readInt32(), count >= 0 else { return nil }
        var words: [(word: String, forms: [String], line: Int, renderings: [String])] = []
        words.reserveCapacity(Int(count))
        var flat: [String] = []
        var owner: [Int32] = []
        for index in 0..<count {
            guard let word = reader.readString(), let forms = reader.readStrings(), let line = reader.readInt32(),
                let renderings = reader.readStrings()
            else { return nil }
            words.append((word, forms, Int(line), renderings))
            flat += renderings
            owner += repeatElement(index, count: renderings.count)
        }
        guard let labelIDs = reader.readInt32s(), labelIDs.count == flat.count * 2,
            labelIDs.allSatisfy({ $0 >= 0 && Int($0) < labels.count }), let formCount = reader.readInt32(), formCount >= 0
        else { return nil }
        var formPairs: [(String, Int32)] = []
        formPairs.reserveCapacity(Int(formCount))
        for _ in 0..<formCount {
            guard let key = reader.readString(), let id = reader.readInt32(), id >= 0, id < count else { return nil }
            formPairs.append((key, id))
        }
        guard let positions = reader.readInt32s(), positions.allSatisfy({ $0 >= 0 && Int($0) < flat.count }) else { return nil }
        var headwords: [Headword] = []
        headwords.reserveCapacity(words.count)
        var position = 0
        for word in words {
            var renderings: [Rendering] = []
            renderings.reserveCapacity(word.renderings.count)
            for chinese in word.renderings {
                renderings.append(
                    Rendering(chinese: chinese, partOfSpeech: labels[Int(labelIDs[2 * position])], domain: labels[Int(labelIDs[2 * position + 1])]))
                position += 1
            }
            headwords.append(Headword(word: word.word, forms: word.forms, renderings: renderings, line: word.line))
        }
        return EnglishDictionary(
            file: file, headwords: headwords, formIndex: SortedKeyIndex(sorted: formPairs),
            renderingIndex: SortedKeyIndex(sorted: positions.map { (flat[Int($0)], owner[Int($0)]) }))
    }
}

/// The English → Chinese layer in the compiled cache: its flat arrays as they are, each checked
/// on reading so that a damaged cache is rebuilt, never trusted.
extension EnglishDictionary {
    func encode(into writer: inout BinaryWriter) {
        writer.write(file)
        writer.write(bytes.count)
        writer.write(bytes)
        for array in [stringStart, word, line, formStart, renderingStart, form, chinese, partOfSpeech, domain, keys, keyOwner, renderingOrder] {
            writer.write(array)
        }
    }

    static func decode(from reader: inout BinaryReader) -> EnglishDictionary? {
        guard let file = reader.readString(), let bytes = reader.readBytes() else { return nil }
        var arrays: [[Int32]] = []
        for _ in 0..<12 {
            guard let array = reader.readInt32s() else { return nil }
            arrays.append(array)
        }
        let (stringStart, word, line, formStart, renderingStart) = (arrays[0], arrays[1], arrays[2], arrays[3], arrays[4])
        let (form, chinese, partOfSpeech, domain, keys, keyOwner, renderingOrder) = (
            arrays[5], arrays[6], arrays[7], arrays[8], arrays[9], arrays[10], arrays[11]
        )
        let stringCount = Int32(stringStart.count - 1)
        let headwords = word.count
        func ascending(_ starts: [Int32], endingAt end: Int) -> Bool {
            starts.first == 0 && starts.last.map(Int.init) == end && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
        }
        func strings(_ ids: [Int32]) -> Bool { ids.allSatisfy { $0 >= 0 && $0 < stringCount } }
        guard stringCount >= 0, ascending(stringStart, endingAt: bytes.count), line.count == headwords,
            formStart.count == headwords + 1, ascending(formStart, endingAt: form.count),
            renderingStart.count == headwords + 1, ascending(renderingStart, endingAt: chinese.count),
            partOfSpeech.count == chinese.count, domain.count == chinese.count, keyOwner.count == keys.count,
            renderingOrder.count == chinese.count, renderingOrder.allSatisfy({ $0 >= 0 && Int($0) < chinese.count }),
            keyOwner.allSatisfy({ $0 >= 0 && Int($0) < headwords }),
            strings(word), strings(form), strings(chinese), strings(partOfSpeech), strings(domain), strings(keys)
        else { return nil }
        return EnglishDictionary(
            file: file, bytes: bytes, stringStart: stringStart, word: word, line: line, formStart: formStart,
            renderingStart: renderingStart, form: form, chinese: chinese, partOfSpeech: partOfSpeech, domain: domain,
            keys: keys, keyOwner: keyOwner, renderingOrder: renderingOrder)
    }
}

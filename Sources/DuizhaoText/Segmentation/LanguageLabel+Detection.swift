extension LanguageLabel {
    /// Judges the language of `range` of UTF-8 text from its Han characters and Latin words.
    ///
    /// A Chinese word is about 1.5 characters, so a Latin word weighs 1.5 Han characters: the
    /// segment is zh when Han carries at least three quarters of that weight, en when Latin does,
    /// mixed otherwise. "我们用OpenAI的模型" is zh; "Zhou Hongyi (周鸿祎) said" is en.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        var han = 0
        var latinWords = 0
        var inLatinWord = false
        var i = range.lowerBound
        while i < range.upperBound {
            let scalar = UTF8.decodeScalar(in: bytes, at: i)
            i += UTF8.width(scalar)
            let script = ScriptClass(scalar)
            if script == .latin {
                if !inLatinWord { latinWords += 1 }
                inLatinWord = true
            } else {
                inLatinWord = false
                if script == .han { han += 1 }
            }
        }
        self.init(hanCharacters: han, latinWords: latinWords)
    }

    init(hanCharacters han: Int, latinWords: Int) {
        let hanWeight = Double(han)
        let latinWeight = Double(latinWords) * 1.5
        if hanWeight + latinWeight == 0 {
            self = .undetermined
        } else if hanWeight >= 0.75 * (hanWeight + latinWeight) {
            self = .zh
        } else if latinWeight >= 0.75 * (hanWeight + latinWeight) {
            self = .en
        } else {
            self = .mixed
        }
    }
}

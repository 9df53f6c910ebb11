import Testing

@testable import DuizhaoText

@Suite struct PinyinTests {
    @Test func icuReadsNamesCharacterByCharacter() throws {
        let converter = try PinyinConverter()
        #expect(try converter.pinyin("周鸿祎") == "zhōu hóng yī")
        #expect(try converter.tonelessPinyin("周鸿祎") == "zhou hong yi")
    }

    @Test func theLexiconComesFirst() throws {
        let plain = try PinyinConverter()
        // ICU's character-by-character guesses, which a dictionary corrects.
        #expect(try plain.pinyin("银行") != "yín háng")
        let lexicon = DictionaryPinyinLexicon(["银行": "yín háng", "长城": "cháng chéng", "重庆": "chóng qìng"])
        let converter = try PinyinConverter(lexicon: lexicon)
        #expect(try converter.pinyin("银行") == "yín háng")
        #expect(try converter.pinyin("去长城和重庆") == "qù cháng chéng hé chóng qìng")
        #expect(try converter.tonelessPinyin("重庆银行") == "chong qing yin hang")
    }

    @Test func nonHanIsKept() throws {
        #expect(try PinyinConverter().pinyin("中美AI，2025年") == "zhōng měi AI， 2025 nián")
    }

    @Test func tonelessIsASCII() throws {
        let converter = try PinyinConverter()
        #expect(try converter.toneless("lǜ nǚ") == "lu nu")
    }
}

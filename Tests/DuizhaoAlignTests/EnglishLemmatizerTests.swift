import Testing

@testable import DuizhaoAlign

@Suite struct EnglishLemmatizerTests {
    @Test(arguments: [
        ("cities", "city"), ("stopped", "stop"), ("stopping", "stops"), ("went", "go"), ("goes", "go"),
        ("running", "run"), ("loved", "love"), ("loving", "love"), ("makes", "making"), ("children", "child"),
        ("boxes", "box"), ("Hongyi's", "Hongyi"), ("studied", "study"), ("said", "say"), ("women", "woman"),
        ("friendships", "friendship"), ("AI", "ai"), ("thought", "think"), ("carried", "carry"),
    ])
    func formsMeetTheirBase(form: String, base: String) {
        #expect(EnglishLemmatizer.lemma(form) != nil)
        #expect(EnglishLemmatizer.lemma(form) == EnglishLemmatizer.lemma(base))
    }

    @Test(arguments: ["the", "The", "and", "she", "was", "didn't", "it's", "of", "sb", "sth"])
    func stopWordsGiveNothing(word: String) {
        #expect(EnglishLemmatizer.lemma(word) == nil)
    }

    @Test func differentWordsStayApart() {
        #expect(EnglishLemmatizer.lemma("left") != EnglishLemmatizer.lemma("leave"))
        #expect(EnglishLemmatizer.lemma("class") != EnglishLemmatizer.lemma("clash"))
        #expect(EnglishLemmatizer.lemma("1949") == "1949")
    }
}

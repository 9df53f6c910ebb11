/// Reduces English words to a common key, so that "cities", "city", "stopped", "stopping" and
/// "went" meet the dictionary's "city", "to stop" and "to go".
///
/// The key is a crude stem rather than a dictionary lemma ("love" and "loved" both become "lov"):
/// what matters for alignment is that the text and the glosses are reduced the same way. Rules
/// for plurals, past tenses, -ing and possessives, a table of irregular forms, and a list of
/// stop-words that carry no translation signal.
public enum EnglishLemmatizer {
    /// The key of `word` (any case), or nil when it is a stop-word or empty.
    public static func lemma(_ word: some StringProtocol) -> String? {
        var w = word.lowercased()
        // Possessives and contractions: "Hongyi's", "didn't", "she'd".
        w = w.replacingOccurrences(of: "\u{2019}", with: "'")
        if let apostrophe = w.firstIndex(of: "'") {
            let tail = w[w.index(after: apostrophe)...]
            if w.hasSuffix("n't") {
                w = String(w.dropLast(3))
                if w == "ca" { w = "can" } else if w == "wo" { w = "will" }
            } else if ["s", "d", "ll", "re", "ve", "m", ""].contains(String(tail)) {
                w = String(w[..<apostrophe])
            } else {
                w.removeAll { $0 == "'" }
            }
        }
        guard !w.isEmpty, !stopWords.contains(w) else { return nil }
        if let base = irregular[w] { return stopWords.contains(base) ? nil : stem(base) }
        return stem(w)
    }

    /// Whether `word` (lower case) is a stop-word.
    public static func isStopWord(_ word: String) -> Bool { stopWords.contains(word) }

    /// Suffix rules, applied to a lower-case word that is not irregular.
    static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        // Digits and short words are left alone.
        guard w.count >= 4, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.utf8)
            return w.count > s.count && w.suffix(s.count).elementsEqual(s)
        }
        func drop(_ n: Int) { w.removeLast(n) }
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        if ends("ies") || ends("ied") {
            if w.count > 4 {
                drop(3)
                w.append(UInt8(ascii: "y"))
            }
        } else if ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes") || ends("oes") {
            drop(2)
        } else if ends("ing") && w.count >= 6 {
            drop(3)
        } else if ends("ed") && w.count >= 5 {
            drop(2)
        } else if ends("s") && !ends("ss") && !ends("us") && !ends("is") {
            drop(1)
        }
        // "stopp" → "stop", "runn" → "run" (but not "ll" or "ss": "kill", "pass" stay whole).
        if w.count >= 4, let last = w.last, w[w.count - 2] == last, !vowels.contains(last),
            last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z")
        {
            drop(1)
        }
        // "love"/"loved"/"loving" → "lov".
        if w.count >= 4 && w.last == UInt8(ascii: "e") && w[w.count - 2] != UInt8(ascii: "e") { drop(1) }
        return String(decoding: w, as: UTF8.self)
    }

    /// Words with no translation signal: articles, pronouns, auxiliaries, prepositions,
    /// conjunctions, and the labels of dictionary glosses ("sb", "sth", "classifier").
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "as", "into", "onto", "than", "then", "so", "such", "is", "are", "was", "were", "be",
        "been", "being", "am", "do", "does", "did", "done", "doing", "have", "has", "had", "having", "i", "me",
        "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
        "itself", "they", "them", "their", "theirs", "themselves", "this", "that", "these", "those",
        "there", "here", "what", "which", "who", "whom", "whose", "when", "where", "why", "how",
        "not", "no", "nor", "too", "very", "can", "could", "will", "would", "shall", "should", "may",
        "might", "must", "just", "also", "up", "down", "out", "about", "all", "any", "some", "each",
        "other", "own", "same", "s", "t", "d", "ll", "re", "ve", "m", "o", "oh", "etc", "sb", "sth",
        "sb's", "sth's", "one's", "oneself", "esp", "fig", "lit", "abbr", "classifier", "particle",
        "variant", "used", "e", "g", "eg", "ie", "something", "someone", "somebody", "over", "under",
        "again", "further", "once", "both", "few", "more", "most", "only", "because", "while",
        "until", "after", "before", "during", "through", "between", "against", "above", "below",
        "off", "now", "ever", "even", "still", "yet", "well", "get", "got", "let", "like",
        "kind", "way", "thing", "one", "within", "without", "upon", "per", "via", "whether",
        "either", "neither", "however", "although", "though",
        // Older English (scripture, classics in old translations).
        "thee", "thou", "thy", "thine", "ye", "hath", "doth", "art", "shalt", "wilt", "unto", "hast", "dost",
        "thereof", "wherefore", "lo",
    ]

    /// Irregular past tenses, participles and plurals, and a few comparatives.
    static let irregular: [String: String] = {
        let pairs: [(String, String)] = [
            ("went", "go"), ("gone", "go"), ("goes", "go"), ("saw", "see"), ("seen", "see"), ("ate", "eat"),
            ("eaten", "eat"), ("men", "man"), ("women", "woman"), ("children", "child"), ("feet", "foot"),
            ("teeth", "tooth"), ("mice", "mouse"), ("geese", "goose"), ("people", "person"),
            ("said", "say"), ("says", "say"), ("made", "make"), ("took", "take"), ("taken", "take"),
            ("thought", "think"), ("brought", "bring"), ("bought", "buy"), ("caught", "catch"),
            ("taught", "teach"), ("fought", "fight"), ("sought", "seek"), ("told", "tell"), ("sold", "sell"),
            ("found", "find"), ("felt", "feel"), ("kept", "keep"), ("slept", "sleep"),
            ("met", "meet"), ("led", "lead"), ("fed", "feed"), ("held", "hold"), ("stood", "stand"),
            ("understood", "understand"), ("knew", "know"), ("known", "know"), ("grew", "grow"),
            ("grown", "grow"), ("threw", "throw"), ("thrown", "throw"), ("drew", "draw"), ("drawn", "draw"),
            ("flew", "fly"), ("flown", "fly"), ("gave", "give"), ("given", "give"), ("came", "come"),
            ("became", "become"), ("ran", "run"), ("sat", "sit"), ("forgot", "forget"),
            ("forgotten", "forget"), ("began", "begin"), ("begun", "begin"), ("wrote", "write"),
            ("written", "write"), ("rode", "ride"), ("ridden", "ride"), ("spoke", "speak"),
            ("spoken", "speak"), ("broke", "break"), ("broken", "break"), ("chose", "choose"),
            ("chosen", "choose"), ("woke", "wake"), ("woken", "wake"), ("wore", "wear"), ("worn", "wear"),
            ("tore", "tear"), ("torn", "tear"), ("swore", "swear"), ("sworn", "swear"), ("stole", "steal"),
            ("stolen", "steal"), ("froze", "freeze"), ("frozen", "freeze"), ("drove", "drive"),
            ("driven", "drive"), ("rose", "rise"), ("risen", "rise"), ("fell", "fall"), ("fallen", "fall"),
            ("hid", "hide"), ("hidden", "hide"), ("bit", "bite"), ("bitten", "bite"), ("lain", "lie"),
            ("laid", "lay"), ("paid", "pay"), ("heard", "hear"), ("built", "build"), ("sent", "send"),
            ("spent", "spend"), ("lost", "lose"), ("meant", "mean"), ("shot", "shoot"), ("struck", "strike"),
            ("hung", "hang"), ("sang", "sing"), ("sung", "sing"), ("swam", "swim"), ("swum", "swim"),
            ("drank", "drink"), ("drunk", "drink"), ("rang", "ring"), ("rung", "ring"), ("sank", "sink"),
            ("sunk", "sink"), ("shook", "shake"), ("shaken", "shake"), ("won", "win"), ("dug", "dig"),
            ("stuck", "stick"), ("slid", "slide"), ("fled", "flee"), ("wept", "weep"), ("dealt", "deal"),
            ("better", "good"), ("best", "good"), ("worse", "bad"), ("worst", "bad"), ("lying", "lie"),
            ("dying", "die"), ("died", "die"), ("tying", "tie"), ("tied", "tie"), ("lied", "lie"),
            ("spun", "spin"), ("swept", "sweep"), ("crept", "creep"), ("knelt", "kneel"),
            ("leapt", "leap"), ("lent", "lend"), ("bent", "bend"), ("beat", "beat"), ("beaten", "beat"),
            ("forbade", "forbid"), ("forbidden", "forbid"), ("overcame", "overcome"), ("arose", "arise"),
            ("arisen", "arise"), ("wives", "wife"), ("knives", "knife"),
            ("wolves", "wolf"), ("halves", "half"), ("selves", "self"),
            ("thieves", "thief"), ("shelves", "shelf"), ("loaves", "loaf"), ("mothers-in-law", "mother-in-law"),
            ("was", "be"), ("were", "be"), ("is", "be"), ("are", "be"), ("did", "do"), ("had", "have"),
            ("has", "have"), ("saith", "say"), ("begat", "beget"), ("spake", "speak"),
        ]
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }()
}

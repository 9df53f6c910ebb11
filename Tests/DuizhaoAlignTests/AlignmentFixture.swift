import DuizhaoGlossary
import Foundation

/// A small dictionary and pairs of texts written for these tests.
enum AlignmentFixture {
    /// CC-CEDICT lines for the words of the test texts.
    static let dictionary = """
        # test dictionary in CC-CEDICT format
        昨天 昨天 [zuo2 tian1] /yesterday/
        到 到 [dao4] /to reach; to arrive/
        杭州 杭州 [Hang2 zhou1] /Hangzhou, subprovincial city in Zhejiang/
        湖 湖 [hu2] /lake/
        湖邊 湖边 [hu2 bian1] /lakeside/
        散步 散步 [san4 bu4] /to take a walk; to go for a walk/
        看 看 [kan4] /to see; to look at; to watch/
        船 船 [chuan2] /boat; vessel; ship/
        晚上 晚上 [wan3 shang5] /evening; night/
        寫 写 [xie3] /to write/
        長 长 [chang2] /long/
        信 信 [xin4] /letter; mail/
        母親 母亲 [mu3 qin1] /mother/
        說 说 [shuo1] /to speak; to say/
        工作 工作 [gong1 zuo4] /to work; job; work/
        忙 忙 [mang2] /busy/
        第二天 第二天 [di4 er4 tian1] /next day/
        早上 早上 [zao3 shang5] /morning/
        下雨 下雨 [xia4 yu3] /to rain; rainy/
        房間 房间 [fang2 jian1] /room/
        讀書 读书 [du2 shu1] /to read a book; to study/
        買 买 [mai3] /to buy/
        三 三 [san1] /three/
        新 新 [xin1] /new/
        書 书 [shu1] /book/
        他 他 [ta1] /he; him/
        的 的 [de5] /of; ~'s (possessive particle)/
        了 了 [le5] /(completed action marker)/
        """

    /// Chinese source: 0 ↔ en 0 (1-1), 1+2 ↔ en 1 (2-1), 3 ↔ en 2+3 (1-2), 4 ↔ en 4, en 5
    /// untranslated (0-1), 5 ↔ en 6, 6 ↔ en 7.
    static let chinese = [
        "梁文锋昨天到了杭州。",
        "他在湖边散步。",
        "他看船。",
        "晚上他写了一封长信给他的母亲，说工作很忙。",
        "第二天早上下雨了。",
        "他在房间里读书。",
        "他买了三本新书。",
    ]

    static let english = [
        "Liang Wenfeng arrived in Hangzhou yesterday.",
        "He took a walk by the lake and watched the boats.",
        "In the evening he wrote a long letter to his mother.",
        "He said that the work kept him busy.",
        "The next morning it rained.",
        "Nobody in the family ever understood why the rain always came on Sundays, the translator notes.",
        "He read books in his room.",
        "He bought three new books.",
    ]

    /// The expected beads, Chinese first.
    static let gold: [(Range<Int>, Range<Int>)] = [
        (0..<1, 0..<1), (1..<3, 1..<2), (3..<4, 2..<4), (4..<5, 4..<5), (5..<5, 5..<6), (5..<6, 6..<7), (6..<7, 7..<8),
    ]

    /// The test dictionary loaded, without a cache.
    static func glossaries() throws -> GlossarySet {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("duizhao-align-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("test-cedict.u8").path
        try Data(dictionary.utf8).write(to: URL(fileURLWithPath: path))
        return try GlossarySet.load([GlossarySource(path: path, layer: .dictionary)], cacheDirectory: nil)
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so that generated cases repeat.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

import Testing

@testable import DuizhaoText

/// Telling an article's body from the page around it, in text with no markup to help.
@Suite struct ArticleLayoutTests {
    /// The skipped blocks of a plain-text article, as (first words, reason).
    private func skipped(_ text: String) -> [(String, SkipReason)] {
        Article(reading: text, format: .plain).skippedBlocks.map { (String($0.text.prefix(24)), $0.reason) }
    }

    /// The blocks of a plain-text article that are not skipped.
    private func body(_ text: String) -> [String] {
        let article = Article(reading: text, format: .plain)
        return ArticleLayout(article.text).blocks.filter { block in !article.skippedBlocks.contains { $0.range == block.range } }.map(\.text)
    }

    @Test(arguments: [
        ("Zhou said so.", true), ("Will it close?", true), ("“It will,” he said.", true), ("It doubled [1].", true),
        ("It doubled.[^2]", true), ("他说会赶上。", true), ("‘Never!’ protested Trinket,", true), ("The Film Studio", false),
        ("Required fields are marked *", false), ("Key points from the briefing:", false), ("Most Recent Posts", false), ("", false),
        ("Chen Qingyang said she couldn't believe it:", true),
    ])
    func sentenceEnds(text: String, ends: Bool) {
        #expect(ArticleLayout.endsAsSentence(text) == ends)
    }

    @Test(arguments: [
        ("Can China Catch Up With Sora?", true), ("Why TSMC Is Building in Arizona!", true), ("Who stole your chickens?", false),
        ("Who's Wang Er?", false), ("'The Sutra in Forty-Two Sections.'", false), ("\"At the Capital Planetarium.", false),
        ("Why TSMC Is Building in Arizona", false),
    ])
    func questionTitles(text: String, isTitle: Bool) {
        #expect(ArticleLayout.isQuestionTitle(text) == isTitle)
    }

    /// A page as a browser saves it as text: title, menu, byline, body, a reference list
    /// without heading, then a comment form, a newsletter box, recent posts, filler, copyright.
    static let page = """
        Rain Over Beijing – The Daily Example
        Skip to main content
        Home
        World
        Weather

        Rain Over Beijing

        By A. Writer | 3 June 2024

        Heavy rain fell on Beijing on Monday, the weather bureau said. Schools stayed open.

        What forecasters expect

        More rain is expected on Tuesday, with up to 80 millimetres in the hills.

           1. 北京今日暴雨:山区降雨量或达80毫米
           2. Click here for more from The Daily Example

        Leave a comment

        Your email address will not be published. Required fields are marked *

        Save my name, email, and website in this browser for the next time I comment.

        Sign up for our newsletter and get the day's weather delivered to your inbox.

        Recent Posts
        Flooding closes roads in Hebei
        Typhoon season starts early

        Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.

        © 2024 The Daily Example. All rights reserved.

        """

    @Test func theBodyIsWhatRemains() {
        #expect(body(Self.page) == [
            "Heavy rain fell on Beijing on Monday, the weather bureau said. Schools stayed open.",
            "More rain is expected on Tuesday, with up to 80 millimetres in the hills.",
        ])
        let blocks = skipped(Self.page)
        func reason(_ start: String) -> SkipReason? { blocks.first { $0.0.hasPrefix(start) }?.1 }
        #expect(reason("Rain Over Beijing – ") == .boilerplate)  // the title line with the menu under it
        #expect(blocks.filter { $0.0 == "Rain Over Beijing" }.map(\.1) == [.heading])
        #expect(reason("By A. Writer") == .heading)
        #expect(reason("What forecasters expect") == .heading)
        #expect(reason("北京今日暴雨") == .reference)
        #expect(reason("Click here for more") == .boilerplate)
        for start in ["Leave a comment", "Your email address", "Save my name", "Sign up for our", "Recent Posts", "Lorem ipsum", "© 2024"] {
            #expect(reason(start) == .boilerplate, "\(start)")
        }
    }

    @Test func aReferenceListWithoutHeadingBeforeTheFooter() {
        let article = Article(reading: Self.page, format: .plain)
        #expect(article.references.map(\.label) == ["1"])
        #expect(article.references.first?.text == "北京今日暴雨:山区降雨量或达80毫米")
    }

    @Test(arguments: ["1. ", "1) ", "[1] ", "（1）", "(1) ", "1、"])
    func referenceMarkers(marker: String) {
        let second = String(marker.map { $0 == "1" ? "2" : $0 })
        let text = "Heavy rain fell on Beijing on Monday, the bureau said [1].\n\n\(marker)北京今日暴雨\n\(second)暴雨红色预警解除\n\nShare this:\n"
        let article = Article(reading: text, format: .plain)
        #expect(article.references.map(\.text) == ["北京今日暴雨", "暴雨红色预警解除"])
        #expect(article.citations.map(\.labels) == [["1"]])
    }

    /// An item that only links back to the site's home page is no reference.
    @Test func aLinkBackToTheSiteIsNoReference() {
        let html = """
            <html><body><p>Heavy rain fell on Beijing on Monday, the bureau said.</p>
            <ol><li><a href="https://news.example.cn/rain">北京今日暴雨</a></li><li><a href="https://daily.example/">The Daily Example</a></li></ol>
            <p>&copy; 2024 The Daily Example</p></body></html>
            """
        let article = Article(reading: html, format: .html)
        #expect(article.references.map(\.text) == ["北京今日暴雨"])
        #expect(article.references.first?.url == "https://news.example.cn/rain")
        #expect(article.skippedBlocks.contains { $0.text.hasSuffix("The Daily Example") && $0.reason == .boilerplate })
        #expect(CitationScanner.isSiteHome("https://daily.example/") && CitationScanner.isSiteHome("/"))
        #expect(!CitationScanner.isSiteHome("https://daily.example/2024/rain.html"))
    }

    /// In HTML, an element whose class or id names site furniture holds no claims, unless it
    /// wraps most of the page ("has-sidebar" on the page's wrapper).
    @Test func furnitureByClassName() {
        let html = """
            <html><body><div class="site has-sidebar">
            <p>Heavy rain fell on Beijing on Monday, the weather bureau said, and more is expected on Tuesday.</p>
            <div class="widget about-us"><p>The Daily Example is an independent paper covering Asia since 2010.</p></div>
            <p>Schools in the city stayed open, though several roads in the hills were closed by floods.</p>
            <section id="comments"><p>Great piece, I was there and it rained all day long.</p></section>
            </div></body></html>
            """
        let article = Article(reading: html, format: .html)
        let boilerplate = article.skippedBlocks.filter { $0.reason == .boilerplate }.map(\.text)
        #expect(boilerplate == [
            "The Daily Example is an independent paper covering Asia since 2010.", "Great piece, I was there and it rained all day long.",
        ])
    }

    @Test func bulletsUnderAReferenceHeading() {
        let text = "Heavy rain fell on Beijing on Monday.\n\nSources:\n  - 北京今日暴雨\n  - https://example.com/rain\n"
        #expect(Article(reading: text, format: .plain).references.map(\.text) == ["北京今日暴雨", "https://example.com/rain"])
    }

    /// Text saved from a page whose list lost its numbers: one entry a line under the heading.
    @Test(arguments: ["Sources\n", "Sources\n\n"])
    func entriesOneALineUnderAHeading(heading: String) {
        let text = "Heavy rain fell on Beijing on Monday [2].\n\n\(heading)北京今日暴雨:山区降雨量或达80毫米\nhttps://example.com/rain\n\nLeave a Reply\n"
        let article = Article(reading: text, format: .plain)
        #expect(article.references.map(\.text) == ["北京今日暴雨:山区降雨量或达80毫米", "https://example.com/rain"])
        #expect(article.references.map(\.label) == ["1", "2"])
        let skipped = article.skippedBlocks.filter { $0.reason == .reference }
        #expect(article.references.allSatisfy { reference in skipped.contains { $0.range.contains(reference.range.lowerBound) } })
    }

    @Test func bulletsOfChineseTitlesClosingTheBody() {
        let text = "Heavy rain fell on Beijing on Monday [1].\n\n  • 北京今日暴雨\n  • 暴雨红色预警解除\n\nLeave a Reply\n"
        #expect(Article(reading: text, format: .plain).references.map(\.label) == ["1", "2"])
        let english = "Heavy rain fell on Beijing on Monday.\n\n  • Rain in the hills\n  • Roads closed\n"
        #expect(Article(reading: english, format: .plain).references.isEmpty)
    }

    @Test func aNumberedListTheBodyGoesOnAfterIsNoReferenceList() {
        let text = """
            The plan has three steps.

            1. Build the dams
            2. Clear the drains

            After that, the city will be ready for the rains, the mayor said.

            """
        #expect(Article(reading: text, format: .plain).references.isEmpty)
    }

    /// A newsletter box in the middle of the body does not end it: the body goes on after it.
    @Test func aBoxInTheBodyDoesNotEndIt() {
        let paragraphs = ["Monday", "Tuesday", "Wednesday", "Thursday"].map { "Heavy rain fell on Beijing on \($0), and the weather bureau said more would follow." }
        let text = "\(paragraphs[0])\n\n\(paragraphs[1])\n\nSubscribe to our newsletter\n\n\(paragraphs[2])\n\n\(paragraphs[3])\n\n© 2024 The Daily Example\n"
        #expect(body(text).count == 4)
        #expect(skipped(text).map(\.1) == [.boilerplate, .boilerplate])
    }

    /// Readers' comments follow the article: a comments heading ends the body when no more
    /// prose follows it than came before, and the author's note closing the body is no claim.
    @Test func commentsAndTheAuthorsNoteAreNoBody() {
        let text = """
            Huawei's Ascend 910B was first shipped in 2023, according to people familiar with the matter.

            Engineers said the chip still lags in software support, and that it would take at least two more years to close the gap.

            Huawei did not respond to a request for comment on the chip, its shipments or the engineers' estimate of the gap.

            Jane Doe is a technology reporter based in Shenzhen.

            2 Comments

            John Smith
            March 5, 2024 at 9:14 am
            Great article. I think Huawei will catch up sooner than people expect, and the software will follow within a year.

            Mary Lee
            March 5, 2024 at 11:02 am
            The software gap is real, and it will take years to close, whatever the engineers say about it.

            """
        #expect(body(text).count == 3)
        #expect(skipped(text).first?.0 == "Jane Doe is a technology")
        #expect(skipped(text).allSatisfy { $0.1 == .boilerplate })
    }

    /// A section heading that merely holds a furniture word in another sense ("Shares") is a
    /// heading, and the short paragraph after it is body, not footer.
    @Test func aHeadingLikeFurnitureIsStillAHeading() {
        let long = "Heavy rain fell on Beijing on Monday, and the weather bureau said more would follow on Tuesday and Wednesday."
        let text = "\(long)\n\n\(long)\n\n\(long)\n\nShares fall on the news\n\nInsurers lost 3 percent.\n"
        #expect(body(text).last == "Insurers lost 3 percent.")
        #expect(skipped(text).map(\.1) == [.heading])
    }

    /// A paragraph of sentences whose last stop is missing is still body; "By A. Writer" is not.
    @Test func sentencesWithTheLastStopMissing() {
        let text = "Heavy rain fell on Monday. Schools stayed open though roads closed\n\nBy A. Writer\n\nPhoto: Rain over Beijing on Monday. (Reuters)\n"
        #expect(body(text) == ["Heavy rain fell on Monday. Schools stayed open though roads closed"])
    }

    /// A title that repeats the page's first line is a heading, however it ends.
    @Test func theTitleCountsOnce() {
        let text = "Will it rain? – The Daily Example\n\nWill it rain?\n\nHeavy rain fell on Beijing on Monday.\n"
        #expect(body(text) == ["Heavy rain fell on Beijing on Monday."])
    }

    @Test func withoutFindingTheBodyOnlyReferencesAreSkipped() {
        let article = Article(reading: Self.page, format: .plain, findsBody: false)
        #expect(article.skippedBlocks.map(\.reason) == [.reference])
    }
}

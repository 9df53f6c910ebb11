import Testing

@testable import DuizhaoText

@Suite struct ArticleReaderTests {
    static let markdown = """
        # China's AI gap could close in two years

        Zhou Hongyi told **reporters** in [Beijing](https://example.com/bj) that the gap would close [1].
        The company spends 5.6 million dollars^2 and has _fewer than_ 200 people [1, 3].
        A footnoted claim.[^a] `code` <!-- a hidden comment --> stays out.

        ```
        let code = "not prose"
        ```

        ## References

        1. 360集团创办人:一旦方向正确 中美AI差距一两年就能赶上
        2. [台積電:AI加速器營收將於2027年翻倍](https://example.com/tsmc)
        3. 周鸿祎访谈

        [^a]: A footnote's own text.
        [3]: ./sources/interview.txt
        """

    @Test func markdownKeepsWordsAndDropsMarkup() {
        let article = Article(reading: Self.markdown, format: .markdown)
        #expect(article.text.contains("Zhou Hongyi told reporters in Beijing that the gap would close [1]."))
        #expect(article.text.contains("has fewer than 200 people [1, 3]."))
        #expect(!article.text.contains("not prose"))  // a code block
        #expect(article.text.contains("A footnoted claim.[^a] code"))  // inline code keeps its word
        #expect(!article.text.contains("hidden"))
        #expect(!article.text.contains("https://"))
        #expect(article.text.contains("# References"))
    }

    @Test func referencesAndCitations() {
        let article = Article(reading: Self.markdown, format: .markdown)
        #expect(article.references.map(\.label) == ["1", "2", "3", "a"])
        #expect(article.references[0].text == "360集团创办人:一旦方向正确 中美AI差距一两年就能赶上")
        #expect(article.references[1].url == "https://example.com/tsmc")
        #expect(article.references[2].url == "./sources/interview.txt")
        #expect(article.references[3].text == "A footnote's own text.")
        #expect(article.citations.map(\.labels) == [["1"], ["2"], ["1", "3"], ["a"]])
        let bytes = Array(article.text.utf8)
        #expect(article.citations.map { String(decoding: bytes[$0.range], as: UTF8.self) } == ["[1]", "^2", "[1, 3]", "[^a]"])
    }

    @Test func offsetsLeadBackToTheInput() {
        let article = Article(reading: Self.markdown, format: .markdown)
        let input = Array(Self.markdown.utf8)
        let text = Array(article.text.utf8)
        for (index, byte) in text.enumerated() where byte != 0x0A {
            #expect(input[article.originalOffset(index)] == byte, "byte \(index)")
        }
    }

    static let html = """
        <!DOCTYPE html>
        <html><head><title>Site title</title><script>var x = "<p>not text</p>";</script>
        <style>p { color: red }</style></head>
        <body>
        <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
        <header>Site header</header>
        <article>
          <h1>China&rsquo;s AI gap</h1>
          <p>Zhou Hongyi said the gap   would
             close within two years.<sup><a href="#ref1">[1]</a></sup> It&#39;s &#x4E2D;&#25991; &amp; more.</p>
          <p>Second<br>line &lt;script&gt; shown as text.</p>
          <h2>Sources</h2>
          <ol><li><a href="https://example.com/360">360集团创办人:一旦方向正确</a></li><li>台積電 report</li></ol>
        </article>
        <footer>Copyright &copy; 2026</footer>
        </body></html>
        """

    @Test func htmlKeepsTheArticleOnly() {
        let article = Article(reading: Self.html, format: .html)
        #expect(article.text.hasPrefix("# China’s AI gap\n\n"))
        #expect(article.text.contains("Zhou Hongyi said the gap would close within two years.[1] It's 中文 & more."))
        #expect(article.text.contains("Second\nline <script> shown as text."))
        for absent in ["Site title", "not text", "color", "Home", "Site header", "Copyright"] {
            #expect(!article.text.contains(absent), "\(absent)")
        }
        #expect(article.text.contains("## Sources\n\n1. 360集团创办人:一旦方向正确\n\n2. 台積電 report"))
        #expect(article.references.map(\.label) == ["1", "2"])
        #expect(article.references[0].url == "https://example.com/360")
        #expect(article.citations.map(\.labels) == [["1"]])
    }

    @Test func htmlWithoutAnArticleReadsTheBody() {
        let article = Article(reading: "<html><body><div>One.</div><div>Two &amp; three.</div><script>x</script></body></html>", format: .html)
        #expect(article.text == "One.\n\nTwo & three.\n\n")
    }

    @Test func brokenHTMLIsReadOn() {
        let article = Article(reading: "<p>Unclosed <b>bold <i>text & stray < sign</p><p>next", format: .html)
        #expect(article.text.contains("Unclosed bold text & stray < sign"))
        #expect(article.text.contains("next"))
    }

    @Test(arguments: [
        ("a.html", "x", ArticleFormat.html), ("a.md", "x", .markdown), ("a.txt", "<!DOCTYPE html><p>x", .html),
        (nil, "Plain text.", .plain), ("notes", "  <html>", .html),
    ] as [(String?, String, ArticleFormat)])
    func formatDetection(path: String?, text: String, format: ArticleFormat) {
        #expect(ArticleFormat.detect(path: path, text: text) == format)
    }

    @Test func plainTextIsTakenAsItIs() {
        let article = Article(reading: "Zhou said so [1].\n\nReferences\n1. 周鸿祎访谈\n", format: .plain)
        #expect(article.text == "Zhou said so [1].\n\nReferences\n1. 周鸿祎访谈\n")
        #expect(article.originalOffsets == nil)
        #expect(article.citations.map(\.labels) == [["1"]])
    }
}

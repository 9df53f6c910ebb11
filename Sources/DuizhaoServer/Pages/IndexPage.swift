import DuizhaoReports

/// The workspace's page: its reviews, and a form to start one from files in the workspace or
/// uploaded ones.
struct IndexPage {
    let reviews: [Review]
    let files: [String]
    let token: String
    /// The workspace glossary's terms.
    let terms: [(english: String, chinese: String, note: String)]

    func render() -> String {
        func escape(_ text: String) -> String { ReviewPage.escape(text) }
        var list = ""
        for review in reviews {
            let counts = review.stateCounts
            let reviewed = review.claims.count - (counts["pending"] ?? 0)
            list += "<li><a href=\"/reviews/\(review.id)\">\(escape(review.title))</a> <span class=\"progress\">\(reviewed) of \(review.claims.count) claims reviewed</span></li>\n"
        }
        if list.isEmpty { list = "<li class=\"none\">No review yet.</li>\n" }
        let termList = terms.map { "<li><span lang=\"en\">\(escape($0.english))</span> = <span lang=\"zh\">\(escape($0.chinese))</span>"
            + ($0.note.isEmpty ? "" : " <span class=\"note\">\(escape($0.note))</span>") + "</li>" }.joined(separator: "\n")
        let options = files.map { "<option value=\"\(escape($0))\">\(escape($0))</option>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="duizhao-token" content="\(escape(token))">
            <title>对照 Duizhao: reviews</title>
            <link rel="stylesheet" href="/static/review.css">
            <script src="/static/review.js" defer></script>
            </head>
            <body class="index-page">
            <header><h1>对照 Duizhao</h1><p class="summary">\(reviews.count) reviews · \(terms.count) terms in glossary.tsv</p>
            <p id="status" role="status" aria-live="polite"></p></header>
            <main class="index">
            <section><h2>Reviews</h2><ul id="reviews">
            \(list)</ul></section>
            <section><h2>Start a review</h2>
            <form id="new-review">
            <label>Article <select name="article" required>
            \(options)
            </select></label>
            <label>Sources <select name="sources" multiple size="6">
            \(options)
            </select></label>
            <button type="submit">Annotate and review</button>
            </form>
            <form id="upload-review">
            <h3>or upload files</h3>
            <label>Article <input type="file" name="article" required accept=".txt,.md,.markdown,.html,.htm"></label>
            <label>Sources <input type="file" name="sources" multiple accept=".txt,.md,.markdown,.html,.htm"></label>
            <button type="submit">Upload and review</button>
            </form>
            </section>
            <section><h2>Glossary terms added here (glossary.tsv)</h2><ul id="terms">
            \(termList)
            </ul></section>
            </main>
            </body>
            </html>

            """
    }
}

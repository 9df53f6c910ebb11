/// A maximal stretch of text in one script.
public struct ScriptRun: Sendable, Hashable {
    public var range: Range<String.Index>
    /// `.han`, `.latin` or `.other`; `.common` only for a text with no letters at all.
    public var script: ScriptClass

    public init(range: Range<String.Index>, script: ScriptClass) {
        self.range = range
        self.script = script
    }

    /// The script runs of `text`, which partition it.
    ///
    /// Characters every script uses (digits, punctuation, spaces) and combining marks join the run
    /// before them (or, at the start of the text, the run after them), as in UAX #24, so that
    /// "AI，差距" is a Latin run "AI，" and a Han run "差距".
    public static func runs(in text: String) -> [ScriptRun] {
        var runs: [ScriptRun] = []
        var runStart = text.startIndex
        var runScript: ScriptClass = .common
        var index = text.unicodeScalars.startIndex
        while index < text.unicodeScalars.endIndex {
            let script = ScriptClass(text.unicodeScalars[index])
            switch script {
            case .common, .inherited:
                break
            default:
                if runScript == .common {
                    runScript = script  // leading neutral characters take the first real script
                } else if script != runScript {
                    runs.append(ScriptRun(range: runStart..<index, script: runScript))
                    runStart = index
                    runScript = script
                }
            }
            index = text.unicodeScalars.index(after: index)
        }
        if runStart < text.endIndex {
            runs.append(ScriptRun(range: runStart..<text.endIndex, script: runScript))
        }
        return runs
    }
}

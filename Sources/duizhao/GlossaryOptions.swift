import ArgumentParser
import DuizhaoGlossary
import DuizhaoText
import Foundation

/// The glossaries a command uses: the user's, the shipped ones and the dictionary.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary file to use first (repeatable).", valueName: "file"))
    var glossaries: [String] = []

    @Option(
        name: .customLong("glossary-format"),
        help: ArgumentHelp(
            "The format of the --glossary files: \(GlossaryFormat.allValueStrings.joined(separator: ", ")) (by default told by the extension, or for .txt by the content).",
            valueName: "format"))
    var glossaryFormat: GlossaryFormat?

    @Option(
        name: .customLong("languages"),
        help: ArgumentHelp(
            "The languages of the --glossary files' first two columns, whatever a header says (en,zh; zh-TW,en; English,中文).",
            valueName: "en,zh"))
    var languages: GlossaryLanguages?

    @Flag(help: "Leave the CC-CEDICT dictionary out.")
    var noDictionary = false

    @Flag(help: "Leave out ECDICT's English → Chinese renderings of frequent English words.")
    var noEcdict = false

    /// How the user's glossaries are read.
    var readOptions: GlossaryReadOptions {
        GlossaryReadOptions(format: glossaryFormat, languages: languages?.languages, formatOption: "--glossary-format")
    }

    /// The glossary files to load, in order of precedence (the user's, the shipped ones, the
    /// dictionary), and the word-frequency list that goes with the dictionary; hints on
    /// standard error for what is missing.
    func sources() -> (sources: [GlossarySource], frequencies: String?) {
        var sources = glossaries.map { GlossarySource(path: $0, layer: .user, options: readOptions) }
        // Shipped glossaries and the dictionary go by their file name in origins, so that
        // output does not depend on where Duizhao is installed.
        sources += GlossaryLoader.shippedFiles().map {
            GlossarySource(path: $0, layer: .shipped, name: URL(fileURLWithPath: $0).lastPathComponent)
        }
        // The frequency list goes with the dictionary: it weighs the dictionary's words. Without
        // it, words cost one each; its absence at the default place gets no hint (it matters to
        // word segmentation only), a list named in the environment and missing does.
        var frequencies: String?
        if !noDictionary {
            let path = GlossaryLoader.dictionaryPath()
            let hasDictionary = FileManager.default.fileExists(atPath: path)
            if hasDictionary {
                sources.append(GlossarySource(path: path, layer: .dictionary, name: URL(fileURLWithPath: path).lastPathComponent))
            } else {
                FileHandle.standardError.write(
                    Data("duizhao: hint: no CC-CEDICT at \(path); run 'duizhao dictionary install' for dictionary words\n".utf8))
            }
            let frequencyPath = GlossaryLoader.frequenciesPath()
            if FileManager.default.fileExists(atPath: frequencyPath) {
                frequencies = frequencyPath
            } else if hasDictionary, let named = ProcessInfo.processInfo.environment[GlossaryLoader.frequenciesVariable], !named.isEmpty {
                // Most likely a typo (no second hint when the dictionary has had its own).
                FileHandle.standardError.write(Data("duizhao: hint: no word-frequency list at \(named) (\(GlossaryLoader.frequenciesVariable))\n".utf8))
            }
        }
        // ECDICT ships with the glossaries; only a file named in the environment and missing
        // gets a hint.
        if !noEcdict, let path = GlossaryLoader.englishDictionaryPath() {
            if FileManager.default.fileExists(atPath: path) {
                sources.append(GlossarySource(path: path, layer: .englishDictionary, name: URL(fileURLWithPath: path).lastPathComponent))
            } else if let named = ProcessInfo.processInfo.environment[GlossaryLoader.englishDictionaryVariable], !named.isEmpty {
                FileHandle.standardError.write(Data("duizhao: hint: no ECDICT file at \(named) (\(GlossaryLoader.englishDictionaryVariable))\n".utf8))
            }
        }
        return (sources, frequencies)
    }

    /// Loads every glossary, in order of precedence (the user's, the shipped ones, the
    /// dictionary), from the compiled cache when it holds them.
    func load() throws -> GlossarySet {
        let (sources, frequencies) = sources()
        do {
            let glossaries = try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: GlossarySet.defaultCacheDirectory())
            reportSkipped(glossaries.skipped)
            return glossaries
        } catch let error as InputError {
            throw CommandFailure(error)
        } catch let error as GlossaryError {
            throw CommandFailure(message: error.description, exitCode: .dataError)
        } catch let error as ICUError {
            throw CommandFailure(error)
        }
    }
}

/// The languages `--languages` names: two, one English and one Chinese.
struct GlossaryLanguages: ExpressibleByArgument {
    let languages: [GlossaryLanguage]

    init?(argument: String) {
        guard let languages = GlossaryReadOptions.languages(argument) else { return nil }
        self.languages = languages
    }

    static var defaultCompletionKind: CompletionKind { .list(["en,zh", "zh,en", "en,zh-Hant", "zh-Hant,en"]) }
}

extension GlossaryFormat: ExpressibleByArgument {}

/// The most rows left out that are listed one by one, per file; the rest are counted.
private let skippedListed = 20

/// Says on standard error which malformed rows were left out of the glossaries, at most
/// `skippedListed` a file and then how many more.
func reportSkipped(_ skipped: [GlossaryDiagnostic]) {
    var byFile: [String: Int] = [:]
    var text = ""
    for warning in skipped {
        byFile[warning.file, default: 0] += 1
        if byFile[warning.file]! <= skippedListed { text += "duizhao: \(warning)\n" }
    }
    for (file, count) in byFile.sorted(by: { $0.key < $1.key }) where count > skippedListed {
        text += "duizhao: warning: \(file): \(count - skippedListed) more malformed rows left out (duizhao glossary check \(file) lists them)\n"
    }
    if !text.isEmpty { FileHandle.standardError.write(Data(CommandFailure.styled(text).utf8)) }
}

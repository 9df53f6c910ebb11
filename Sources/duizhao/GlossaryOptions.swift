import ArgumentParser
import DuizhaoGlossary
import DuizhaoText
import Foundation

/// The glossaries a command uses: the user's, the shipped ones and the dictionary.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp("A glossary file to use first (repeatable).", valueName: "file"))
    var glossaries: [String] = []

    @Flag(help: "Leave the CC-CEDICT dictionary out.")
    var noDictionary = false

    /// Loads every glossary, in order of precedence (the user's, the shipped ones, the
    /// dictionary), from the compiled cache when it holds them.
    func load() throws -> GlossarySet {
        var sources = glossaries.map { GlossarySource(path: $0, layer: .user) }
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
        do {
            return try GlossarySet.load(sources, frequencies: frequencies, cacheDirectory: GlossarySet.defaultCacheDirectory())
        } catch let error as InputError {
            throw CommandFailure(error)
        } catch let error as GlossaryError {
            throw CommandFailure(message: error.description, exitCode: .dataError)
        } catch let error as ICUError {
            throw CommandFailure(error)
        }
    }
}

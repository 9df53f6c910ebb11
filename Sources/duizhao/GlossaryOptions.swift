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

    /// Loads every glossary, in order of precedence, into one term base.
    func loadTermBase(normalizer: TextNormalizer) throws -> TermBase {
        var entries: [GlossaryEntry] = []
        for path in glossaries {
            entries += try loading(path, layer: .user)
        }
        for path in GlossaryLoader.shippedFiles() {
            entries += try loading(path, layer: .shipped, name: URL(fileURLWithPath: path).lastPathComponent)
        }
        if !noDictionary {
            let path = GlossaryLoader.dictionaryPath()
            if FileManager.default.fileExists(atPath: path) {
                entries += try loading(path, layer: .dictionary, name: URL(fileURLWithPath: path).lastPathComponent)
            } else {
                FileHandle.standardError.write(
                    Data("duizhao: hint: no CC-CEDICT at \(path); run 'duizhao dictionary install' for dictionary words\n".utf8))
            }
        }
        do {
            return try TermBase(entries: entries, normalizer: normalizer)
        } catch {
            throw CommandFailure(error)
        }
    }

    private func loading(_ path: String, layer: GlossaryLayer, name: String? = nil) throws -> [GlossaryEntry] {
        do {
            return try GlossaryLoader.load(path: path, layer: layer, name: name)
        } catch let error as InputError {
            throw CommandFailure(error)
        } catch let error as GlossaryError {
            throw CommandFailure(message: error.description, exitCode: .dataError)
        }
    }
}

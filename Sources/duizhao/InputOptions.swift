import ArgumentParser
import DuizhaoText

/// The input file shared by commands that read one text.
struct InputOptions: ParsableArguments {
    @Argument(help: "The input file; '-' or nothing reads standard input.")
    var file: String?

    /// Reads the input, turning a read failure into the command's exit status.
    func read() throws -> InputText {
        do {
            return try InputText.read(path: file)
        } catch {
            throw CommandFailure(error)
        }
    }
}

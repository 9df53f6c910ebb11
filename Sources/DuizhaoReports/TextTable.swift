import DuizhaoText

/// A plain-text table with columns aligned by display width, so that Chinese lines up.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// The table, columns separated by two spaces, the last column not padded; on a terminal,
    /// the header in bold and the last column dimmed.
    func rendered(style: TerminalStyle = .plain) -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].displayWidth }.max() ?? 0
        }
        var output = ""
        for row in [header] + rows {
            let isHeader = output.isEmpty
            for (column, cell) in row.enumerated() {
                output += isHeader ? style.bold(cell) : column == row.count - 1 ? style.dim(cell) : cell
                if column < row.count - 1 {
                    output += String(repeating: " ", count: widths[column] - cell.displayWidth + 2)
                }
            }
            output += "\n"
        }
        return output
    }
}

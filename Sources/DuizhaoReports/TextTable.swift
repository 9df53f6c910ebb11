import DuizhaoText

/// A plain-text table with columns aligned by display width, so that Chinese lines up.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    /// The table, columns separated by two spaces, the last column not padded.
    func rendered() -> String {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].displayWidth }.max() ?? 0
        }
        var output = ""
        for row in [header] + rows {
            for (column, cell) in row.enumerated() {
                output += cell
                if column < row.count - 1 {
                    output += String(repeating: " ", count: widths[column] - cell.displayWidth + 2)
                }
            }
            output += "\n"
        }
        return output
    }
}

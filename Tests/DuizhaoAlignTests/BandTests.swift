import Testing

@testable import DuizhaoAlign

@Suite struct BandTests {
    @Test func bandAroundAPathCoversIt() {
        let path = [(0, 0), (1, 1), (2, 2), (2, 3), (4, 4), (5, 6)]
        let band = Band.around(path: path, chinese: 5, english: 6, width: 1)
        for (i, j) in path {
            #expect(band.lower[i] <= j && j <= band.upper[i], "row \(i): \(band.lower[i])...\(band.upper[i])")
        }
        #expect(band.lower == [0, 0, 1, 2, 3, 5])
        #expect(band.upper == [1, 2, 4, 4, 5, 6])
    }

    @Test func diagonalBandHoldsTheCorners() {
        let band = Band.lengthDiagonal(zh: [10, 20, 30], en: [30, 60, 90, 5], width: 1)
        #expect(band.lower[0] == 0)
        #expect(band.upper[3] == 4)
        for i in 1...3 { #expect(band.lower[i] <= band.upper[i - 1]) }
    }
}

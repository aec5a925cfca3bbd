// swift-tools-version:6.1
// An example analyst tool on the Dossier library: one person's trips, from a workspace, through typed
// queries. Its own package, so it builds against Dossier the way a user's package would.
import PackageDescription

let package = Package(
    name: "PersonTrips",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "person-trips", targets: ["person-trips"]),
    ],
    dependencies: [
        // The Dossier package two folders up. Named, so the product below does not depend on the
        // name of the folder the repository is checked out in.
        .package(name: "Dossier", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The command: options, the typed query, and the table it prints.
        .executableTarget(
            name: "person-trips",
            dependencies: [
                .product(name: "Dossier", package: "Dossier"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)

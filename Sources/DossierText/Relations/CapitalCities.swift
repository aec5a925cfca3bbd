import Foundation

/// Capital cities and the countries they stand for when they act: "Moscow said", "sanctions on
/// Moscow" are Russia's doings and Russia's sanctions. Read from `Resources/Relations/capitals.tsv`
/// (GeoNames).
package struct CapitalCities: Sendable {
    private var countryOfCapital: [String: String] = [:]

    /// The table shipped with DossierText; loaded once.
    package static let bundled: CapitalCities = {
        guard let folder = Bundle.module.url(forResource: "Relations", withExtension: nil),
              let text = try? String(utf8ContentsOf: folder.appendingPathComponent("capitals.tsv")) else {
            fatalError("DossierText: the bundled capitals table is missing")
        }
        return CapitalCities(table: text)
    }()

    /// Reads `capital<TAB>country` rows.
    package init(table: String) {
        for (capital, countries) in GazetteerTable(table).namesWithAliases {
            if let country = countries.first { countryOfCapital[capital] = country }
        }
    }

    /// The country whose capital is `city`, if it is one.
    package func country(ofCapital city: String) -> String? { countryOfCapital[city] }
}

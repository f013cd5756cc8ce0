//! Indonesia's three time zones and the major places in each, for checking a written
//! zone against the dateline city.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::parse::Zone;

/// Places (lower case) in Western Indonesia Time (UTC+7).
const WIB: &[&str] = &[
    "jakarta",
    "bandung",
    "surabaya",
    "medan",
    "semarang",
    "yogyakarta",
    "jogja",
    "yogya",
    "palembang",
    "pontianak",
    "padang",
    "pekanbaru",
    "jambi",
    "bengkulu",
    "lampung",
    "bandar lampung",
    "aceh",
    "banda aceh",
    "serang",
    "bogor",
    "depok",
    "tangerang",
    "bekasi",
    "malang",
    "solo",
    "surakarta",
    "batam",
    "tanjungpinang",
    "pangkalpinang",
    "cirebon",
    "sidoarjo",
    "kediri",
    "tasikmalaya",
    "palangka raya",
    "palangkaraya",
    "sumatera",
    "jawa",
    "banten",
    "riau",
    "kalimantan barat",
    "kalimantan tengah",
];

/// Places in Central Indonesia Time (UTC+8).
const WITA: &[&str] = &[
    "denpasar",
    "bali",
    "makassar",
    "balikpapan",
    "samarinda",
    "mataram",
    "lombok",
    "kupang",
    "manado",
    "palu",
    "kendari",
    "gorontalo",
    "banjarmasin",
    "banjarbaru",
    "tarakan",
    "bontang",
    "mamuju",
    "labuan bajo",
    "flores",
    "sulawesi",
    "nusa tenggara",
    "ntb",
    "ntt",
    "kalimantan selatan",
    "kalimantan timur",
    "kalimantan utara",
    "ikn",
];

/// Places in Eastern Indonesia Time (UTC+9).
const WIT: &[&str] = &[
    "jayapura",
    "ambon",
    "sorong",
    "merauke",
    "ternate",
    "tidore",
    "manokwari",
    "timika",
    "biak",
    "nabire",
    "wamena",
    "fakfak",
    "tual",
    "halmahera",
    "papua",
    "maluku",
];

fn places(zone: Zone) -> &'static [&'static str] {
    match zone {
        Zone::Wib => WIB,
        Zone::Wita => WITA,
        Zone::Wit => WIT,
    }
}

/// The zone of a dateline city (any case), when it is in the table.
pub(crate) fn zone_of_city(city: &str) -> Option<Zone> {
    let c = city.trim().to_lowercase();
    Zone::ALL
        .into_iter()
        .find(|&z| places(z).contains(&c.as_str()))
}

/// One automaton per zone over its place names: a single pass over the text instead of
/// one search per place.
static PLACE_FINDERS: LazyLock<[AhoCorasick; 3]> = LazyLock::new(|| {
    Zone::ALL.map(|z| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(places(z))
            .expect("place names build an automaton (tested)")
    })
});

/// True when `text` names a place in `zone` (whole words, any case: the place names are
/// ASCII, matched without regard to ASCII case, so no lower-case copy of the text is made).
pub(crate) fn mentions_place_in(text: &str, zone: Zone) -> bool {
    let finder = &PLACE_FINDERS[zone.index()];
    // Overlapping matches: a place inside a longer word (`papuanya`) must not hide the same
    // place standing alone later.
    finder.find_overlapping_iter(text).any(|m| {
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_map_to_zones() {
        assert_eq!(zone_of_city("JAKARTA"), Some(Zone::Wib));
        assert_eq!(zone_of_city("Denpasar"), Some(Zone::Wita));
        assert_eq!(zone_of_city("Jayapura"), Some(Zone::Wit));
        assert_eq!(zone_of_city("Pyongyang"), None);
    }

    #[test]
    fn place_mentions_are_whole_words() {
        assert!(mentions_place_in("gempa di papua barat", Zone::Wit));
        assert!(!mentions_place_in("papuanya", Zone::Wit));
        assert!(mentions_place_in("papuanya dan papua", Zone::Wit));
        assert!(mentions_place_in("wamena", Zone::Wit));
        assert!(mentions_place_in("Gempa di PAPUA Barat", Zone::Wit));
        assert!(!mentions_place_in("PAPUANYA", Zone::Wit));
        assert!(!mentions_place_in("gempa di papua barat", Zone::Wib));
    }
}

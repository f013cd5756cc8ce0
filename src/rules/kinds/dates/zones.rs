//! Indonesia's three time zones and the major places in each, for checking a written
//! zone against the dateline city.

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
    [Zone::Wib, Zone::Wita, Zone::Wit]
        .into_iter()
        .find(|&z| places(z).contains(&c.as_str()))
}

/// True when `text` names a place in `zone` (whole words, any case).
pub(crate) fn mentions_place_in(text_lower: &str, zone: Zone) -> bool {
    places(zone).iter().any(|p| contains_word(text_lower, p))
}

fn contains_word(hay: &str, needle: &str) -> bool {
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let s = from + pos;
        let e = s + needle.len();
        let before = hay[..s].chars().next_back();
        let after = hay[e..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = e;
    }
    false
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
    }
}

//! The default rule packs, embedded in the binary so `sunting check` works with no config.

/// `(path, text)` of every default pack, in the order they are loaded.
pub const PACKS: &[(&str, &str)] = &[
    (
        "rules/tanda-baca.toml",
        include_str!("../../rules/tanda-baca.toml"),
    ),
    (
        "rules/tanggal.toml",
        include_str!("../../rules/tanggal.toml"),
    ),
    (
        "rules/ejaan-eyd.toml",
        include_str!("../../rules/ejaan-eyd.toml"),
    ),
    ("rules/baku.toml", include_str!("../../rules/baku.toml")),
    (
        "rules/gabungan-kata.toml",
        include_str!("../../rules/gabungan-kata.toml"),
    ),
    (
        "rules/gaya-berita.toml",
        include_str!("../../rules/gaya-berita.toml"),
    ),
    ("rules/nama.toml", include_str!("../../rules/nama.toml")),
    ("rules/ejaan.toml", include_str!("../../rules/ejaan.toml")),
];

#[cfg(test)]
mod tests {
    use super::PACKS;

    #[test]
    fn every_pack_file_in_rules_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().into_string().unwrap();
            if name.ends_with(".toml") {
                let path = format!("rules/{name}");
                assert!(
                    PACKS.iter().any(|(p, _)| *p == path),
                    "{path} is not listed in src/rules/builtin.rs"
                );
            }
        }
    }
}

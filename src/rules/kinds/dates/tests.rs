//! Tests of the `dates` kind through the shipped `rules/tanggal.toml` rules. Every weekday
//! used here was checked against Python's `datetime`.

use chrono::NaiveDate;

use crate::config::{Config, DatesConfig};
use crate::diagnostic::{Diagnostic, apply_fixes};
use crate::document::{Document, Format};
use crate::lexicon::Lexicon;
use crate::rules::kinds::{BuildEnv, Context, Reporter};
use crate::rules::pack;

const PACK: &str = include_str!("../../../../rules/tanggal.toml");

struct Run {
    config: Config,
    reference: Option<NaiveDate>,
    format: Format,
}

impl Default for Run {
    fn default() -> Self {
        Self {
            config: Config::default(),
            reference: None,
            format: Format::Text,
        }
    }
}

impl Run {
    fn dates(cfg: DatesConfig) -> Self {
        Self {
            config: Config {
                dates: cfg,
                ..Config::default()
            },
            ..Self::default()
        }
    }

    /// Findings of rule `id` of the shipped pack on `text`.
    fn check(&self, id: &str, text: &str) -> Vec<Diagnostic> {
        let pack = pack::load("rules/tanggal.toml", PACK, &BuildEnv::default()).unwrap();
        let rule = pack.rules.iter().find(|r| r.meta.id == id).unwrap();
        let doc = Document::new(text, self.format);
        let lexicon = Lexicon::default();
        let ctx = Context {
            lexicon: &lexicon,
            config: &self.config,
            reference_date: self.reference,
            candidates: None,
        };
        let mut out = Vec::new();
        rule.check
            .check(&doc, &ctx, &mut Reporter::new(&rule.meta, &mut out));
        out.retain(|d| !doc.touches_masked(d.span));
        out
    }

    fn spans<'t>(&self, id: &str, text: &'t str) -> Vec<&'t str> {
        self.check(id, text)
            .iter()
            .map(|d| d.span.text(text))
            .collect()
    }

    fn fixed(&self, id: &str, text: &str) -> String {
        let d = self.check(id, text);
        apply_fixes(text, d.iter().flat_map(|d| d.fixes.iter()))
    }
}

fn spans<'t>(id: &str, text: &'t str) -> Vec<&'t str> {
    Run::default().spans(id, text)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// --- tanggal.mustahil ---------------------------------------------------------------

#[test]
fn flags_impossible_dates() {
    let text =
        "Senin (32/01), Selasa (31/04), 30 Februari, 29/2/2023, Rabu (5/13), dan (20/20/2025).";
    assert_eq!(
        spans("tanggal.mustahil", text),
        [
            "32/01",
            "31/04",
            "30 Februari",
            "29/2/2023",
            "5/13",
            "20/20/2025"
        ]
    );
}

#[test]
fn impossible_date_names_the_reason_and_a_swap() {
    let d = Run::default().check("tanggal.mustahil", "Sidang digelar Kamis (12/25/2025).");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("bulan 25 tidak ada"),
        "{}",
        d[0].message
    );
    assert!(d[0].help.as_deref().unwrap().contains("25 Desember 2025"));
    let d = Run::default().check("tanggal.mustahil", "Batas akhirnya 29/2/2023.");
    assert!(
        d[0].message.contains("bukan tahun kabisat"),
        "{}",
        d[0].message
    );
}

#[test]
fn allows_possible_dates_and_non_dates() {
    let text = "Kamis (29/2/2024), 29 Februari, 31 Januari 2024, Selasa (30/04). Layanan 24/7, skor 3/4, 1/2 kilogram, UU 13/2003, Nomor 45/13/2024.";
    assert!(spans("tanggal.mustahil", text).is_empty());
}

// --- tanggal.tahun -------------------------------------------------------------------

#[test]
fn flags_a_year_far_from_the_article() {
    assert_eq!(
        spans("tanggal.tahun", "Sidang digelar 6 Oktober 3025."),
        ["3025"]
    );
    let run = Run {
        reference: Some(ymd(2025, 10, 6)),
        ..Run::default()
    };
    assert_eq!(
        run.spans(
            "tanggal.tahun",
            "Sidang digelar Senin (6/10/2028) di Jakarta."
        ),
        ["2028"]
    );
}

#[test]
fn allows_plans_and_history_in_named_dates() {
    let run = Run {
        reference: Some(ymd(2025, 10, 6)),
        ..Run::default()
    };
    let text = "Proklamasi 17 Agustus 1945; aturan berlaku 1 Januari 2027; Jumat (2/1/2026).";
    assert!(run.spans("tanggal.tahun", text).is_empty());
}

// --- tanggal.koma --------------------------------------------------------------------

#[test]
fn flags_comma_before_bracketed_date() {
    let run = Run::default();
    assert_eq!(
        run.fixed("tanggal.koma", "Rapat digelar Jumat, (13/10) pagi."),
        "Rapat digelar Jumat (13/10) pagi."
    );
    let d = run.check("tanggal.koma", "Rapat digelar Jumat, (13/10) pagi.");
    assert!(d[0].message.contains("'Jumat (13/10)'"), "{}", d[0].message);
}

#[test]
fn allows_comma_before_unbracketed_date() {
    assert!(
        spans(
            "tanggal.koma",
            "Sidang dibuka Jumat, 13 Oktober 2023, dan Jumat (13/10)."
        )
        .is_empty()
    );
}

// --- tanggal.hari --------------------------------------------------------------------

#[test]
fn flags_weekday_against_explicit_year() {
    // 22 January 2024 is a Monday.
    let d = Run::default().check("tanggal.hari", "Rapat digelar Selasa (22/1/2024).");
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message
            .contains("22 Januari 2024 jatuh pada hari Senin, bukan Selasa")
    );
    assert!(
        d[0].message.contains("tahun 2024 tertulis"),
        "{}",
        d[0].message
    );
    assert!(d[0].help.as_deref().unwrap().contains("23 Januari 2024"));
    // Named form, with a comma.
    assert_eq!(
        spans("tanggal.hari", "Sidang dibuka Selasa, 22 Januari 2024."),
        ["Selasa, 22 Januari 2024"]
    );
    assert!(spans("tanggal.hari", "Sidang dibuka Senin, 22 Januari 2024.").is_empty());
}

#[test]
fn flags_weekday_against_a_year_elsewhere_in_the_article() {
    // 23 January 2024 is a Tuesday; in 2025 it was a Thursday.
    let text = "Rapat pertama digelar Senin (22/1/2024). Rapat kedua digelar Kamis (23/1).";
    let d = Run::default().check("tanggal.hari", text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.text(text), "Kamis (23/1)");
    assert!(d[0].message.contains("hari Selasa"), "{}", d[0].message);
    assert!(d[0].message.contains("22/1/2024"), "{}", d[0].message);
    let good = "Rapat pertama digelar Senin (22/1/2024). Rapat kedua digelar Selasa (23/1).";
    assert!(spans("tanggal.hari", good).is_empty());
}

#[test]
fn flags_weekday_against_front_matter_date() {
    // 6 October 2025 is a Monday.
    let run = Run {
        format: Format::Markdown,
        ..Run::default()
    };
    let bad = "---\ndate: 2025-10-07\n---\n\nSidang digelar Selasa (6/10) di Jakarta.\n";
    let d = run.check("tanggal.hari", bad);
    assert_eq!(d.len(), 1);
    assert!(
        d[0].message.contains("tanggal terbit 2025-10-07"),
        "{}",
        d[0].message
    );
    let good = "---\ndate: 2025-10-07\n---\n\nSidang digelar Senin (6/10) di Jakarta.\n";
    assert!(run.check("tanggal.hari", good).is_empty());
}

#[test]
fn flags_weekday_against_reference_date_and_config_year() {
    let text = "Sidang digelar Selasa (6/10) di Jakarta.";
    let run = Run {
        reference: Some(ymd(2025, 10, 8)),
        ..Run::default()
    };
    assert_eq!(run.spans("tanggal.hari", text), ["Selasa (6/10)"]);
    // From config, `[dates] reference` and `[dates] year`.
    let run = Run::dates(DatesConfig {
        year: Some(2025),
        ..DatesConfig::default()
    });
    let d = run.check("tanggal.hari", text);
    assert!(d[0].message.contains("[dates] year"), "{}", d[0].message);
    // In 2026, 6 October is a Tuesday.
    let run = Run {
        reference: Some(ymd(2026, 10, 1)),
        ..Run::default()
    };
    assert!(run.spans("tanggal.hari", text).is_empty());
}

#[test]
fn reference_date_across_new_year() {
    // Published 2 January 2025: `Selasa (31/12)` is 31 December 2024, a Tuesday.
    let run = Run {
        reference: Some(ymd(2025, 1, 2)),
        ..Run::default()
    };
    assert!(
        run.spans("tanggal.hari", "Pesta digelar Selasa (31/12) malam.")
            .is_empty()
    );
}

#[test]
fn allows_pairs_that_agree_in_a_recent_year_without_any_year() {
    // Sunday 21 and Thursday 18 January agree in 2024.
    let text = "Laporan itu terbit pada Minggu (21/01). Ia bertemu pejabat itu hari Kamis (18/01).";
    assert!(spans("tanggal.hari", text).is_empty());
    // A lone pair always fits some year.
    assert!(spans("tanggal.hari", "Laporan itu terbit pada Rabu (21/01).").is_empty());
}

#[test]
fn flags_pairs_no_year_can_reconcile() {
    // 21 and 22 January cannot both be Sundays.
    let text = "Laporan itu terbit pada Minggu (21/01). Polisi datang Minggu (22/01).";
    let d = Run::default().check("tanggal.hari", text);
    assert!(!d.is_empty());
    assert!(
        d[0].message.contains("tidak ada satu tahun yang cocok"),
        "{}",
        d[0].message
    );
}

// --- tanggal.nama --------------------------------------------------------------------

#[test]
fn flags_misspelt_names() {
    let run = Run::default();
    assert_eq!(
        run.fixed(
            "tanggal.nama",
            "Salat Jum'at dan Jum’at, 3 Januri 2024, 4 Febuari, 5 Pebruari 2024, 10 Nopember 2024, hari Senen, Rabo (24/1), hari Rebo."
        ),
        "Salat Jumat dan Jumat, 3 Januari 2024, 4 Februari, 5 Februari 2024, 10 November 2024, hari Senin, Rabu (24/1), hari Rabu."
    );
    assert_eq!(
        run.fixed("tanggal.nama", "Pada 17 Agsutus 2024 dan 2 SEPTMBER 2024."),
        "Pada 17 Agustus 2024 dan 2 SEPTEMBER 2024."
    );
}

#[test]
fn allows_place_and_institution_names() {
    let text = "Mahasiswa Institut Teknologi Sepuluh Nopember tinggal di Pasar Senen dan Pasar Rebo; harga 21 Jan. 2024 turun.";
    assert!(spans("tanggal.nama", text).is_empty());
}

// --- tanggal.kapital -----------------------------------------------------------------

#[test]
fn flags_lower_case_day_and_month_names() {
    let run = Run::default();
    assert_eq!(
        run.fixed(
            "tanggal.kapital",
            "Ia bicara pada hari minggu. Rapat pada senin (22/1) dan minggu (21/1), sejak 3 januari 2024, bulan mei, hingga desember 2024; salat jumat."
        ),
        "Ia bicara pada hari Minggu. Rapat pada Senin (22/1) dan Minggu (21/1), sejak 3 Januari 2024, bulan Mei, hingga Desember 2024; salat Jumat."
    );
}

#[test]
fn allows_minggu_meaning_week() {
    let text = "Ia datang minggu lalu dan pulang minggu depan. Dua minggu kemudian, beberapa minggu sesudahnya, setiap minggu, tiap minggu, minggu ini, akhir minggu, selama tiga hari minggu lalu, pada minggu ketiga.";
    assert!(spans("tanggal.kapital", text).is_empty());
}

// --- tanggal.format ------------------------------------------------------------------

#[test]
fn flags_the_minority_form_without_a_house_form() {
    let text = "Rapat digelar Senin (6/10) dan Selasa (7/10), lalu ditutup Rabu (08/10).";
    assert_eq!(spans("tanggal.format", text), ["08/10"]);
    assert_eq!(
        Run::default().fixed("tanggal.format", text),
        "Rapat digelar Senin (6/10) dan Selasa (7/10), lalu ditutup Rabu (8/10)."
    );
    // Two-digit days and months fit either form; a tie decides nothing.
    assert!(
        spans(
            "tanggal.format",
            "Minggu (21/01) dan Kamis (18/01), Rabu (24/10)."
        )
        .is_empty()
    );
    assert!(spans("tanggal.format", "Senin (6/10) dan Selasa (07/10).").is_empty());
}

#[test]
fn flags_dates_not_in_the_house_form() {
    let run = Run::dates(DatesConfig {
        format: Some("dd/mm/yyyy".to_owned()),
        ..DatesConfig::default()
    });
    // 6 October 2025 is a Monday, 7 October a Tuesday.
    let text = "Sidang Senin (6/10/2025) dan Selasa (7/10), lalu 22-1-2024.";
    assert_eq!(
        run.fixed("tanggal.format", text),
        "Sidang Senin (06/10/2025) dan Selasa (07/10/2025), lalu 22/01/2024."
    );
    let run = Run::dates(DatesConfig {
        format: Some("d/m".to_owned()),
        year: Some(2025),
        ..DatesConfig::default()
    });
    assert_eq!(
        run.fixed("tanggal.format", "Sidang Senin (06/10/2025)."),
        "Sidang Senin (6/10)."
    );
    // A year other than the article's stays: dropping it would change the date.
    assert_eq!(
        run.fixed("tanggal.format", "Sidang Senin (22/01/2024)."),
        "Sidang Senin (22/1/2024)."
    );
}

// --- waktu.* ---------------------------------------------------------------------------

#[test]
fn flags_mixed_time_separators_with_the_house_fix() {
    let text = "Mulai pukul 10.00 WIB, rehat pukul 12:30 WIB, selesai pukul 15.00 WIB.";
    assert_eq!(
        Run::default().fixed("waktu.pemisah", text),
        "Mulai pukul 10.00 WIB, rehat pukul 12.30 WIB, selesai pukul 15.00 WIB."
    );
    let run = Run::dates(DatesConfig {
        time_separator: Some(":".to_owned()),
        ..DatesConfig::default()
    });
    assert_eq!(
        run.fixed("waktu.pemisah", "Mulai pukul 10.00 WIB."),
        "Mulai pukul 10:00 WIB."
    );
}

#[test]
fn allows_one_separator_per_article() {
    assert!(
        spans(
            "waktu.pemisah",
            "Mulai pukul 10:00 WIB, selesai pukul 12:30."
        )
        .is_empty()
    );
    assert!(spans("waktu.pemisah", "Mulai pukul 10.00 WIB, skor 2:1.").is_empty());
}

#[test]
fn flags_impossible_times() {
    assert_eq!(
        spans(
            "waktu.mustahil",
            "Pukul 25.00 WIB, pukul 10.75, pukul 24.30, jam 10:61 WITA."
        ),
        ["25.00", "10.75", "24.30", "10:61"]
    );
    assert!(
        spans(
            "waktu.mustahil",
            "Pukul 24.00, pukul 00.15 WIB, harga 1.250."
        )
        .is_empty()
    );
}

#[test]
fn flags_zone_case_and_dateline_conflict() {
    assert_eq!(
        Run::default().fixed("waktu.zona", "Mulai pukul 10.00 wib dan 11.00 Wita."),
        "Mulai pukul 10.00 WIB dan 11.00 WITA."
    );
    let text = "JAKARTA, Sunting.id – Rapat kabinet dimulai pukul 10.00 WIT di Istana.";
    let d = Run::default().check("waktu.zona", text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].span.text(text), "WIT");
    assert!(d[0].message.contains("JAKARTA"), "{}", d[0].message);
    assert_eq!(d[0].fixes[0].replacement, "WIB");
    assert!(!d[0].fix_safe);
}

#[test]
fn allows_zones_explained_by_the_article() {
    for text in [
        "JAKARTA, Sunting.id – Gempa mengguncang Jayapura pukul 10.00 WIT.",
        "JAKARTA, Sunting.id – Siaran dimulai pukul 10.00 WIT atau 08.00 WIB.",
        "DENPASAR, Sunting.id – Upacara dimulai pukul 10.00 WITA.",
        "Pyongyang, Purna Warta – Rapat dimulai pukul 10.00 WIB.",
    ] {
        assert!(spans("waktu.zona", text).is_empty(), "{text}");
    }
}

// --- fixtures ------------------------------------------------------------------------

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/articles")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

const ALL: &[&str] = &[
    "tanggal.mustahil",
    "tanggal.tahun",
    "tanggal.koma",
    "tanggal.hari",
    "tanggal.nama",
    "tanggal.kapital",
    "tanggal.format",
    "waktu.pemisah",
    "waktu.mustahil",
    "waktu.zona",
];

#[test]
fn clean_fixture_is_quiet() {
    let text = fixture("tanggal_clean.md");
    let run = Run {
        format: Format::Markdown,
        ..Run::default()
    };
    for id in ALL {
        let found = run.spans(id, &text);
        assert!(found.is_empty(), "{id}: {found:?}");
    }
}

#[test]
fn slips_fixture_reports_each_planted_slip() {
    let text = fixture("tanggal_slip.md");
    let run = Run {
        format: Format::Markdown,
        ..Run::default()
    };
    let mut found: Vec<(String, String)> = Vec::new();
    for id in ALL {
        for s in run.spans(id, &text) {
            found.push(((*id).to_owned(), s.to_owned()));
        }
    }
    let want = [
        ("tanggal.hari", "Kamis (8/10)"),
        ("tanggal.mustahil", "31/9/2025"),
        ("tanggal.koma", ","),
        ("tanggal.nama", "Jum'at"),
        ("tanggal.nama", "Agsutus"),
        ("tanggal.kapital", "minggu"),
        ("tanggal.format", "09/10"),
        ("waktu.pemisah", "13:30"),
        ("waktu.zona", "wib"),
        ("tanggal.tahun", "2052"),
    ];
    for (id, s) in want {
        assert!(
            found.iter().any(|(i, t)| i == id && t == s),
            "missing {id} at {s:?}; found {found:?}"
        );
    }
    assert_eq!(found.len(), want.len(), "{found:?}");
}

#[test]
fn a_full_date_with_a_wrong_day_anchors_nothing() {
    // `Senin (6/10/2026)` is itself wrong (a Tuesday); the other pairs agree in 2025.
    let text = "Tersangka diamankan Senin (6/10/2026). Korban meninggal Senin (6/10). Kebakaran terjadi Minggu (5/10) dan Kamis (9/10).";
    assert_eq!(spans("tanggal.hari", text), ["Senin (6/10/2026)"]);
}

#[test]
fn flags_a_comma_as_time_separator_always() {
    assert_eq!(
        Run::default().fixed("waktu.pemisah", "Rapat dimulai pukul 10,30 WIB."),
        "Rapat dimulai pukul 10.30 WIB."
    );
    assert!(
        spans(
            "waktu.pemisah",
            "Inflasi 10,30 persen dan harga naik 1,5 kali."
        )
        .is_empty()
    );
}

#[test]
fn zone_conflict_offers_the_dateline_zone_as_an_unsafe_fix() {
    // WIB elsewhere in the article is no conversion: only the same sentence counts.
    let text = "JAKARTA, Sunting.id – Pembukaan dimulai pukul 19.00 WITA di Kota Tua. Bazar buka pukul 10.00 WIB.";
    let d = Run::default().check("waktu.zona", text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].apply_to(text).matches("WIB").count(), 2);
    assert!(!d[0].fix_safe);
}

#[test]
fn flags_weekday_dates_long_before_the_article_with_a_fix_when_the_day_fits() {
    // 31 October was a Thursday in both 2002 and 2024.
    let run = Run {
        reference: Some(ymd(2024, 10, 14)),
        ..Run::default()
    };
    assert_eq!(
        run.fixed("tanggal.tahun", "Pemenang diumumkan Kamis (31/10/2002)."),
        "Pemenang diumumkan Kamis (31/10/2024)."
    );
    // Recent years back are recaps, not slips.
    assert!(
        run.spans("tanggal.tahun", "Rapat digelar Senin (17/1/2022).")
            .is_empty()
    );
}

#[test]
fn nopember_outside_the_its_name() {
    let run = Run::default();
    assert_eq!(
        run.fixed(
            "tanggal.nama",
            "Laporan diserahkan awal Nopember di ITS Sepuluh Nopember."
        ),
        "Laporan diserahkan awal November di ITS Sepuluh Nopember."
    );
}

mod props {
    use proptest::prelude::*;

    use super::{ALL, Run, ymd};
    use crate::config::DatesConfig;
    use crate::document::Format;

    fn date_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("Senin".to_owned()),
            Just("minggu".to_owned()),
            Just("Jum'at".to_owned()),
            Just("Rabo".to_owned()),
            Just("hari".to_owned()),
            Just("pukul".to_owned()),
            Just("jam".to_owned()),
            Just("WIB".to_owned()),
            Just("wit".to_owned()),
            Just("Januari".to_owned()),
            Just("Febuari".to_owned()),
            Just("Agt.".to_owned()),
            Just("(".to_owned()),
            Just(")".to_owned()),
            Just(",".to_owned()),
            Just("-".to_owned()),
            Just("–".to_owned()),
            Just(":".to_owned()),
            Just("JAKARTA, Sunting.id –".to_owned()),
            Just("\n".to_owned()),
            Just("é".to_owned()),
            "[0-9]{1,4}",
            "[0-9]{1,3}[./:,-][0-9]{1,3}([./-][0-9]{1,5})?",
            "[0-9]{1,2}-[0-9]{1,2} [A-Za-z]{3,9}( [0-9]{4})?",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_and_spans_hold(text in date_like(), year in any::<i32>()) {
            let runs = [
                Run::default(),
                Run { reference: Some(ymd(2025, 1, 1)), format: Format::Markdown, ..Run::default() },
                Run::dates(DatesConfig {
                    year: Some(year),
                    format: Some("dd/mm/yyyy".to_owned()),
                    time_separator: Some(":".to_owned()),
                    ..DatesConfig::default()
                }),
            ];
            for run in &runs {
                for id in ALL {
                    for d in run.check(id, &text) {
                        prop_assert!(d.span.end <= text.len());
                        prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                        for f in &d.fixes {
                            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn flags_a_year_glued_to_the_month() {
    assert_eq!(
        Run::default().fixed(
            "tanggal.mustahil",
            "Rapat digelar Sabtu (18/102025) di Jakarta."
        ),
        "Rapat digelar Sabtu (18/10/2025) di Jakarta."
    );
}

//! `clitic`: small words that EYD V writes apart or joined depending on their role —
//! the prepositions and prefixes `di`/`ke`, and the particles `pun`, `-lah`, `-kah`.

use serde::Deserialize;

use super::morph::me_form;
use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::document::normalize::{Case, key};
use crate::document::{Document, TokenKind};
use crate::hash::WordSet;
use crate::span::Span;

/// Which convention the rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Which {
    /// `di`/`ke`: preposition apart, prefix joined.
    DiKe,
    /// `pun` apart except in a fixed list; `-lah`, `-kah` joined.
    Particles,
}

/// ## What it does
/// With `check = "di-ke"` (EYD V, Kata Depan; Imbuhan):
/// - a preposition written joined to a word of `places` (`disana`, `dimana`, `kesana`,
///   `diantara`, `dirumah`) is split (`di sana`) unless the dictionary knows the joined
///   word (`dibawahi`); other words are left alone, since the dictionary lacks many
///   verbs (`dicek`) and ke-an nouns (`keberlanjutan`);
/// - the prefix `di-` written apart from a verb (`di tulis`, `di lakukan`) is joined when
///   the dictionary knows both the joined word and the root's meN- form, and the root is
///   not in `places` (`di balik`, `di tengah` stay quiet), does not end in a noun's `-an`
///   (`di urutan`), is not followed by a number (`di pukul 10.00`), and the context reads
///   as passive: an auxiliary or `yang` before it, or punctuation or a word like `oleh`
///   after it (so `di telepon genggam` stays quiet);
/// - `ke` + a number word used as an ordinal (`yang ke tiga`, `ke tiga kalinya`,
///   `ke tiga.`) is joined (`ketiga`); `ke dua negara` ('to two countries') stays.
///
/// With `check = "particles"` (EYD V, Partikel):
/// - `pun` written joined outside `pun-joined` (`apapun`, `siapapun`) is split when the
///   dictionary does not know the joined word but knows the rest;
/// - a word of `pun-joined` written apart (`meski pun`) is joined (`ada pun` only at the
///   start of a sentence; `sekali pun` is left alone, it can mean 'even once');
/// - `-lah` and `-kah` written apart (`ambil lah`) are joined when the dictionary knows
///   the joined word.
///
/// ## Parameters
/// - `check`: `di-ke` or `particles`.
/// - `places` (di-ke): place and position words after `di`/`ke`.
/// - `numbers` (di-ke): number words that make ordinals with `ke-`.
/// - `pun-joined` (particles): words written with `pun` joined.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    check: Which,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    numbers: Vec<String>,
    #[serde(default)]
    pun_joined: Vec<String>,
}

/// The compiled `clitic` kind.
#[derive(Debug)]
pub struct Clitic {
    which: Which,
    places: WordSet,
    numbers: WordSet,
    pun_joined: WordSet,
}

impl RuleKind for Clitic {
    const NAME: &'static str = "clitic";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        let set = |v: &[String]| v.iter().map(|s| key(s.trim())).collect::<WordSet>();
        match params.check {
            Which::DiKe if params.places.is_empty() => {
                return Err(KindError::at(
                    "places",
                    "`check = \"di-ke\"` needs `places`",
                ));
            }
            Which::Particles if params.pun_joined.is_empty() => {
                return Err(KindError::at(
                    "pun-joined",
                    "`check = \"particles\"` needs `pun-joined`",
                ));
            }
            _ => {}
        }
        Ok(Self {
            which: params.check,
            places: set(&params.places),
            numbers: set(&params.numbers),
            pun_joined: set(&params.pun_joined),
        })
    }
}

/// Lower case, or capitalised because it starts a sentence.
fn plain_case(doc: &Document<'_>, i: usize) -> bool {
    match doc.case(i) {
        Case::Lower => true,
        Case::Title => doc.is_sentence_initial(i),
        _ => false,
    }
}

/// Does the dictionary know a verb built on `root` (`menulis`, `menuliskan`, `menulisi`)?
fn is_verb_root(root: &str, ctx: &Context<'_>) -> bool {
    let Some(me) = me_form(root) else {
        return false;
    };
    ctx.lexicon.knows(&me)
        || ctx.lexicon.knows(&format!("{me}kan"))
        || ctx.lexicon.knows(&format!("{me}i"))
}

/// `di pukul 10.00`: a number after the word makes `di` a preposition.
fn followed_by_number(doc: &Document<'_>, i: usize) -> bool {
    doc.tokens
        .get(i + 1)
        .is_some_and(|t| matches!(t.kind, TokenKind::Number | TokenKind::DateLike))
}

/// Words that come before a passive verb (`harus ditulis`, `yang dilakukan`).
const BEFORE_PASSIVE: &[&str] = &[
    "yang", "akan", "sudah", "telah", "harus", "bisa", "dapat", "perlu", "sedang", "belum",
    "tidak", "tak", "untuk", "agar", "supaya", "segera", "mesti", "ingin", "masih", "baru",
    "pernah", "sulit", "mudah", "wajib", "boleh", "mau", "sempat", "lalu", "kemudian", "langsung",
    "juga", "pun", "sering", "jarang", "kembali", "lantas", "terus", "mulai", "dan", "atau",
    "serta", "itu", "ini", "tersebut",
];
/// Words that follow a passive verb (`ditulis oleh`, `dibuang di`).
const AFTER_PASSIVE: &[&str] = &[
    "oleh", "dengan", "ke", "di", "dari", "untuk", "pada", "secara", "dan", "atau", "lagi",
    "kembali", "lantaran", "karena", "sebagai", "agar", "supaya", "menjadi", "bersama",
];

/// `di X` reads as a passive verb, not as a preposition with a noun (`di telepon
/// genggam`): an auxiliary or `yang` before it, or punctuation, the end, or a function
/// word such as `oleh` after it.
fn passive_context(doc: &Document<'_>, di: usize, x: usize) -> bool {
    let before =
        di > 0 && doc.tokens[di - 1].is_word() && BEFORE_PASSIVE.contains(&doc.key(di - 1));
    let after = match doc.tokens.get(x + 1) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => true,
        Some(t) if t.is_word() => AFTER_PASSIVE.contains(&doc.key(x + 1)),
        Some(_) => false,
    };
    before || after
}

/// The next word after token `i` on the same line, if the gap is only spaces.
fn next_word(doc: &Document<'_>, i: usize) -> Option<usize> {
    let n = i + 1;
    (n < doc.tokens.len() && doc.tokens[n].is_word() && doc.spaced_from_previous(n)).then_some(n)
}

impl Clitic {
    fn check_di_ke(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        // Past the end of the last pair reported.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next || !plain_case(doc, i) {
                continue;
            }
            let x = doc.token_text(i);
            let xk = doc.key(i);
            // Written apart: `di tulis`, `ke tiga`.
            if (xk == "di" || xk == "ke") && doc.is_ascii_letters(i) {
                if let Some(n) = next_word(doc, i) {
                    let y = doc.token_text(n);
                    let yk = doc.key(n);
                    if doc.case(n) == Case::Lower
                        && doc.is_ascii_letters(n)
                        && !self.places.contains(yk)
                    {
                        let joined = format!("{xk}{yk}");
                        let hit = if xk == "di" {
                            yk.len() >= 3
                                // `di urutan`, `di jaringan`: nouns in -an are places.
                                // (`di kontrakan` too: kontrak + -an).
                                && (!yk.ends_with("an")
                                    || (yk.ends_with("kan") && !yk.ends_with("kkan")))
                                && !followed_by_number(doc, n)
                                && passive_context(doc, i, n)
                                && ctx.lexicon.knows(&joined)
                                && is_verb_root(yk, ctx)
                        } else {
                            self.numbers.contains(yk) && self.is_ordinal(doc, i, n)
                        };
                        if hit {
                            let span = Span::new(toks[i].span.start, toks[n].span.end);
                            let expected = format!("{x}{y}");
                            let d = out.replace(span, span.text(doc.text), &expected);
                            d.help = Some(if xk == "di" {
                                HELP_PREFIX.to_owned()
                            } else {
                                HELP_ORDINAL.to_owned()
                            });
                            next = n + 1;
                            continue;
                        }
                    }
                }
            }
            // Written joined: `disana`, `dirumah`, `kesana`. Only words of `places`: a
            // generic "di + known noun" test misreads verbs the dictionary lacks
            // (`dicek`, `dieksekusi`) and ke-an nouns (`keberlanjutan`).
            if doc.is_ascii_letters(i)
                && (xk.starts_with("di") || xk.starts_with("ke"))
                && xk.len() >= 5
            {
                let rest = &xk[2..];
                if self.places.contains(rest) && !ctx.lexicon.knows(xk) {
                    let expected = format!("{} {}", &x[..2], &x[2..]);
                    let d = out.replace(toks[i].span, x, &expected);
                    d.help = Some(HELP_PREPOSITION.to_owned());
                }
            }
        }
    }

    /// `ke tiga` is an ordinal when a word like `yang`/`hari` comes before it, or when
    /// the number ends the phrase (`ke tiga.`) or is followed by `kali`/`kalinya`.
    fn is_ordinal(&self, doc: &Document<'_>, ke: usize, num: usize) -> bool {
        const BEFORE: &[&str] = &[
            "yang",
            "hari",
            "pekan",
            "tahun",
            "babak",
            "urutan",
            "peringkat",
            "posisi",
            "edisi",
            "putaran",
            "kali",
            "anak",
            "juara",
            "abad",
            "gelombang",
            "tahap",
            "sesi",
            "laga",
        ];
        const AFTER: &[&str] = &["kali", "kalinya", "terbesar", "tertinggi", "terbanyak"];
        let before = ke > 0
            && doc.tokens[ke - 1].is_word()
            && doc.spaced_from_previous(ke)
            && BEFORE.contains(&doc.key(ke - 1));
        let after = match doc.tokens.get(num + 1) {
            None => true,
            Some(t) if t.kind == TokenKind::Punct => {
                matches!(t.span.text(doc.text), "." | "," | ";" | "!" | "?" | ")")
            }
            Some(t) if t.is_word() => AFTER.contains(&doc.key(num + 1)),
            Some(_) => false,
        };
        before || after
    }

    fn check_particles(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let toks = &doc.tokens;
        // Past the end of the last pair reported.
        let mut next = 0;
        for i in ctx.candidates(doc) {
            if i < next || !plain_case(doc, i) {
                continue;
            }
            let x = doc.token_text(i);
            let xk = doc.key(i);
            if !doc.is_ascii_letters(i) {
                continue;
            }
            if let Some(n) =
                next_word(doc, i).filter(|&n| matches!(doc.key(n), "pun" | "lah" | "kah"))
            {
                let y = doc.token_text(n);
                let yk = doc.key(n);
                let joined = format!("{xk}{yk}");
                let hit = match yk {
                    "pun" if y == "pun" => {
                        self.pun_joined.contains(&joined)
                            && xk != "sekali"
                            && (xk != "ada" || doc.is_sentence_initial(i))
                    }
                    "lah" | "kah" if y == yk => {
                        xk.len() >= 2
                            && !self.pun_joined.contains(xk)
                            && ctx.lexicon.knows(xk)
                            && ctx.lexicon.knows(&joined)
                    }
                    _ => false,
                };
                if hit {
                    let span = Span::new(toks[i].span.start, toks[n].span.end);
                    let expected = format!("{x}{y}");
                    let d = out.replace(span, span.text(doc.text), &expected);
                    d.help = Some(HELP_JOINED.to_owned());
                    next = n + 1;
                    continue;
                }
            }
            if let Some(stem) = xk.strip_suffix("pun") {
                if stem.len() >= 2
                    && !self.pun_joined.contains(xk)
                    && !ctx.lexicon.knows(xk)
                    && !ctx.lexicon.knows(x)
                    && ctx.lexicon.knows(stem)
                {
                    let cut = x.len() - 3;
                    let expected = format!("{} {}", &x[..cut], &x[cut..]);
                    let d = out.replace(toks[i].span, x, &expected);
                    d.help = Some(HELP_PUN.to_owned());
                }
            }
        }
    }
}

impl Check for Clitic {
    fn is_gated(&self) -> bool {
        true
    }

    fn gate(&self, key: &str, ctx: &Context<'_>) -> Gate {
        match self.which {
            // `di`/`ke` themselves, and a joined `di`/`ke` + place.
            Which::DiKe => {
                let joined = key.len() >= 5
                    && (key.starts_with("di") || key.starts_with("ke"))
                    && key.is_char_boundary(2)
                    && self.places.contains(&key[2..]);
                if key == "di" || key == "ke" || joined {
                    Gate::THIS
                } else {
                    Gate::NONE
                }
            }
            // A particle calls on the word before it; a joined `pun` on its own word.
            Which::Particles => {
                let particle = if matches!(key, "pun" | "lah" | "kah") {
                    Gate::PREV
                } else {
                    Gate::NONE
                };
                let joined_pun = key.strip_suffix("pun").is_some_and(|stem| {
                    stem.len() >= 2
                        && !self.pun_joined.contains(key)
                        && !ctx.lexicon.knows(key)
                        && ctx.lexicon.knows(stem)
                });
                if joined_pun {
                    particle | Gate::THIS
                } else {
                    particle
                }
            }
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        match self.which {
            Which::DiKe => self.check_di_ke(doc, ctx, out),
            Which::Particles => self.check_particles(doc, ctx, out),
        }
    }
}

const HELP_PREPOSITION: &str =
    "Kata depan `di` dan `ke` ditulis terpisah dari kata yang mengikutinya (EYD V, Kata Depan).";
const HELP_PREFIX: &str = "Awalan `di-` ditulis serangkai dengan kata dasarnya (EYD V, Imbuhan).";
const HELP_ORDINAL: &str =
    "Bilangan tingkat dengan `ke-` ditulis serangkai bila memakai huruf (EYD V, Bilangan).";
const HELP_PUN: &str = "Partikel `pun` ditulis terpisah, kecuali pada kata penghubung yang sudah padu seperti `meskipun` dan `walaupun` (EYD V, Partikel).";
const HELP_JOINED: &str = "Partikel `-lah`, `-kah` dan kata penghubung seperti `meskipun` ditulis serangkai (EYD V, Partikel).";

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const DI_KE: &str = r#"check = "di-ke"
places = ["sana", "sini", "mana", "atas", "antara", "tengah", "depan", "balik", "sela", "rumah"]
numbers = ["dua", "tiga", "empat"]
"#;
    const PARTICLES: &str = r#"check = "particles"
pun-joined = ["adapun", "ataupun", "bagaimanapun", "meskipun", "walaupun", "sekalipun", "maupun"]
"#;

    #[test]
    fn flags_prepositions_written_joined() {
        let l = linter("clitic", DI_KE);
        assert_eq!(
            fixed(
                &l,
                "Ia tinggal disana, dimana ada pasar, lalu pergi kesana."
            ),
            "Ia tinggal di sana, di mana ada pasar, lalu pergi ke sana."
        );
        assert_eq!(
            fixed(&l, "Dimana dia? Uang diantara buku dirumah."),
            "Di mana dia? Uang di antara buku di rumah."
        );
    }

    #[test]
    fn flags_prefix_written_apart() {
        let l = linter("clitic", DI_KE);
        assert_eq!(
            fixed(&l, "Surat itu di tulis dan di lakukan oleh dia."),
            "Surat itu ditulis dan dilakukan oleh dia."
        );
        assert_eq!(
            fixed(
                &l,
                "Ia juara yang ke tiga dan datang untuk ke tiga kalinya."
            ),
            "Ia juara yang ketiga dan datang untuk ketiga kalinya."
        );
    }

    #[test]
    fn allows_correct_di_and_ke() {
        let l = linter("clitic", DI_KE);
        let text = "Di tengah kota, di antara gedung, di atas meja dan di depan rumah, di balik layar. \
                    Surat ditulis kepada dia; ia keluar dan kemari. Kedua negara dan ketiga. \
                    Ia terbang ke dua negara. Dia dinas di Jakarta. Direktur datang. \
                    Keberlanjutan program dicek dan dieksekusi di urutan ketiga di pukul 10.00. \
                    Ia memakai aplikasi di telepon genggam.";
        let found = run(&l, text);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn flags_pun_joined_and_particles_apart() {
        let l = linter("clitic", PARTICLES);
        assert_eq!(
            fixed(&l, "Apapun dan siapapun boleh, meski pun hujan."),
            "Apa pun dan siapa pun boleh, meskipun hujan."
        );
        assert_eq!(
            fixed(&l, "Ambil lah buku itu. Apa kah benar?"),
            "Ambillah buku itu. Apakah benar?"
        );
    }

    #[test]
    fn allows_fixed_pun_words_and_lone_lah() {
        let l = linter("clitic", PARTICLES);
        let text = "Meskipun hujan, walaupun dingin, bagaimanapun juga. Ia pun pergi. \
                    Ampun, rumpun bambu. Sekali pun tidak. “Lah, kok gitu?”";
        let found = run(&l, text);
        assert!(found.is_empty(), "{found:?}");
    }
}

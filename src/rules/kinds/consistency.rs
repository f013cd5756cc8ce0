//! `consistency`: one article writing the same word two ways (`e-mail` and `email`).

use serde::Deserialize;

use super::{BuildEnv, Check, Context, Gate, KindError, Reporter, RuleKind};
use crate::diagnostic::Label;
use crate::document::Document;
use crate::document::normalize::{Case, capitalize, case_of, key, match_case};
use crate::hash::{HashMap, WordMap};
use crate::span::Span;

/// ## What it does
/// Finds words or phrases written in more than one way in the same article and reports
/// the less frequent way, with the article's own majority form as the fix:
/// - `groups`: lists of equal-status variants (`["e-mail", "email"]`); the majority wins,
///   a tie goes to the form listed first;
/// - `standard`: lists whose first form is the standard one (`["Alquran", "Al-Quran",
///   "Al Quran"]`); when the standard form occurs it wins, otherwise the majority does;
/// - `auto-hyphen = true`: also pairs an `x-y` with `xy` found in the same article when
///   `x` is one letter (`e-KTP`/`eKTP`), the word has a capital (`Al-Azhar`/`Alazhar`) or
///   `y` is a clitic (`lab-nya`/`labnya`); reduplications (`anak-anak`) and lower-case
///   bound forms (`non-blok`, owned by `compound`) are left out.
///
/// Matching ignores case; the fix keeps the capitalisation of the reported word. Give
/// the rule `defer = true` so that a place another rule already reports (a compound
/// written joined) is reported once.
///
/// ## Parameters
/// - `groups`, `standard`: lists of forms (words or phrases).
/// - `auto-hyphen` (default false).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Params {
    #[serde(default)]
    groups: Vec<Vec<String>>,
    #[serde(default)]
    standard: Vec<Vec<String>>,
    #[serde(default)]
    auto_hyphen: bool,
}

#[derive(Debug)]
struct Group {
    /// Each form as written in the pack, and as lower-case words.
    forms: Vec<(String, Vec<String>)>,
    standard_first: bool,
}

/// The compiled `consistency` kind.
#[derive(Debug)]
pub struct Consistency {
    groups: Vec<Group>,
    /// First word key -> (group, form) candidates.
    index: WordMap<Vec<(usize, usize)>>,
    auto_hyphen: bool,
}

impl RuleKind for Consistency {
    const NAME: &'static str = "consistency";
    type Params = Params;

    fn build(params: Params, _env: &BuildEnv<'_>) -> Result<Self, KindError> {
        if params.groups.is_empty() && params.standard.is_empty() && !params.auto_hyphen {
            return Err(KindError::at(
                "groups",
                "a `consistency` rule needs `groups`, `standard` or `auto-hyphen = true`",
            ));
        }
        let mut groups = Vec::new();
        let mut index: WordMap<Vec<(usize, usize)>> = WordMap::default();
        let all = params
            .groups
            .iter()
            .map(|g| (g, false, "groups"))
            .chain(params.standard.iter().map(|g| (g, true, "standard")));
        for (g, standard_first, param) in all {
            if g.len() < 2 {
                return Err(KindError::at(
                    param,
                    format!("each list in `{param}` needs at least two forms"),
                ));
            }
            let gi = groups.len();
            let mut forms = Vec::new();
            for (fi, f) in g.iter().enumerate() {
                let words: Vec<String> = key(f).split_whitespace().map(str::to_owned).collect();
                if words.is_empty() {
                    return Err(KindError::at(param, format!("an empty form in `{param}`")));
                }
                index.entry_or_default(words[0].clone()).push((gi, fi));
                forms.push((f.trim().to_owned(), words));
            }
            groups.push(Group {
                forms,
                standard_first,
            });
        }
        Ok(Self {
            groups,
            index,
            auto_hyphen: params.auto_hyphen,
        })
    }
}

/// One occurrence of one form.
#[derive(Debug, Clone, Copy)]
struct Hit {
    form: usize,
    span: Span,
}

/// The form every occurrence should take: `None` when the article uses only one form.
fn target(counts: &[usize], standard_first: bool) -> Option<usize> {
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return None;
    }
    if standard_first && counts[0] > 0 {
        return Some(0);
    }
    // Highest count; `max_by_key` keeps the last maximum, so walk in reverse to keep the
    // first listed form on a tie.
    (0..counts.len()).rev().max_by_key(|&f| counts[f])
}

impl Consistency {
    fn group_hits(&self, doc: &Document<'_>, ctx: &Context<'_>) -> Vec<Vec<Hit>> {
        let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); self.groups.len()];
        let toks = &doc.tokens;
        for i in ctx.candidates(doc) {
            let Some(cands) = self.index.get(doc.key(i)) else {
                continue;
            };
            // Longest form first, so `Al Quran` is not also counted as `Al`.
            let mut best: Option<(usize, usize, usize)> = None;
            for &(gi, fi) in cands {
                let words = &self.groups[gi].forms[fi].1;
                let mut j = i;
                let mut ok = true;
                for w in &words[1..] {
                    let n = j + 1;
                    if n >= toks.len()
                        || !toks[n].is_word()
                        || !doc.spaced_from_previous(n)
                        || doc.key(n) != w
                    {
                        ok = false;
                        break;
                    }
                    j = n;
                }
                if ok && best.is_none_or(|(_, _, e)| j > e) {
                    best = Some((gi, fi, j));
                }
            }
            if let Some((gi, fi, end)) = best {
                hits[gi].push(Hit {
                    form: fi,
                    span: Span::new(toks[i].span.start, toks[end].span.end),
                });
            }
        }
        hits
    }

    fn report_group(
        doc: &Document<'_>,
        out: &mut Reporter<'_>,
        hits: &[Hit],
        forms: &[String],
        standard_first: bool,
    ) {
        let mut counts = vec![0usize; forms.len()];
        for h in hits {
            counts[h.form] += 1;
        }
        let Some(t) = target(&counts, standard_first) else {
            return;
        };
        let Some(first_target) = hits.iter().find(|h| h.form == t) else {
            return;
        };
        for h in hits.iter().filter(|h| h.form != t) {
            let actual = h.span.text(doc.text);
            let mut expected = match_case(actual, &forms[t]);
            // `Tak-Benda` -> `Takbenda`: a capitalised word keeps its capital.
            if actual.starts_with(char::is_uppercase) && expected.starts_with(char::is_lowercase) {
                expected = capitalize(&expected);
            }
            if expected == actual {
                continue;
            }
            let n = counts[t].to_string();
            let d = out.report(
                h.span,
                &[("actual", actual), ("expected", &expected), ("count", &n)],
            );
            d.fixes
                .push(crate::diagnostic::Fix::new(h.span, expected.clone()));
            d.labels.push(Label {
                span: first_target.span,
                message: format!("di sini ditulis '{}'", first_target.span.text(doc.text)),
            });
        }
    }

    /// `x-y` and `xy` in the same article.
    fn auto_hyphen(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let mut hyphened: HashMap<String, Vec<Span>> = HashMap::default();
        for i in ctx.candidates(doc) {
            // Most words are letters alone, with no hyphen to look for.
            if doc.is_ascii_letters(i) {
                continue;
            }
            let w = doc.token_text(i);
            let Some((x, y)) = w.split_once('-') else {
                continue;
            };
            if y.contains('-')
                || !x.chars().all(char::is_alphabetic)
                || !y.chars().all(char::is_alphabetic)
                || x.is_empty()
                || y.is_empty()
            {
                continue;
            }
            let (xk, yk) = (key(x), key(y));
            // Words the explicit lists cover are theirs.
            if self.index.contains_key(&key(w)) || self.index.contains_key(&format!("{xk}{yk}")) {
                continue;
            }
            // Reduplication (`anak-anak`, `sekutu-sekutunya`, `bolak-balik` is left too).
            if yk.starts_with(&xk) || xk.starts_with(&yk) {
                continue;
            }
            // Only a one-letter prefix (`e-KTP`), a capital (`Al-Quran`) or a clitic
            // (`KTP-nya`): a lower-case `non-blok` is the `compound` rule's, which knows
            // the joined form is standard.
            let capital = w.chars().any(char::is_uppercase);
            let clitic = matches!(yk.as_str(), "nya" | "ku" | "mu");
            if !(x.chars().count() == 1 || capital || clitic) {
                continue;
            }
            hyphened
                .entry(format!("{xk}{yk}"))
                .or_default()
                .push(doc.tokens[i].span);
        }
        if hyphened.is_empty() {
            return;
        }
        // The joined forms are any words: every word, not the candidates.
        let mut joined: HashMap<String, Vec<Span>> = HashMap::default();
        for i in doc.words() {
            let k = doc.key(i);
            if hyphened.contains_key(k) {
                joined
                    .entry(k.to_owned())
                    .or_default()
                    .push(doc.tokens[i].span);
            }
        }
        let mut keys: Vec<&String> = joined.keys().collect();
        keys.sort();
        for k in keys {
            let (hy, jo) = (&hyphened[k], &joined[k]);
            let mut hits: Vec<Hit> = hy
                .iter()
                .map(|&span| Hit { form: 0, span })
                .chain(jo.iter().map(|&span| Hit { form: 1, span }))
                .collect();
            hits.sort_by_key(|h| h.span.start);
            // The form met first is listed first, so it wins a tie.
            let first_form = hits[0].form;
            let as_written = |spans: &[Span]| {
                let t = spans[0].text(doc.text);
                match case_of(t) {
                    Case::Lower | Case::Title => key(t),
                    _ => t.to_owned(),
                }
            };
            let mut forms = vec![as_written(hy), as_written(jo)];
            if first_form == 1 {
                forms.swap(0, 1);
                for h in &mut hits {
                    h.form = 1 - h.form;
                }
            }
            Self::report_group(doc, out, &hits, &forms, false);
        }
    }
}

impl Check for Consistency {
    fn is_gated(&self) -> bool {
        true
    }

    /// A listed form's first word, or a hyphenated word (for `auto-hyphen`).
    fn gate(&self, key: &str, _ctx: &Context<'_>) -> Gate {
        if self.index.contains_key(key) || (self.auto_hyphen && key.contains('-')) {
            Gate::THIS
        } else {
            Gate::NONE
        }
    }

    fn check(&self, doc: &Document<'_>, ctx: &Context<'_>, out: &mut Reporter<'_>) {
        let hits = self.group_hits(doc, ctx);
        for (g, h) in self.groups.iter().zip(&hits) {
            // Two forms need two hits at least.
            if h.len() < 2 {
                continue;
            }
            let forms: Vec<String> = g.forms.iter().map(|(f, _)| f.clone()).collect();
            Self::report_group(doc, out, h, &forms, g.standard_first);
        }
        if self.auto_hyphen {
            self.auto_hyphen(doc, ctx, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::kinds::testing::{fixed, linter, run};

    const PARAMS: &str = r#"groups = [["e-mail", "email"]]
standard = [["Alquran", "Al-Quran", "Al Quran"], ["berterima kasih", "berterimakasih"]]
auto-hyphen = true
"#;

    #[test]
    fn flags_the_minority_form() {
        let l = linter("consistency", PARAMS);
        assert_eq!(
            fixed(&l, "Kirim email. Email itu dibaca. Lalu e-mail lagi."),
            "Kirim email. Email itu dibaca. Lalu email lagi."
        );
        // A tie goes to the form listed first.
        assert_eq!(
            fixed(&l, "Kirim email lalu e-mail."),
            "Kirim e-mail lalu e-mail."
        );
    }

    #[test]
    fn standard_form_wins_when_present() {
        let l = linter("consistency", PARAMS);
        assert_eq!(
            fixed(&l, "Al-Quran dibaca. Al-Quran dihafal. Alquran dicetak."),
            "Alquran dibaca. Alquran dihafal. Alquran dicetak."
        );
        assert_eq!(
            fixed(&l, "Al Quran dibaca, Al-Quran dihafal, Al-Quran dicetak."),
            "Al-Quran dibaca, Al-Quran dihafal, Al-Quran dicetak."
        );
        assert_eq!(
            fixed(&l, "Ia berterimakasih. Kami berterima kasih."),
            "Ia berterima kasih. Kami berterima kasih."
        );
    }

    #[test]
    fn pairs_hyphenated_and_joined_forms() {
        let l = linter("consistency", PARAMS);
        assert_eq!(
            fixed(&l, "Warga membawa e-KTP. Tanpa eKTP, ditolak. Ada e-KTP."),
            "Warga membawa e-KTP. Tanpa e-KTP, ditolak. Ada e-KTP."
        );
        assert_eq!(
            fixed(&l, "Warisan takbenda dan takbenda. Warisan Tak-Benda."),
            "Warisan takbenda dan takbenda. Warisan Takbenda."
        );
    }

    #[test]
    fn allows_one_form_and_reduplication() {
        let l = linter("consistency", PARAMS);
        let text = "Kirim email. Email itu dibaca. Anak-anak dan anakanak? Sekutu-sekutunya. \
                    Negara non-blok dan nonblok. \
                    Alquran dibaca. Kami berterima kasih.";
        let found = run(&l, text);
        assert!(found.is_empty(), "{found:?}");
    }
}

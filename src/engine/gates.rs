//! Word gates: most words concern none of the word-list checks, so each gated check says,
//! from a word's key alone, whether a finding may start there (see `Check::gate`). The
//! answers of every gated check are kept together per distinct word, in a table per thread,
//! so a document costs one look-up per word, and each gated check then walks only its
//! candidates instead of every word.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::document::Document;
use crate::hash::HashMap;
use crate::rules::Rule;
use crate::rules::kinds::{Context, Gate};

/// At most this many gated checks share a word's answer (two bits each in a `u64`); any
/// more run ungated.
const MAX_GATED: usize = 32;

/// Distinct words kept per thread before the table starts again (about 20 MB at most).
const MAX_WORDS: usize = 1 << 18;

/// The gated checks of one linter.
#[derive(Debug)]
pub struct Gates {
    /// The rule index behind each slot.
    rules: Vec<usize>,
    /// Tells one linter's cached answers from another's.
    id: u64,
}

/// One thread's answers: the owner's id and the two gate bits of every slot, per word
/// (slot `s`: bit `s` lets the word itself through, bit `32 + s` the word before it).
#[derive(Default)]
struct Answers {
    owner: u64,
    /// Keys of up to seven bytes (most words), packed (`Document::short_key`): a probe
    /// compares two integers instead of following a pointer to compare strings.
    short: HashMap<u64, u64>,
    long: HashMap<Box<str>, u64>,
}

thread_local! {
    static ANSWERS: RefCell<Answers> = RefCell::default();
}

impl Gates {
    /// The enabled rules whose checks are gated.
    pub fn new(rules: &[Rule], enabled: &[bool]) -> Self {
        static NEXT_ID: AtomicU64 = AtomicU64::new(1);
        let rules = (0..rules.len())
            .filter(|&i| enabled[i] && rules[i].check.is_gated())
            .take(MAX_GATED)
            .collect();
        Self {
            rules,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The slot of rule `idx`, when it is gated here.
    pub fn slot(&self, idx: usize) -> Option<usize> {
        self.rules.iter().position(|&r| r == idx)
    }

    /// Each slot's candidate word tokens in `doc`, in order.
    pub fn candidates(
        &self,
        doc: &Document<'_>,
        rules: &[Rule],
        ctx: &Context<'_>,
    ) -> Vec<Vec<u32>> {
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); self.rules.len()];
        if self.rules.is_empty() {
            return lists;
        }
        ANSWERS.with_borrow_mut(|answers| {
            if answers.owner != self.id || answers.short.len() + answers.long.len() >= MAX_WORDS {
                answers.short.clear();
                answers.long.clear();
                answers.owner = self.id;
            }
            for (i, t) in doc.tokens.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                let mask = match doc.short_key(i) {
                    Some(p) => cached(
                        &mut answers.short,
                        &p,
                        || p,
                        || self.answer(doc.key(i), rules, ctx),
                    ),
                    None => {
                        let k = doc.key(i);
                        cached(
                            &mut answers.long,
                            k,
                            || k.into(),
                            || self.answer(k, rules, ctx),
                        )
                    }
                };
                if mask == 0 {
                    continue;
                }
                let mut push = |slots: u64, at: usize| {
                    let mut s = slots;
                    while s != 0 {
                        let list = &mut lists[s.trailing_zeros() as usize];
                        s &= s - 1;
                        #[allow(clippy::cast_possible_truncation)]
                        let at = at as u32;
                        if list.last() != Some(&at) {
                            list.push(at);
                        }
                    }
                };
                // The word before first, so that every list stays in token order.
                if let Some(prev) = previous_word(doc, i) {
                    push(mask >> 32, prev);
                }
                push(mask & u64::from(u32::MAX), i);
            }
        });
        lists
    }

    fn answer(&self, key: &str, rules: &[Rule], ctx: &Context<'_>) -> u64 {
        let mut mask = 0;
        for (slot, &r) in self.rules.iter().enumerate() {
            let g = rules[r].check.gate(key, ctx);
            if g.0 & Gate::THIS.0 != 0 {
                mask |= 1 << slot;
            }
            if g.0 & Gate::PREV.0 != 0 {
                mask |= 1 << (32 + slot);
            }
        }
        mask
    }
}

/// The answer kept for `probe` in `map`, or `answer()` kept under `owned()`: a look-up
/// first, since most words are known and the entry API would cost more.
fn cached<K, Q>(
    map: &mut HashMap<K, u64>,
    probe: &Q,
    owned: impl FnOnce() -> K,
    answer: impl FnOnce() -> u64,
) -> u64
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
{
    if let Some(&m) = map.get(probe) {
        return m;
    }
    let m = answer();
    map.insert(owned(), m);
    m
}

/// The token just before word `i`, when it is a word.
fn previous_word(doc: &Document<'_>, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    doc.tokens[p].is_word().then_some(p)
}

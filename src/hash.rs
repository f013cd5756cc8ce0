//! Hash maps and sets for word lookups. The keys are short words looked up on every token,
//! where the standard library's DoS-resistant SipHash costs more than the rest of a rule;
//! foldhash is several times faster on short strings and still randomly seeded.

/// A `HashMap` with foldhash.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with foldhash.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The `len` (at most eight) bytes of `all` from `start` in one integer, little-endian and
/// zero above them, so that a short word is compared or hashed as a number. One eight-byte
/// load (the bytes and whatever follows, cut off): `None` where fewer than eight remain.
#[inline]
pub(crate) fn load_packed(all: &[u8], start: usize, len: usize) -> Option<u64> {
    debug_assert!(len <= 8, "{len} bytes do not fit");
    let eight: [u8; 8] = all.get(start..start + 8)?.try_into().ok()?;
    let v = u64::from_le_bytes(eight);
    Some(if len >= 8 {
        v
    } else {
        v & ((1 << (8 * len)) - 1)
    })
}

/// A word table for look-ups where most words are absent (a rule's list against every word
/// of an article): a 32,768-bit fingerprint of each key's first, middle and last byte
/// answers most misses without hashing. A few hundred keys set about 2% of the bits.
#[derive(Debug, Clone)]
pub struct WordMap<V> {
    map: HashMap<String, V>,
    bits: Box<[u64]>,
}

const FINGERPRINT_BITS: usize = 1 << 15;

fn fingerprint(w: &str) -> usize {
    let b = w.as_bytes();
    let Some(&last) = b.last() else {
        return 0;
    };
    let (first, mid) = (b[0], b[b.len() / 2]);
    (usize::from(first & 31) << 10) | (usize::from(mid & 31) << 5) | usize::from(last & 31)
}

impl<V> Default for WordMap<V> {
    /// An empty table, allocating nothing until the first key.
    fn default() -> Self {
        Self {
            map: HashMap::default(),
            bits: Box::default(),
        }
    }
}

impl<V> WordMap<V> {
    fn may_hold(&self, w: &str) -> bool {
        let f = fingerprint(w);
        self.bits
            .get(f / 64)
            .is_some_and(|b| b & (1 << (f % 64)) != 0)
    }

    fn mark(&mut self, w: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; FINGERPRINT_BITS / 64].into_boxed_slice();
        }
        let f = fingerprint(w);
        self.bits[f / 64] |= 1 << (f % 64);
    }

    /// The value of `w`.
    #[inline]
    pub fn get(&self, w: &str) -> Option<&V> {
        if self.may_hold(w) {
            self.map.get(w)
        } else {
            None
        }
    }

    /// True when `w` is a key.
    #[inline]
    pub fn contains_key(&self, w: &str) -> bool {
        self.get(w).is_some()
    }

    /// The value of `w`, inserted with `V::default()` if absent.
    pub fn entry_or_default(&mut self, w: String) -> &mut V
    where
        V: Default,
    {
        self.mark(&w);
        self.map.entry(w).or_default()
    }

    /// Set `w` to `v`.
    pub fn insert(&mut self, w: String, v: V) {
        self.mark(&w);
        self.map.insert(w, v);
    }

    /// Every value, to adjust in place.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.map.values_mut()
    }

    /// Every key, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    /// Every key and value, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.map.iter()
    }

    /// How many keys.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when there are no keys.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A [`WordMap`] of keys alone.
pub type WordSet = WordMap<()>;

impl WordSet {
    /// True when `w` is in the set.
    #[inline]
    pub fn contains(&self, w: &str) -> bool {
        self.contains_key(w)
    }

    /// Add `w`.
    pub fn add(&mut self, w: String) {
        self.insert(w, ());
    }
}

impl<S: Into<String>> FromIterator<S> for WordSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut set = Self::default();
        for w in iter {
            set.insert(w.into(), ());
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_map_finds_every_key_and_nothing_else() {
        let words = ["praktek", "resiko", "a", "é", "olah", "jum'at", "nopember"];
        let set: WordSet = words.iter().copied().collect();
        for w in words {
            assert!(set.contains(w), "{w}");
        }
        for w in ["praktik", "", "b", "olahraga", "resik", "Resiko"] {
            assert!(!set.contains(w), "{w}");
        }
        let mut map: WordMap<u8> = WordMap::default();
        *map.entry_or_default("di".to_owned()) |= 2;
        *map.entry_or_default("di".to_owned()) |= 1;
        assert_eq!(map.get("di"), Some(&3));
        assert_eq!(map.len(), 1);
        let empty: WordSet = WordSet::default();
        assert!(!empty.contains("di") && !empty.contains(""));
    }
}

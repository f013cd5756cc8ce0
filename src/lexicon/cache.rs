//! A small concurrent memo table: each distinct word is analysed once per run, then every
//! later occurrence (from any thread) costs one hash and a shared read lock. The table is
//! bounded, so that memory stays flat over an archive of any size: a shard that fills up
//! is emptied and refills with the words still in use.

use std::hash::BuildHasher;
use std::sync::RwLock;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;

/// Shards keep writers (first sightings of a word) from blocking readers on other shards.
const SHARDS: usize = 16;
/// Words held per shard at most: 16 x 8,192 = 131,072 words per table, a few MB, while a
/// year of news copy uses on the order of 100,000 distinct words.
const SHARD_CAPACITY: usize = 8_192;

type Hasher = foldhash::fast::FixedState;
/// A raw table: the word is hashed once, for the shard and the look-up both.
type Shard<V> = RwLock<HashTable<(Box<str>, V)>>;

/// A word -> value table safe to share between threads.
pub(crate) struct Memo<V> {
    shards: Box<[Shard<V>]>,
}

fn hash(key: &str) -> u64 {
    Hasher::default().hash_one(key)
}

impl<V: Clone> Memo<V> {
    pub(crate) fn new() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| RwLock::new(HashTable::new())).collect(),
        }
    }

    /// The value for `key`, computing it with `f` on first use. `f` runs without any lock
    /// held (it may consult this or other tables); two threads racing on a new word may
    /// both compute it, which is harmless because `f` is pure.
    pub(crate) fn get_or_insert_with(&self, key: &str, f: impl FnOnce() -> V) -> V {
        let h = hash(key);
        // Middle bits pick the shard: the table itself uses the low bits for the bucket
        // and the top seven for its tags.
        let shard = &self.shards[((h >> 32) as usize) % SHARDS];
        if let Some((_, v)) = shard
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .find(h, |(k, _)| **k == *key)
        {
            return v.clone();
        }
        let v = f();
        let mut map = shard
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if map.len() >= SHARD_CAPACITY {
            map.clear();
        }
        match map.entry(h, |(k, _)| **k == *key, |(k, _)| hash(k)) {
            Entry::Occupied(e) => e.get().1.clone(),
            Entry::Vacant(e) => {
                e.insert((key.into(), v.clone()));
                v
            }
        }
    }

    /// Number of distinct keys held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| {
                s.read()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .len()
            })
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn computes_each_key_once_across_threads() {
        let memo: Memo<usize> = Memo::new();
        let calls = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for i in 0..200 {
                        let k = format!("kata{}", i % 50);
                        let v = memo.get_or_insert_with(&k, || {
                            calls.fetch_add(1, Ordering::Relaxed);
                            k.len()
                        });
                        assert_eq!(v, k.len());
                    }
                });
            }
        });
        assert_eq!(memo.len(), 50);
        // Racing threads may compute a new key twice, never more than once per thread.
        assert!(calls.load(Ordering::Relaxed) <= 200);
    }

    #[test]
    fn stays_bounded_and_keeps_answering() {
        let memo: Memo<usize> = Memo::new();
        let limit = super::SHARDS * super::SHARD_CAPACITY;
        for i in 0..limit * 2 {
            let k = format!("kata{i}");
            assert_eq!(memo.get_or_insert_with(&k, || k.len()), k.len());
        }
        assert!(memo.len() <= limit, "{} words held", memo.len());
        // The word seen last is still held: its stored value comes back, not a new one.
        let last = format!("kata{}", limit * 2 - 1);
        assert_eq!(memo.get_or_insert_with(&last, || 0), last.len());
    }
}

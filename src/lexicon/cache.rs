//! A small concurrent memo table: each distinct word is analysed once per run, then every
//! later occurrence (from any thread) costs one hash and a shared read lock. The table is
//! bounded, so that memory stays flat over an archive of any size: a shard that fills up
//! is emptied and refills with the words still in use.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::RwLock;

/// Shards keep writers (first sightings of a word) from blocking readers on other shards.
const SHARDS: usize = 16;
/// Words held per shard at most: 16 x 8,192 = 131,072 words per table, a few MB, while a
/// year of news copy uses on the order of 100,000 distinct words.
const SHARD_CAPACITY: usize = 8_192;

type Hasher = foldhash::fast::FixedState;
type Shard<V> = RwLock<HashMap<Box<str>, V, Hasher>>;

/// A word -> value table safe to share between threads.
pub(crate) struct Memo<V> {
    shards: Box<[Shard<V>]>,
}

impl<V: Clone> Memo<V> {
    pub(crate) fn new() -> Self {
        Self {
            shards: (0..SHARDS)
                .map(|_| RwLock::new(HashMap::default()))
                .collect(),
        }
    }

    fn shard(&self, key: &str) -> &Shard<V> {
        let h = Hasher::default().hash_one(key);
        &self.shards[(h as usize) % SHARDS]
    }

    /// The value for `key`, computing it with `f` on first use. `f` runs without any lock
    /// held (it may consult this or other tables); two threads racing on a new word may
    /// both compute it, which is harmless because `f` is pure.
    pub(crate) fn get_or_insert_with(&self, key: &str, f: impl FnOnce() -> V) -> V {
        let shard = self.shard(key);
        if let Some(v) = shard
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(key)
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
        map.entry(key.into()).or_insert(v).clone()
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

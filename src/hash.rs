//! Hash maps and sets for word lookups. The keys are short words looked up on every token,
//! where the standard library's DoS-resistant SipHash costs more than the rest of a rule;
//! foldhash is several times faster on short strings and still randomly seeded.

/// A `HashMap` with foldhash.
pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
/// A `HashSet` with foldhash.
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

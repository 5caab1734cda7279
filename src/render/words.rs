//! The words figures share, each written once for the many records and rows that
//! repeat them.

/// What is written for the words figures share (subjects, metrics, periods, units,
/// directions, bases), each written once: as a JSON string, as a CSV field, as HTML. The
/// words are interned (`metrics::intern`): one copy each, so a word is found by its
/// address and length without reading its bytes. Escaped anew, the seven of each record
/// were a third of the JSON export's instructions; looked up in a hash map, a sixth (108 M
/// of the 10,000-note export's 718 M). A record's words are mostly those of the records
/// before it, so each is first looked for in a small table by its address alone
/// (`RECENT`), inlined. The words are `'static`, so a table may outlive a build: no
/// address it holds is ever another word's.
pub(crate) struct Words {
    /// How a word is written.
    write: fn(&mut String, &str),
    /// The words as written, in the order first met.
    texts: Vec<Box<str>>,
    /// Where in `texts` each word is, by (address, length).
    at: rustc_hash::FxHashMap<(usize, usize), usize>,
    /// (address, length, index in `texts`) of the word last met in each slot.
    recent: Box<[(usize, usize, usize); RECENT]>,
}

/// Slots of `Words::recent`: a few dozen words make most records.
const RECENT: usize = 64;

impl Words {
    /// No words yet, each to be written by `write`.
    pub(crate) fn new(write: fn(&mut String, &str)) -> Self {
        // No word has address 0, so no empty slot matches.
        Words {
            write,
            texts: Vec::new(),
            at: rustc_hash::FxHashMap::default(),
            recent: Box::new([(0, 0, 0); RECENT]),
        }
    }

    /// `word` as written. Inlined, for the few instructions of a word met lately: the
    /// call cost as much.
    #[inline]
    pub(crate) fn get(&mut self, word: &'static str) -> &str {
        let key = (word.as_ptr() as usize, word.len());
        // Fibonacci hashing: words next to each other in memory go to distant slots.
        let slot = (((key.0 ^ key.1) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - RECENT.ilog2())) as usize;
        let (address, len, i) = self.recent[slot];
        if (address, len) == key {
            return &self.texts[i];
        }
        self.look_up(word, key, slot)
    }

    /// [`Words::get`] of a word not in its slot of `recent`: found in (or added to) the
    /// map, and put in the slot.
    #[inline(never)]
    fn look_up(&mut self, word: &'static str, key: (usize, usize), slot: usize) -> &str {
        let (texts, write) = (&mut self.texts, self.write);
        let i = *self.at.entry(key).or_insert_with(|| {
            let mut text = String::with_capacity(word.len() + 2);
            write(&mut text, word);
            texts.push(text.into_boxed_str());
            texts.len() - 1
        });
        self.recent[slot] = (key.0, key.1, i);
        &self.texts[i]
    }

    /// `word` as written, or `none` for none.
    #[inline]
    pub(crate) fn optional(&mut self, out: &mut String, word: Option<&'static str>, none: &str) {
        out.push_str(word.map_or(none, |w| self.get(w)));
    }
}

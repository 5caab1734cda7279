//! The words figures share, each written once for the many records and rows that
//! repeat them.

use crate::site::store::Recent;

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
    /// The index in `texts` of the words met lately.
    recent: Recent<usize>,
}

impl Words {
    /// No words yet, each to be written by `write`.
    pub(crate) fn new(write: fn(&mut String, &str)) -> Self {
        Words {
            write,
            texts: Vec::new(),
            at: rustc_hash::FxHashMap::default(),
            recent: Recent::default(),
        }
    }

    /// `word` as written. Inlined, for the few instructions of a word met lately: the
    /// call cost as much.
    #[inline]
    pub(crate) fn get(&mut self, word: &'static str) -> &str {
        match self.recent.get(word) {
            Ok(i) => &self.texts[i],
            Err(slot) => self.look_up(word, slot),
        }
    }

    /// [`Words::get`] of a word not in its slot of `recent`: found in (or added to) the
    /// map, and put in the slot.
    #[inline(never)]
    fn look_up(&mut self, word: &'static str, slot: usize) -> &str {
        let (texts, write) = (&mut self.texts, self.write);
        let i = *self.at.entry((word.as_ptr() as usize, word.len())).or_insert_with(|| {
            let mut text = String::with_capacity(word.len() + 2);
            write(&mut text, word);
            texts.push(text.into_boxed_str());
            texts.len() - 1
        });
        self.recent.put(slot, word, i);
        &self.texts[i]
    }

    /// `word` as written, or `none` for none.
    #[inline]
    pub(crate) fn optional(&mut self, out: &mut String, word: Option<&'static str>, none: &str) {
        out.push_str(word.map_or(none, |w| self.get(w)));
    }
}

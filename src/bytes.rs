//! The one byte scan the text passes share: where the next byte of interest is, found a
//! block at a time. Most text holds none of the bytes a pass looks for (a quote to escape,
//! a full stop, a non-ASCII letter), and testing a whole block at once is a few vector
//! instructions where a byte-by-byte `position` is a branch per byte.

/// Bytes tested at once.
const BLOCK: usize = 16;

/// The index of the first byte of `bytes` for which `wanted` is true.
pub(crate) fn find(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    let mut at = 0;
    for block in bytes.chunks(BLOCK) {
        if block.iter().fold(false, |any, &b| any | wanted(b)) {
            return block.iter().position(|&b| wanted(b)).map(|p| at + p);
        }
        at += block.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_wanted_byte_at_any_place() {
        for len in [0, 1, 15, 16, 17, 31, 32, 33, 100] {
            let mut bytes = vec![b'a'; len];
            assert_eq!(find(&bytes, |b| b == b'.'), None, "none in {len}");
            bytes.push(b'.');
            bytes.extend_from_slice(b"xx.");
            assert_eq!(find(&bytes, |b| b == b'.'), Some(len), "at {len}");
        }
    }
}

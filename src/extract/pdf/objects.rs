//! Reading PDF objects safely: references followed, numbers and names taken loosely, page
//! attributes inherited, and every stream decoded against the decompression limit.

use lopdf::{Dictionary, Document, Object, Stream};

/// The most a single stream may inflate to; a larger one is a decompression bomb.
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Why a stream could not be decoded.
#[derive(Debug, Clone, PartialEq)]
pub enum StreamError {
    /// It inflates past [`MAX_STREAM_BYTES`].
    TooLarge,
    /// Its filter is unknown or its data is damaged.
    Damaged(String),
}

/// The object, references followed (a dangling reference gives `Null`).
pub fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    static NULL: Object = Object::Null;
    doc.dereference(object).map_or(&NULL, |(_, o)| o)
}

/// A dictionary entry, references followed.
pub fn entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    dict.get(key).ok().map(|o| resolve(doc, o))
}

/// A dictionary entry that is a dictionary (a stream's dictionary counts).
pub fn dict_entry<'a>(
    doc: &'a Document,
    dict: &'a Dictionary,
    key: &[u8],
) -> Option<&'a Dictionary> {
    match entry(doc, dict, key)? {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// A dictionary entry that is a name.
pub fn name_entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    match entry(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// A number (integer or real).
pub fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// A dictionary entry that is a number.
pub fn number_entry(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    entry(doc, dict, key).and_then(number)
}

/// An array of numbers (non-numbers skipped).
pub fn numbers(doc: &Document, object: &Object) -> Vec<f32> {
    match resolve(doc, object) {
        Object::Array(items) => items
            .iter()
            .filter_map(|o| number(resolve(doc, o)))
            .collect(),
        _ => Vec::new(),
    }
}

/// A page attribute, looked up the page tree when the page does not set it (resources,
/// boxes and rotation inherit). The walk is bounded: a cyclic tree ends it.
pub fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Some(value) = entry(doc, node, key) {
            return Some(value);
        }
        node = dict_entry(doc, node, b"Parent")?;
    }
    None
}

/// A stream's decoded bytes, refused past [`MAX_STREAM_BYTES`].
pub fn decode_stream(stream: &Stream) -> Result<Vec<u8>, StreamError> {
    match stream.decompressed_content_with_limit(MAX_STREAM_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })) => {
            Err(StreamError::TooLarge)
        }
        Err(e) => {
            // A stream without filters, or one whose filter fails, may still hold plain data
            // (lopdf refuses unfiltered streams through this path in some versions).
            if stream.dict.get(b"Filter").is_err() {
                if stream.content.len() > MAX_STREAM_BYTES {
                    return Err(StreamError::TooLarge);
                }
                return Ok(stream.content.clone());
            }
            Err(StreamError::Damaged(e.to_string()))
        }
    }
}

/// The stream an object is, references followed.
pub fn as_stream<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Stream> {
    match resolve(doc, object) {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

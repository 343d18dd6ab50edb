//! Share links: an assessment in the URL fragment, so it travels without a server.
//!
//! `#share=1.<data>[.<namespace>]`: `1` is this encoding's version; `<data>` is the export
//! (format v2, compact, without scores) compressed with raw DEFLATE (the browser's `CompressionStream`, no wasm) and written
//! in base64url; a widget with its own storage namespace names it, so that on a page with
//! several widgets only the one it came from offers it. The fragment never reaches a web server. Opening a link validates it exactly as
//! a file import does, and imports only when the user says so (`docs/spec/format.md` § Share
//! links).

use crate::model::{Assessment, Followed};

/// What a share link's fragment starts with.
pub const PREFIX: &str = "#share=1.";

/// The longest link a QR code can hold: version 40 at the lowest error correction carries
/// 2,953 bytes.
pub const QR_MAX_BYTES: usize = 2953;

/// The longest share link: the panel offers the file instead of a longer one, and opening a link
/// refuses a longer fragment before decoding it. Links of answers only are a few kB; notes can
/// make them much longer.
pub const MAX_LINK_BYTES: usize = 32 * 1024;

/// The most a share link may decompress to: a document's own limit. Decompression stops as soon
/// as it passes it, so a crafted link (raw DEFLATE expands up to about 1,000 times) cannot make
/// the browser hold more.
pub const MAX_INFLATED_BYTES: usize = crate::format::MAX_DOCUMENT_BYTES;

/// The assessment without what a user may not mean to share: notes, the names of participants,
/// actions (areas' and clauses'), indicators' text and values, requirements' evidence. The
/// community's name and every answer stay (levels, holders, which indicators are followed,
/// requirement answers).
pub fn answers_only(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    a.community.notes.clear();
    a.community.participants.clear();
    for area in &mut a.areas {
        area.notes.clear();
        area.indicators.clear();
        area.actions.clear();
        for f in area.followed.iter_mut().flatten() {
            *f = Followed::default();
        }
    }
    for clause in &mut a.clauses {
        clause.notes.clear();
        clause.actions.clear();
    }
    for r in &mut a.requirements {
        r.evidence.clear();
    }
    a
}

/// The storage namespace of a widget that names none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// A link longer than `MAX_LINK_BYTES` (its length in bytes): the file is the way to send it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong(pub usize);

/// The link to `page` (an address without fragment) carrying `compressed`, from the widget of
/// `namespace`; `Err` when it would be longer than `MAX_LINK_BYTES`, as a link with long notes can
/// be: opening it would be refused.
pub fn link(page: &str, compressed: &[u8], namespace: &str) -> Result<String, TooLong> {
    let page = page.split('#').next().unwrap_or(page);
    let target = if namespace == DEFAULT_NAMESPACE {
        String::new()
    } else {
        format!(".{namespace}")
    };
    // Base64url without padding: 4 characters for 3 bytes, so the length is known before encoding.
    let length = page.len() + PREFIX.len() + (compressed.len() * 4).div_ceil(3) + target.len();
    if length > MAX_LINK_BYTES {
        return Err(TooLong(length));
    }
    Ok(format!("{page}{PREFIX}{}{target}", base64url(compressed)))
}

/// Base64url data that cannot be read: cut short, or altered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken;

/// Why a share link is not offered for import.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Cut short or altered: it does not decode.
    Broken,
    /// Longer than any link the app makes, or decompressing past a document's limit: refused
    /// without reading it all.
    TooLong,
    /// It decodes, but is no readable assessment, exactly as a file would not be.
    Invalid(crate::format::ImportError),
}

/// The compressed payload of a fragment, if it is a share link for the widget of `namespace`
/// (a link that names no namespace is for any); `Err` if it is one but cannot be read. A fragment
/// longer than `MAX_LINK_BYTES` is refused before it is decoded.
pub fn payload(fragment: &str, namespace: &str) -> Option<Result<Vec<u8>, Refused>> {
    let rest = fragment.strip_prefix(PREFIX)?;
    let (data, target) = match rest.split_once('.') {
        Some((data, target)) => (data, Some(target)),
        None => (rest, None),
    };
    if target.is_some_and(|t| t != namespace) {
        return None;
    }
    if fragment.len() > MAX_LINK_BYTES {
        return Some(Err(Refused::TooLong));
    }
    Some(from_base64url(data).map_err(|Broken| Refused::Broken))
}

/// Collects decompressed chunks until they pass `MAX_INFLATED_BYTES`: the reader stops at the
/// first chunk over it rather than holding everything a crafted link expands to.
#[derive(Debug, Default)]
pub struct Inflated {
    bytes: Vec<u8>,
}

impl Inflated {
    /// Whether a chunk of `len` more bytes keeps the total within the limit: asked before the
    /// chunk is even copied.
    pub fn fits(&self, len: usize) -> bool {
        self.bytes.len().saturating_add(len) <= MAX_INFLATED_BYTES
    }

    /// Takes one chunk; `Err` once the total is over the limit (the chunk is not kept, and what
    /// was kept is let go).
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), Refused> {
        if !self.fits(chunk.len()) {
            self.bytes = Vec::new();
            return Err(Refused::TooLong);
        }
        self.bytes.extend_from_slice(chunk);
        Ok(())
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): safe in a URL as it is.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

pub fn from_base64url(s: &str) -> Result<Vec<u8>, Broken> {
    let value = |c: u8| ALPHABET.iter().position(|&a| a == c).ok_or(Broken);
    if s.len() % 4 == 1 {
        return Err(Broken);
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= (value(c)? as u32) << (18 - 6 * i);
        }
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Ok(out)
}

//! Share links: an assessment in the URL fragment, so it travels without a server.
//!
//! `#share=1.<data>[.<namespace>]`: `1` is this encoding's version; `<data>` is the export
//! (format v1, compact, without scores) compressed with raw DEFLATE (the browser's `CompressionStream`, no wasm) and written
//! in base64url; a widget with its own storage namespace names it, so that on a page with
//! several widgets only the one it came from offers it. The fragment never reaches a web server. Opening a link validates it exactly as
//! a file import does, and imports only when the user says so.

use crate::model::Assessment;

/// What a share link's fragment starts with.
pub const PREFIX: &str = "#share=1.";

/// The longest link a QR code can hold: version 40 at the lowest error correction carries
/// 2,953 bytes.
pub const QR_MAX_BYTES: usize = 2953;

/// The longest share data the app reads back: links are a few kB; this bounds what a crafted
/// link can make the browser decompress (raw DEFLATE expands at most about 1,000 times).
pub const MAX_LINK_BYTES: usize = 32 * 1024;

/// The assessment without what a user may not mean to share: notes, the names of participants,
/// action owners, indicators. The community's name and every answer stay.
pub fn answers_only(a: &Assessment) -> Assessment {
    let mut a = a.clone();
    a.community.notes.clear();
    a.community.participants.clear();
    for area in &mut a.areas {
        area.notes.clear();
        area.indicators.clear();
        area.actions.clear();
    }
    for clause in &mut a.clauses {
        clause.notes.clear();
    }
    a
}

/// The storage namespace of a widget that names none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// The link to `page` (an address without fragment) carrying `compressed`, from the widget of
/// `namespace`.
pub fn link(page: &str, compressed: &[u8], namespace: &str) -> String {
    let page = page.split('#').next().unwrap_or(page);
    let data = base64url(compressed);
    if namespace == DEFAULT_NAMESPACE {
        format!("{page}{PREFIX}{data}")
    } else {
        format!("{page}{PREFIX}{data}.{namespace}")
    }
}

/// A share link that cannot be read: cut short, or altered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken;

/// The compressed payload of a fragment, if it is a share link for the widget of `namespace`
/// (a link that names no namespace is for any); `Err` if it is one but cannot be read.
pub fn payload(fragment: &str, namespace: &str) -> Option<Result<Vec<u8>, Broken>> {
    let rest = fragment.strip_prefix(PREFIX)?;
    let (data, target) = match rest.split_once('.') {
        Some((data, target)) => (data, Some(target)),
        None => (rest, None),
    };
    if target.is_some_and(|t| t != namespace) {
        return None;
    }
    if data.len() > MAX_LINK_BYTES {
        return Some(Err(Broken));
    }
    Some(from_base64url(data))
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

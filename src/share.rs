//! Share links: an assessment in the URL fragment, so it travels without a server.
//!
//! `#share=1.<data>`: `1` is this encoding's version; `<data>` is the export (format v1,
//! compact) compressed with raw DEFLATE (the browser's `CompressionStream`, no wasm) and written
//! in base64url. The fragment never reaches a web server. Opening a link validates it exactly as
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

/// The link to `page` (an address without fragment) carrying `compressed`.
pub fn link(page: &str, compressed: &[u8]) -> String {
    let page = page.split('#').next().unwrap_or(page);
    format!("{page}{PREFIX}{}", base64url(compressed))
}

/// A share link that cannot be read: cut short, or altered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken;

/// The compressed payload of a fragment, if it is a share link's; `Err` if it is one but cannot
/// be read.
pub fn payload(fragment: &str) -> Option<Result<Vec<u8>, Broken>> {
    let data = fragment.strip_prefix(PREFIX)?;
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

/// The document a link carries: the export without its `scores`, which every import recomputes
/// anyway (an imported file's scores are never trusted), so the link and its QR code are shorter.
pub fn document(a: &Assessment) -> String {
    let json = crate::format::export_compact(a);
    match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(serde_json::Value::Object(mut doc)) => {
            doc.remove("scores");
            serde_json::Value::Object(doc).to_string()
        }
        _ => json,
    }
}

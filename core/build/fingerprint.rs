//! Fingerprints of the sources: the content's (which `content/content.lock` records) and the
//! language pack's (which the wasm and the pack compare).

use std::fs;
use std::path::Path;

/// Every content data file in `content/`, in the order the fingerprint reads them. A new data file
/// is added here, so that `content_version` has to move when it changes.
pub(crate) const CONTENT_FILES: [&str; 5] = [
    "framework.toml",
    "requirements.toml",
    "holders.toml",
    "indicators.toml",
    "reading.toml",
];

/// FNV-1a, 64 bits, over all of `CONTENT_FILES`: each file's name, a NUL, its bytes (carriage
/// returns left out, so a Windows checkout gives the same value) and a NUL. Enough to notice that
/// the content changed (core/tests/content.rs compares it with content/content.lock), and small enough
/// to write here.
pub(crate) fn fingerprint() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for name in CONTENT_FILES {
        let path = Path::new("../content").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("content/{name}: cannot read: {e}"));
        let content = bytes.iter().copied().filter(|&b| b != b'\r');
        for b in name.bytes().chain([0]).chain(content).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// What a language pack's layout and words come from: the content files and the interface's
/// tables. The wasm and the pack the same sources build agree on it (`i18n::pack`).
pub(crate) fn pack_fingerprint() -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let sources = CONTENT_FILES
        .iter()
        .map(|name| Path::new("../content").join(name))
        .chain(["mod.rs", "en.rs", "fr.rs"].map(|f| Path::new("src/i18n").join(f)));
    for path in sources {
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes =
            fs::read(&path).unwrap_or_else(|e| panic!("{}: cannot read: {e}", path.display()));
        for b in bytes.into_iter().filter(|&b| b != b'\r').chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

//! Files: the limits checked before one is read, and the name an export is given. Reading and
//! downloading are the app's (`src/web/files.rs`).

use crate::model::Assessment;

/// Files larger than this are refused before they are read: a document's own limit, so nothing
/// is read that the import would refuse anyway.
pub const MAX_FILE_BYTES: usize = crate::format::MAX_DOCUMENT_BYTES;

/// The most participants' files a workshop reads at once: far more than a room holds.
pub const MAX_WORKSHOP_FILES: usize = 5_000;

/// The most bytes a workshop reads in all (files under `MAX_FILE_BYTES` only: larger ones are
/// not read at all).
pub const MAX_WORKSHOP_BYTES: u64 = 100_000_000;

/// Whether a file of `size` bytes (`File.size`, known before anything is read) may be read.
pub fn fits(size: f64) -> bool {
    size <= MAX_FILE_BYTES as f64
}

/// Why a workshop reads none of the files it was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooMuch {
    /// This many files: more than `MAX_WORKSHOP_FILES`.
    Files(usize),
    /// This many bytes in the files it would read: more than `MAX_WORKSHOP_BYTES`.
    Bytes(u64),
}

impl TooMuch {
    /// The problem in plain words, said before anything is read.
    pub fn message(self, lang: crate::i18n::Lang) -> String {
        let w = &lang.ui().workshop;
        match self {
            TooMuch::Files(n) => crate::i18n::fill(
                w.too_many_files,
                &[
                    &crate::format::thousands(n, lang),
                    &crate::format::thousands(MAX_WORKSHOP_FILES, lang),
                ],
            ),
            TooMuch::Bytes(b) => crate::i18n::fill(
                w.too_many_bytes,
                &[
                    &crate::format::thousands(b.div_ceil(1_000_000) as usize, lang),
                    &(MAX_WORKSHOP_BYTES / 1_000_000).to_string(),
                ],
            ),
        }
    }
}

/// Checks a workshop's files by their sizes alone, before any is read.
pub fn check_workshop(sizes: &[f64]) -> Result<(), TooMuch> {
    if sizes.len() > MAX_WORKSHOP_FILES {
        return Err(TooMuch::Files(sizes.len()));
    }
    // Sizes are whole numbers of bytes, and those read are at most MAX_FILE_BYTES each.
    let bytes: u64 = sizes
        .iter()
        .filter(|&&s| fits(s))
        .map(|&s| s.max(0.0) as u64)
        .sum();
    if bytes > MAX_WORKSHOP_BYTES {
        return Err(TooMuch::Bytes(bytes));
    }
    Ok(())
}

/// A file name that says what the file is: `autodiag-37101_commune-de-x_2026-11-28_quick.json`.
pub fn export_name(a: &Assessment) -> String {
    let mut slug = String::new();
    for c in a.community.name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
    let date = a.updated.get(..10).unwrap_or("undated");
    format!(
        "autodiag-37101_{}_{date}_{}.json",
        if slug.is_empty() { "assessment" } else { &slug },
        a.mode.id()
    )
}

/// The format version a file says it was written in (1 or 2 today), to report on a file that
/// `format::import` accepted: the import migrates an older version as it reads, so the assessment
/// no longer knows it. `None` when the bytes hold no such number.
pub fn written_version(bytes: &[u8]) -> Option<u64> {
    #[derive(serde::Deserialize)]
    struct Head {
        version: u64,
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<Head>(bytes)
        .ok()
        .map(|h| h.version)
}

/// The letters of French place names without their accents, for file names.
pub fn fold_accent(c: char) -> impl Iterator<Item = char> {
    let base = match c {
        'à' | 'â' | 'ä' | 'á' => "a",
        'À' | 'Â' | 'Ä' | 'Á' => "A",
        'é' | 'è' | 'ê' | 'ë' => "e",
        'É' | 'È' | 'Ê' | 'Ë' => "E",
        'î' | 'ï' | 'í' => "i",
        'Î' | 'Ï' => "I",
        'ô' | 'ö' | 'ó' => "o",
        'Ô' | 'Ö' => "O",
        'ù' | 'û' | 'ü' | 'ú' => "u",
        'Ù' | 'Û' | 'Ü' => "U",
        'ç' => "c",
        'Ç' => "C",
        'œ' => "oe",
        'Œ' => "OE",
        'æ' => "ae",
        'ÿ' => "y",
        _ => "",
    };
    let single = base.is_empty().then_some(c);
    base.chars().chain(single)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Assessment;
    use crate::model::Mode;

    #[test]
    fn the_written_version_is_read_before_any_migration() {
        assert_eq!(
            written_version(br#"{"format":"x","version":1,"a":[{}]}"#),
            Some(1)
        );
        assert_eq!(written_version(b"\xEF\xBB\xBF{\"version\": 2}"), Some(2));
        assert_eq!(written_version(br#"{"version":"2"}"#), None);
        assert_eq!(written_version(b"not json"), None);
    }

    #[test]
    fn file_names_are_plain_ascii() {
        let mut a = Assessment::new(
            "x".into(),
            "2026-11-28T20:15:00Z".into(),
            Lang::Fr,
            Mode::Quick,
            "Commune de Saint-Étienne-d’Œuvre (Ain)".into(),
        );
        assert_eq!(
            export_name(&a),
            "autodiag-37101_commune-de-saint-etienne-d-oeuvre-ain_2026-11-28_quick.json"
        );
        a.community.name = "«»".into();
        assert_eq!(
            export_name(&a),
            "autodiag-37101_assessment_2026-11-28_quick.json"
        );
    }
}

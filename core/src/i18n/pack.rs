//! Language packs: the texts of one language (the content's and the interface's) as one JSON
//! array of strings, so that the wasm carries French only and fetches English when a user needs
//! it (issue 13: about 15 kB gzip less for everyone).
//!
//! The array is `["autodiag-37101-lang", <lang>, <fingerprint>, <content texts…>, <content
//! hints…>, <content notes…>, <interface words: both modules', the report's, the walk's…>]`, each part in the order
//! of the build's own tables. The fingerprint covers every
//! source of those tables: a pack from another build is refused whole, never half applied.
//!
//! Native builds (tools, tests) compile every language in (`cfg(all_languages)`, see core/build/),
//! and [`to_json`] writes the pack the build publishes beside the wasm.

use super::{Lang, ReportUi, Ui, WalkUi};

/// A table of words that a pack carries: only `&'static str`, arrays of them and `repr(C)`
/// structs of those, so that it has the layout of `[&'static str; N]`.
///
/// # Safety
/// Implemented only for such types (the `words!` macro checks each field of a struct).
pub unsafe trait Words: Sized {
    #[cfg(all_languages)]
    fn write(&self, out: &mut Vec<&'static str>);
}

// SAFETY: a string.
unsafe impl Words for &'static str {
    #[cfg(all_languages)]
    fn write(&self, out: &mut Vec<&'static str>) {
        out.push(self);
    }
}

// SAFETY: strings, without padding.
unsafe impl<const N: usize> Words for [&'static str; N] {
    #[cfg(all_languages)]
    fn write(&self, out: &mut Vec<&'static str>) {
        out.extend_from_slice(self);
    }
}

/// How many strings a table of words holds.
const fn count<T: Words>() -> usize {
    std::mem::size_of::<T>() / std::mem::size_of::<&str>()
}

/// How many strings a `Ui` holds.
const UI_WORDS: usize = count::<Ui>();
/// How many strings a `ReportUi` holds.
const REPORT_WORDS: usize = count::<ReportUi>();
/// How many strings a `WalkUi` holds.
const WALK_WORDS: usize = count::<WalkUi>();

/// A table of words from a pack's strings, in its field order.
fn read_words<T: Words>(words: &[&'static str]) -> Option<&'static T> {
    if words.len() != count::<T>() {
        return None;
    }
    // SAFETY: `T` is `Words`, so it has the layout of `[&'static str; count::<T>()]` (same
    // size, same alignment), and `words` holds exactly that many.
    let table = unsafe { std::ptr::read(words.as_ptr().cast::<T>()) };
    Some(Box::leak(Box::new(table)))
}

/// Told, in English, to whoever asked for English when its pack could not be loaded: the only
/// English sentence the wasm carries.
pub const UNAVAILABLE_EN: &str =
    "The English texts could not be loaded (connection lost?): the tool stays in French. Try again in a moment.";

/// What identifies a pack's array.
const MAGIC: &str = "autodiag-37101-lang";

/// The texts of one language.
pub struct Pack {
    pub ui: &'static Ui,
    pub report: &'static ReportUi,
    pub walk: &'static WalkUi,
    /// The content's texts, by `content::Text` index.
    pub texts: &'static [&'static str],
    /// The content's hints, by `content::Hint` index.
    pub hints: &'static [&'static str],
    /// The content's notes, by `content::Note` index.
    pub notes: &'static [&'static str],
}

/// Why a pack was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a JSON array of strings.
    Malformed,
    /// A pack of another build, or of another language.
    Mismatch,
}

/// English, when its texts are here: compiled in, or installed.
pub(crate) fn english() -> Option<&'static Pack> {
    #[cfg(all_languages)]
    {
        static EN: Pack = Pack {
            ui: &super::EN,
            report: &super::REPORT_EN,
            walk: &super::WALK_EN,
            texts: &crate::content::EN_TEXTS,
            hints: &crate::content::EN_HINTS,
            notes: &crate::content::EN_NOTES,
        };
        Some(&EN)
    }
    #[cfg(not(all_languages))]
    {
        INSTALLED.get().copied()
    }
}

#[cfg(not(all_languages))]
static INSTALLED: std::sync::OnceLock<&'static Pack> = std::sync::OnceLock::new();

/// Whether the texts of `lang` are here, so that the interface can show it.
pub fn is_available(lang: Lang) -> bool {
    lang == Lang::Fr || english().is_some()
}

/// Reads a pack and makes its language available. Installing a language that is already here
/// does nothing.
pub fn install(json: &str) -> Result<Lang, PackError> {
    // Two widgets that both start in English may each fetch the pack: the second is not parsed
    // (its strings would be kept for nothing).
    #[cfg(not(all_languages))]
    if INSTALLED.get().is_some() {
        return Ok(Lang::En);
    }
    let words: Vec<String> = serde_json::from_str(json).map_err(|_| PackError::Malformed)?;
    let (lang, _pack) = parse(words)?;
    // Compiled in already where every language is.
    #[cfg(not(all_languages))]
    let _ = INSTALLED.set(Box::leak(Box::new(_pack)));
    Ok(lang)
}

/// Checks a pack's header and reads its tables.
fn parse(words: Vec<String>) -> Result<(Lang, Pack), PackError> {
    let (n_texts, n_hints, n_notes) = (
        crate::content::N_TEXTS,
        crate::content::N_HINTS,
        crate::content::N_NOTES,
    );
    let [magic, lang, fingerprint] = words.get(..3).ok_or(PackError::Malformed)? else {
        return Err(PackError::Malformed);
    };
    let lang = match Lang::from_id(lang) {
        Some(Lang::En) if magic == MAGIC && fingerprint == FINGERPRINT => Lang::En,
        _ => return Err(PackError::Mismatch),
    };
    if words.len() != 3 + n_texts + n_hints + n_notes + UI_WORDS + REPORT_WORDS + WALK_WORDS {
        return Err(PackError::Mismatch);
    }
    // Checked whole before anything is kept: a refused pack leaks nothing.
    let words: &'static [&'static str] = words
        .into_iter()
        .skip(3)
        .map(|w| &*Box::leak(w.into_boxed_str()))
        .collect::<Vec<_>>()
        .leak();
    let (texts, rest) = words.split_at(n_texts);
    let (hints, rest) = rest.split_at(n_hints);
    let (notes, rest) = rest.split_at(n_notes);
    let (ui, rest) = rest.split_at(UI_WORDS);
    let (report, walk) = rest.split_at(REPORT_WORDS);
    Ok((
        lang,
        Pack {
            ui: read_words(ui).ok_or(PackError::Mismatch)?,
            report: read_words(report).ok_or(PackError::Mismatch)?,
            walk: read_words(walk).ok_or(PackError::Mismatch)?,
            texts,
            hints,
            notes,
        },
    ))
}

/// The sources of the packs' tables, fingerprinted by the build script (`core/build/fingerprint.rs`).
pub const FINGERPRINT: &str = env!("AUTODIAG_PACK_FINGERPRINT");

/// The pack of `lang` as the build publishes it (`lang-en-<hash>.json`).
#[cfg(all_languages)]
pub fn to_json(lang: Lang) -> String {
    type Tables = (
        &'static Ui,
        &'static ReportUi,
        &'static WalkUi,
        &'static [&'static str],
        &'static [&'static str],
        &'static [&'static str],
    );
    let (ui, report, walk, texts, hints, notes): Tables = match lang {
        Lang::Fr => (
            &super::FR,
            &super::REPORT_FR,
            &super::WALK_FR,
            &crate::content::FR_TEXTS,
            &crate::content::FR_HINTS,
            &crate::content::FR_NOTES,
        ),
        Lang::En => (
            &super::EN,
            &super::REPORT_EN,
            &super::WALK_EN,
            &crate::content::EN_TEXTS,
            &crate::content::EN_HINTS,
            &crate::content::EN_NOTES,
        ),
    };
    let mut words = vec![MAGIC, lang.id(), FINGERPRINT];
    words.extend_from_slice(texts);
    words.extend_from_slice(hints);
    words.extend_from_slice(notes);
    ui.write(&mut words);
    report.write(&mut words);
    walk.write(&mut words);
    serde_json::to_string(&words).unwrap_or_default()
}

#[cfg(all(test, all_languages))]
mod tests {
    use super::*;

    #[test]
    fn a_pack_reads_back_as_its_tables() {
        let json = to_json(Lang::En);
        let words: Vec<String> = serde_json::from_str(&json).unwrap();
        let (lang, pack) = parse(words).unwrap();
        assert_eq!(lang, Lang::En);
        assert_eq!(pack.texts, &crate::content::EN_TEXTS[..]);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        pack.ui.write(&mut a);
        super::super::EN.write(&mut b);
        assert_eq!(a, b);
        assert_eq!(
            pack.ui.gap.checklist_heading,
            super::super::GAP_EN.checklist_heading
        );
        assert_eq!(pack.report.taking_part, super::super::REPORT_EN.taking_part);
        let mut r = Vec::new();
        pack.report.write(&mut r);
        assert_eq!(r.len(), REPORT_WORDS);
        assert_eq!(pack.ui.share.copy, super::super::EN.share.copy);
        assert_eq!(pack.ui.phases, super::super::EN.phases);
        assert_eq!(a.len(), UI_WORDS);
    }

    #[test]
    fn a_pack_of_another_build_or_shape_is_refused() {
        let words = |f: &dyn Fn(&mut Vec<String>)| {
            let mut w: Vec<String> = serde_json::from_str(&to_json(Lang::En)).unwrap();
            f(&mut w);
            parse(w).err()
        };
        assert_eq!(words(&|w| w[2] = "0".into()), Some(PackError::Mismatch));
        assert_eq!(words(&|w| w[0] = "other".into()), Some(PackError::Mismatch));
        assert_eq!(words(&|w| w[1] = "fr".into()), Some(PackError::Mismatch));
        assert_eq!(
            words(&|w| {
                w.pop();
            }),
            Some(PackError::Mismatch)
        );
        assert_eq!(words(&|w| w.push("more".into())), Some(PackError::Mismatch));
        assert_eq!(words(&|w| w.truncate(2)), Some(PackError::Malformed));
        assert_eq!(words(&|w| w.truncate(3)), Some(PackError::Mismatch));
        assert_eq!(install("{\"not\": \"a pack\"}"), Err(PackError::Malformed));
        assert_eq!(install("[1, 2, 3]"), Err(PackError::Malformed));
        assert_eq!(install(&to_json(Lang::En)), Ok(Lang::En));
    }
}

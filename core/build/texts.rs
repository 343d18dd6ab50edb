//! The texts of the content: each a pair (French, English) interned once, checked for both
//! languages, and written out as one table per language.

use super::Text;

pub(crate) fn fail(msg: String) -> ! {
    panic!("content/framework.toml: {msg}")
}

pub(crate) fn check_ids<'a>(what: &str, found: impl Iterator<Item = &'a str>, expected: &[&str]) {
    let found: Vec<&str> = found.collect();
    if found != expected {
        fail(format!(
            "{what} must be, in this order, {expected:?}; found {found:?}"
        ));
    }
}

pub(crate) fn text(t: &Text, place: &str) -> String {
    for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
        if s.trim().is_empty() {
            fail(format!("{place}.{lang} is empty"));
        }
    }
    format!("Text({})", intern(&t.fr, &t.en))
}

thread_local! {
    /// Every content text, each (French, English) pair once, in the order first met.
    static TABLE: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The index of a text in the tables `FR_TEXTS` and `EN_TEXTS`.
pub(crate) fn intern(fr: &str, en: &str) -> usize {
    TABLE.with_borrow_mut(|table| {
        table
            .iter()
            .position(|(f, e)| f == fr && e == en)
            .unwrap_or_else(|| {
                table.push((fr.to_string(), en.to_string()));
                table.len() - 1
            })
    })
}

/// The texts of each language as arrays, a content `Text` being an index into them. French is
/// always compiled in; English everywhere but in the app's wasm (`cfg(all_languages)`), which gets
/// it at run time from the language pack `i18n::pack` reads.
pub(crate) fn tables() -> String {
    TABLE.with_borrow(|table| {
        let n = table.len();
        let list = |pick: fn(&(String, String)) -> &String| {
            table
                .iter()
                .map(|t| format!("{:?}", pick(t)))
                .collect::<Vec<_>>()
                .join(",\n    ")
        };
        format!(
            "pub const N_TEXTS: usize = {n};\n\
             pub static FR_TEXTS: [&str; {n}] = [\n    {}\n];\n\
             #[cfg(all_languages)]\n\
             pub static EN_TEXTS: [&str; {n}] = [\n    {}\n];\n",
            list(|t| &t.0),
            list(|t| &t.1)
        )
    })
}

pub(crate) fn texts(ts: &[Text], place: &str) -> String {
    if ts.is_empty() {
        fail(format!("{place} has no entry"));
    }
    let items: Vec<String> = ts
        .iter()
        .enumerate()
        .map(|(i, t)| text(t, &format!("{place}[{i}]")))
        .collect();
    format!("&[{}]", items.join(", "))
}

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
    interned(&TABLE, "Text", t, place)
}

/// A hint only the walk shows (how to answer, where to find a figure): a `Hint`, in tables of
/// its own (`FR_HINTS`, `EN_HINTS`) that the on-demand module never reads, so does not carry.
pub(crate) fn hint(t: &Text, place: &str) -> String {
    interned(&HINTS, "Hint", t, place)
}

/// A text only the report shows (what a holder means, the actions it suggests): a `Note`, in
/// tables of their own (`FR_NOTES`, `EN_NOTES`) that the first module never reads.
pub(crate) fn note(t: &Text, place: &str) -> String {
    interned(&NOTES, "Note", t, place)
}

pub(crate) fn notes(ts: &[Text], place: &str) -> String {
    list(ts, place, note)
}

/// `t`, checked in both languages, as `ty(index)` in `table`.
fn interned(
    table: &'static std::thread::LocalKey<Table>,
    ty: &str,
    t: &Text,
    place: &str,
) -> String {
    for (lang, s) in [("fr", &t.fr), ("en", &t.en)] {
        if s.trim().is_empty() {
            fail(format!("{place}.{lang} is empty"));
        }
    }
    format!("{ty}({})", intern_in(table, &t.fr, &t.en))
}

pub(crate) fn opt_hint(t: &Option<Text>, place: &str) -> String {
    t.as_ref()
        .map_or("None".into(), |t| format!("Some({})", hint(t, place)))
}

type Table = std::cell::RefCell<Vec<(String, String)>>;

thread_local! {
    /// Every content text, each (French, English) pair once, in the order first met.
    static TABLE: Table = const { std::cell::RefCell::new(Vec::new()) };
    /// The same for the hints.
    static HINTS: Table = const { std::cell::RefCell::new(Vec::new()) };
    /// The same for the notes.
    static NOTES: Table = const { std::cell::RefCell::new(Vec::new()) };
}

fn intern_in(which: &'static std::thread::LocalKey<Table>, fr: &str, en: &str) -> usize {
    which.with_borrow_mut(|table| {
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
    table(&TABLE, "TEXTS") + &table(&HINTS, "HINTS") + &table(&NOTES, "NOTES")
}

fn table(which: &'static std::thread::LocalKey<Table>, name: &str) -> String {
    which.with_borrow(|table| {
        let n = table.len();
        let list = |pick: fn(&(String, String)) -> &String| {
            table
                .iter()
                .map(|t| format!("{:?}", pick(t)))
                .collect::<Vec<_>>()
                .join(",\n    ")
        };
        format!(
            "pub const N_{name}: usize = {n};\n\
             pub static FR_{name}: [&str; {n}] = [\n    {}\n];\n\
             #[cfg(all_languages)]\n\
             pub static EN_{name}: [&str; {n}] = [\n    {}\n];\n",
            list(|t| &t.0),
            list(|t| &t.1)
        )
    })
}

pub(crate) fn texts(ts: &[Text], place: &str) -> String {
    list(ts, place, text)
}

/// A non-empty list of texts as a slice of `one`'s values.
fn list(ts: &[Text], place: &str, one: fn(&Text, &str) -> String) -> String {
    if ts.is_empty() {
        fail(format!("{place} has no entry"));
    }
    let items: Vec<String> = ts
        .iter()
        .enumerate()
        .map(|(i, t)| one(t, &format!("{place}[{i}]")))
        .collect();
    format!("&[{}]", items.join(", "))
}

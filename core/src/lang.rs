//! The languages of the interface and of an assessment's answers. A leaf: the content, the model
//! and the interface's words all name a language, and this names nothing of theirs.

use crate::ids::string_enum;

string_enum! {
    /// A language of the interface (and of an assessment's answers).
    Lang { Fr = "fr", En = "en" }
}

impl Default for Lang {
    /// French first: the product is made for French municipalities.
    fn default() -> Self {
        Lang::Fr
    }
}

impl Lang {
    /// What goes between a label and its value: French puts a no-break space before the colon.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}: ",
            Lang::En => ": ",
        }
    }

    /// The language's own name, as the switch that selects it shows it: known even before its
    /// pack is loaded.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

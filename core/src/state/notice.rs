//! What the state tells the user: storage failures, values set aside, messages, and where focus
//! goes after an action.

use crate::format::ImportError;
use crate::i18n::Lang;

/// Why the browser's storage could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No storage: blocked by the browser's settings or policy.
    Unavailable,
    /// The write was refused, most often because the quota is used up.
    WriteRefused,
}

/// A stored value that could not be read: kept aside untouched, never overwritten.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// The storage key it lives under.
    pub key: String,
    /// The raw stored text, offered for download.
    pub raw: String,
    pub error: ImportError,
}

/// A message about something that just happened, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An assessment was deleted; `Action::Undo` brings it back.
    Deleted {
        name: String,
    },
    /// Another window saved a newer version of the open assessment; it is now shown.
    ChangedElsewhere,
    /// Another window saved a newer version while a change was being made here: that change was
    /// not saved, the newer version is shown.
    Conflict,
    /// Another window deleted the open assessment.
    RemovedElsewhere {
        name: String,
    },
    Imported {
        name: String,
    },
    ImportFailed(ImportError),
    /// Everything this app stored in this browser was deleted.
    AllDeleted,
    /// A share link that cannot be decoded (cut short, or altered).
    ShareLinkBroken,
    /// A share link longer than any the app makes, or decompressing past a document's limit.
    ShareLinkTooLong,
    /// The texts of a language could not be loaded (offline, blocked): the app stays in French.
    LangUnavailable(Lang),
}

/// Where keyboard focus goes once the screen has changed after a user's action, so that a
/// keyboard or screen-reader user is told where they now are instead of being left on `<body>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The heading of the screen now shown (the step, the start screen).
    Heading,
    /// The message about what just happened.
    Notice,
    /// A question the app asks before going on (an import that would replace, a share link).
    Decision,
}

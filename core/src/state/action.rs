//! Everything that can happen to the state, named.

use super::{Edit, StorageError, WorkshopSession};
use crate::format::ImportError;
use crate::i18n::Lang;
use crate::model::{Assessment, Mode};
use crate::steps::Step;
use crate::workshop::Item;

/// What to do with an imported file whose id is already in the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportChoice {
    /// Keep both: the file becomes a new assessment with a new id.
    KeepBoth {
        new_id: String,
    },
    Replace,
    Cancel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user chose a language (its texts are here: see `i18n::is_available`).
    SetLang(Lang),
    /// The user chose a language whose texts are being fetched.
    LangLoading(Lang),
    /// The user chose a language whose texts could not be loaded.
    LangUnavailable(Lang),
    /// A storage call succeeded (`None`) or failed.
    StorageResult(Option<StorageError>),
    Create {
        id: String,
        now: String,
        mode: Mode,
        name: String,
    },
    Open(String),
    /// Back to the start screen.
    Close,
    Goto(Step),
    Edit {
        now: String,
        edit: Edit,
    },
    Rename {
        id: String,
        name: String,
        now: String,
    },
    Duplicate {
        id: String,
        new_id: String,
        now: String,
        name: String,
    },
    Delete(String),
    Undo,
    DismissNotice,
    Import(Box<Assessment>),
    ImportFailed(ImportError),
    ResolveImport(ImportChoice),
    /// A share link was opened: its assessment, validated as a file import is, or why not.
    Shared(Result<Box<Assessment>, crate::share::Refused>),
    /// The user's answer to a share link: import it (true) or not.
    SharedDecision(bool),
    /// Opens the merged view of a workshop.
    Workshop(Box<WorkshopSession>),
    /// Tally mode: `people` chose `value` for `item`.
    WorkshopCount {
        item: Item,
        value: u8,
        people: u32,
    },
    /// Switches between the merged view and tally mode.
    WorkshopTally(bool),
    WorkshopClose,
    /// Saves the suggested consensus as a new assessment and opens it for the facilitator to adjust.
    WorkshopConsensus {
        id: String,
        now: String,
        name: String,
    },
    /// Another window saved this (its stored revision is newer than ours).
    External(Box<Assessment>),
    /// Another window deleted this id.
    ExternalRemoved(String),
    /// Our write found a newer stored version: show it and say our change was not saved.
    Conflict(Box<Assessment>),
    /// The user deletes a quarantined stored value.
    DropQuarantined(String),
    /// The user deletes everything this app stored in this browser.
    DeleteAll,
    Exported {
        id: String,
        at: String,
    },
}

//! Local storage, at the edge. Every call can fail (storage blocked by policy, full, or missing in
//! some private modes) and every failure is a value, never a panic: the app then keeps working in
//! memory and says so.
//!
//! `web_sys::Storage` is used directly rather than `gloo::storage::LocalStorage`, whose accessor
//! throws when the browser blocks `window.localStorage` (a sandboxed frame, cookies disabled).

use crate::i18n::Lang;
pub use crate::state::StorageError;

/// The storage of one widget instance: every key is prefixed with its namespace, so two widgets on
/// one page (or two portals on one origin) never share data by accident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    prefix: String,
}

impl Store {
    pub fn new(namespace: &str) -> Self {
        Store {
            prefix: format!("autodiag37101:{namespace}:"),
        }
    }

    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    fn storage() -> Result<web_sys::Storage, StorageError> {
        web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .ok_or(StorageError::Unavailable)
    }

    pub fn get(&self, name: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?
            .get_item(&self.key(name))
            .map_err(|_| StorageError::Unavailable)
    }

    pub fn set(&self, name: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?
            .set_item(&self.key(name), value)
            .map_err(|_| StorageError::WriteRefused)
    }

    pub fn remove(&self, name: &str) -> Result<(), StorageError> {
        Self::storage()?
            .remove_item(&self.key(name))
            .map_err(|_| StorageError::WriteRefused)
    }

    /// The language the user chose last time, if any. A value this version does not know is
    /// ignored rather than trusted.
    pub fn load_lang(&self) -> Result<Option<Lang>, StorageError> {
        Ok(self.get("lang")?.as_deref().and_then(Lang::from_id))
    }

    pub fn save_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.set("lang", lang.id())
    }
}

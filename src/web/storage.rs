//! Local storage, at the edge. Every call can fail (storage blocked by policy, full, or missing in
//! some private modes) and every failure is a value, never a panic: the app then keeps working in
//! memory and says so.
//!
//! Assessments are stored one per key, in the export format (written as version 2, older versions
//! migrated on reading: one migration chain for files and storage; `docs/spec/format.md` § Local
//! storage). A value that cannot be read is kept aside untouched ("quarantined"): nothing here ever
//! overwrites or removes a key it could not read, unless the user asks to.
//!
//! `web_sys::Storage` is used directly rather than `gloo::storage::LocalStorage`, whose accessor
//! throws when the browser blocks `window.localStorage` (a sandboxed frame, cookies disabled).

use crate::format;
use crate::i18n::Lang;
use crate::model::{Assessment, Keyed};
use crate::state::Quarantined;
pub use crate::state::StorageError;
use crate::steps::Step;

/// The storage of one widget instance: every key is prefixed with its namespace, so two widgets on
/// one page (or two portals on one origin) never share data by accident.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    prefix: String,
}

/// Everything stored for one namespace, read at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    pub lang: Option<Lang>,
    pub assessments: Vec<Assessment>,
    pub quarantine: Vec<Quarantined>,
    pub exported: Keyed<String>,
    pub current: Option<String>,
    pub steps: Keyed<Step>,
    /// A fingerprint of each assessment's stored text, by id: a later save that finds the same
    /// text knows nobody else wrote it, and need not read it again.
    pub stored: Keyed<u64>,
}

/// What a save found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    Written,
    /// Another window stored a newer revision: nothing was written; here it is.
    Newer(Box<Assessment>),
}

const ASSESSMENT: &str = "a:";
const STEP: &str = "step:";
const EXPORTED: &str = "exported:";

impl Store {
    pub fn new(namespace: &str) -> Self {
        Store {
            prefix: format!("autodiag37101:{namespace}:"),
        }
    }

    /// The namespace this store keeps its data under.
    pub fn namespace(&self) -> &str {
        self.prefix
            .trim_start_matches("autodiag37101:")
            .trim_end_matches(':')
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

    /// Names (keys without the prefix) of everything stored for this namespace.
    fn names(&self) -> Result<Vec<String>, StorageError> {
        let s = Self::storage()?;
        let n = s.length().map_err(|_| StorageError::Unavailable)?;
        Ok((0..n)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter_map(|k| k.strip_prefix(&self.prefix).map(str::to_string))
            .collect())
    }

    /// The language the user chose last time, if any. A value this version does not know is
    /// ignored rather than trusted.
    pub fn load_lang(&self) -> Result<Option<Lang>, StorageError> {
        Ok(self.get("lang")?.as_deref().and_then(Lang::from_id))
    }

    pub fn save_lang(&self, lang: Lang) -> Result<(), StorageError> {
        self.set("lang", lang.id())
    }

    /// Reads everything this namespace stored. Unreadable assessments are quarantined, in the
    /// order of their keys, and their keys are left as they are.
    pub fn load(&self) -> Result<Loaded, StorageError> {
        let mut out = Loaded {
            lang: self.load_lang()?,
            current: self.get("current")?,
            ..Loaded::default()
        };
        let mut names = self.names()?;
        crate::model::sort_small_by(&mut names, |a, b| a.cmp(b));
        for name in names {
            let Some(value) = self.get(&name)? else {
                continue;
            };
            if let Some(id) = name.strip_prefix(ASSESSMENT) {
                match format::import(value.as_bytes()) {
                    Ok(a) if a.id == id => {
                        out.stored.insert(a.id.clone(), fingerprint(&value));
                        out.assessments.push(a);
                    }
                    Ok(_) => out.quarantine.push(Quarantined {
                        key: name.clone(),
                        raw: value,
                        error: format::ImportError::NotOurFormat,
                    }),
                    Err(error) => out.quarantine.push(Quarantined {
                        key: name.clone(),
                        raw: value,
                        error,
                    }),
                }
            } else if let Some(id) = name.strip_prefix(EXPORTED) {
                out.exported.insert(id.to_string(), value);
            } else if let Some(id) = name.strip_prefix(STEP) {
                if let Some(step) = Step::from_id(&value) {
                    out.steps.insert(id.to_string(), step);
                }
            }
        }
        Ok(out)
    }

    /// Writes an assessment unless storage already holds a newer revision of it (written by
    /// another window): then nothing is written and the newer one is returned.
    pub fn save(&self, a: &Assessment) -> Result<Saved, StorageError> {
        Ok(match self.save_over(a, None)? {
            Ok(_) => Saved::Written,
            Err(theirs) => Saved::Newer(theirs),
        })
    }

    /// `save`, knowing the fingerprint of the text this widget last wrote or read for `a`: when
    /// storage still holds that text, nobody else wrote it, and it is not parsed again. Returns
    /// the fingerprint of the text written, or the newer stored assessment.
    pub fn save_over(
        &self,
        a: &Assessment,
        known: Option<u64>,
    ) -> Result<Result<u64, Box<Assessment>>, StorageError> {
        let name = format!("{ASSESSMENT}{id}", id = a.id);
        if let Some(stored) = self.get(&name)? {
            if Some(fingerprint(&stored)) != known {
                if let Ok(theirs) = format::import(stored.as_bytes()) {
                    if theirs.revision >= a.revision && theirs != *a {
                        return Ok(Err(Box::new(theirs)));
                    }
                }
            }
        }
        let text = format::export_compact(a);
        self.set(&name, &text)?;
        Ok(Ok(fingerprint(&text)))
    }

    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.remove(&format!("{ASSESSMENT}{id}"))?;
        self.remove(&format!("{STEP}{id}"))?;
        self.remove(&format!("{EXPORTED}{id}"))
    }

    /// Remembers which assessment is open and at which step, to come back to it after a reload.
    pub fn save_position(
        &self,
        current: Option<&str>,
        step: Option<Step>,
    ) -> Result<(), StorageError> {
        match (current, step) {
            (Some(id), Some(step)) => {
                self.set("current", id)?;
                self.set(&format!("{STEP}{id}"), &step.id())
            }
            _ => self.remove("current"),
        }
    }

    pub fn save_exported(&self, id: &str, at: &str) -> Result<(), StorageError> {
        self.set(&format!("{EXPORTED}{id}"), at)
    }

    /// Removes a key kept aside (quarantined), at the user's request.
    pub fn drop_quarantined(&self, name: &str) -> Result<(), StorageError> {
        self.remove(name)
    }

    /// Deletes everything this namespace stored, at the user's request.
    pub fn clear(&self) -> Result<(), StorageError> {
        for name in self.names()? {
            self.remove(&name)?;
        }
        Ok(())
    }

    /// The assessment id a storage key (full key, as a `storage` event gives it) belongs to.
    pub fn assessment_id<'k>(&self, key: &'k str) -> Option<&'k str> {
        key.strip_prefix(self.prefix.as_str())?
            .strip_prefix(ASSESSMENT)
    }
}

/// FNV-1a, 64 bits: enough to tell whether a stored text is still the one this widget wrote.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

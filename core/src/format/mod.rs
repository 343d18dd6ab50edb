//! Export format v2 (`autodiag-37101`): the one JSON document that the export downloads, the import
//! reads, a share link carries and local storage keeps.
//!
//! Export is plain serde serialisation of a view of the model. Import is strict and hand-walked over
//! a `serde_json::Value`, so that every problem is a typed error naming its place
//! (`areas.governance.level`) rather than a parser's column number, and so that older versions can be
//! migrated as documents before they are read.

//!
//! `export` writes documents, `import` reads them (strictly), `migrate` brings older versions up
//! to this one before they are read, and `errors` says in plain words what was wrong.

mod errors;
mod export;
mod import;
mod migrate;

pub use crate::numbers::thousands;
pub use errors::{Expected, IdKind, ImportError, Problem};
pub use export::{export, export_answers, export_compact, indent};
pub use import::{import, import_value};

pub const FORMAT: &str = "autodiag-37101";
pub const VERSION: u64 = 2;
/// The largest document import reads, checked before parsing.
pub const MAX_DOCUMENT_BYTES: usize = 1_000_000;
/// The deepest nesting of arrays and objects the JSON parser reads (`serde_json`'s recursion
/// limit); a document is far shallower.
pub const MAX_NESTING: usize = 127;

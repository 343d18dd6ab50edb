//! The core of Autodiag 37101: everything that is not the browser. The ISO 37101 content as data
//! (`content`, generated at compile time from `content/*.toml`), the assessment (`model`), its
//! scores (`scoring`), the export format and its migrations (`format`), the workshop merge
//! (`workshop`), the comparison with an earlier assessment (`compare`), the CSV (`csv`), share
//! links (`share`), the host's settings (`config`), the interface's words (`i18n`), the guided
//! path (`steps`) and the one reducer (`state`). For the command line: the machine CSV (`table`)
//! and area levels across many communities (`summary`).
//!
//! This crate depends on neither Yew nor any browser API: a compile error, not a habit. The app
//! (the root crate) renders it; the command line reads files with it.

pub mod compare;
pub mod config;
pub mod content;
pub mod csv;
pub mod files;
pub mod findings;
pub mod format;
pub mod i18n;
mod ids;
pub mod lang;
pub mod model;
pub mod numbers;
pub mod print;
pub mod remote;
pub mod report;
pub mod scoring;
pub mod share;
pub mod state;
pub mod steps;
pub mod summary;
pub mod table;
pub mod workshop;

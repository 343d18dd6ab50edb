//! Autodiag 37101: a self-assessment widget for ISO 37101, sustainable development in communities.
//!
//! The core (`content`, `model`, `scoring`, `format`, `state`) is plain Rust with no web dependency,
//! tested natively. The UI (`app`, `components`, `hooks`) renders state and dispatches actions;
//! `storage` is the adapter to the browser.

pub mod content;
pub mod format;
pub mod i18n;
mod ids;
pub mod model;
pub mod scoring;

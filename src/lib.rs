//! Autodiag 37101: a self-assessment widget for ISO 37101, sustainable development in communities.
//!
//! The core (`autodiag_core`: content, model, scores, format, the reducer) is a crate of its own
//! with no web dependency, tested natively; its modules are re-exported here under the same names.
//! The UI (`app`, `components`, `hooks`) renders state and dispatches actions; `web` holds every
//! adapter to the browser (storage, files, clock, events) and every `cfg(target_arch)`.

pub use autodiag_core::{
    compare, config, content, csv, findings, format, i18n, model, numbers, print, remote, report,
    scoring, share, state, steps, workshop,
};

pub mod app;
pub mod components;
pub mod extras;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod mount;
pub mod screens;
pub mod web;

pub use web::{events, files, platform, storage};

pub use app::{App, AppProps};

/// The element attribute that marks where a widget goes.
pub const HOST_ATTRIBUTE: &str = "data-autodiag";

/// The widget's style sheet in the page: a `<link>` in the standalone page, one the embed loader
/// adds (with `media="not all"`, so that it styles nothing of the host page), or a `<style>` in
/// the offline single file.
pub const STYLE_LINK: &str = "[data-autodiag-style]";

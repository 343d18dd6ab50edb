//! The adapters to the browser: local storage, files (reading, downloading), the clock, ids,
//! printing and compression (`platform`), the events a host page is sent, keyboard focus, and each
//! widget's shadow root. Every browser API call and every `cfg(target_arch)` of the app lives
//! under this folder, except the wasm entry points' own (`crate::mount`).

pub mod events;
pub mod extras;
pub mod files;
pub mod focus;
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod shadow;
pub mod storage;
pub mod tasks;

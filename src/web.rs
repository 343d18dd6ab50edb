//! The adapters to the browser: local storage, files (reading, downloading), the clock, ids,
//! printing and compression (`platform`), and the events a host page is sent. Every browser API
//! call and every `cfg(target_arch)` of the app lives under this folder; `mount` holds the wasm
//! entry points.

#[cfg(target_arch = "wasm32")]
pub mod mount;

pub mod events;
pub mod files;
pub mod platform;
pub mod storage;
pub mod tasks;

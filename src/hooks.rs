//! Custom hooks.

mod use_app;
mod use_persistence;

pub use use_app::{use_app, AppContext, Host};
pub use use_persistence::{from_other_window, use_persistence};

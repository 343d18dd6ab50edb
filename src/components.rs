//! The components. Each renders state and dispatches actions; none touches storage or the DOM
//! outside itself.

mod lang_switch;
mod overview;

pub use lang_switch::LangSwitch;
pub use overview::Overview;

//! The components: pieces the screens (`crate::screens`) are made of, each rendering state and
//! dispatching actions; storage, files and the clock are reached only through the adapters
//! (`storage`, `files`, `platform`).
//!
//! Only what needs hooks of its own is a `#[component]`; the rest are plain functions returning
//! `Html`. Yew compiles its component machinery once per component type, and in this app that
//! was most of the WebAssembly's size.

mod assessment_list;
mod export_button;
pub mod fields;
mod file_picker;
mod lang_switch;
mod notices;
mod on_demand;
mod overview;
mod radio_group;
pub mod render;
mod share;

pub use assessment_list::AssessmentList;
pub use export_button::export_button;
pub use file_picker::FilePicker;
pub use lang_switch::lang_switch;
pub use notices::notices;
pub use on_demand::OnDemand;
pub use overview::overview;
pub use radio_group::{radio_group, Choice, Question};
pub use share::SharePanel;

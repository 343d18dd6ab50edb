//! The components. Each renders state and dispatches actions; storage, files and the clock are
//! reached only through the adapters (`storage`, `files`, `platform`).

mod assessment_list;
mod export_button;
mod fields;
mod file_picker;
mod lang_switch;
mod notices;
mod overview;
mod questions;
mod radio_group;
mod review;
mod start;
mod wizard;

pub use assessment_list::AssessmentList;
pub use export_button::ExportButton;
pub use file_picker::FilePicker;
pub use lang_switch::LangSwitch;
pub use notices::Notices;
pub use overview::Overview;
pub use radio_group::{Choice, RadioGroup, RadioGroupProps};
pub use review::ReviewStep;
pub use start::StartScreen;
pub use wizard::Wizard;
